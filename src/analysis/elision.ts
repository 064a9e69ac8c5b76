import type { Node } from 'web-tree-sitter';

/**
 * Rust's lifetime elision rules, applied to one function's own lifetime parameters. The rules
 * are purely syntactic, which is what lets a parser without a type checker tell a needless
 * `<'a>` from a needed one:
 *   1. every elided input lifetime becomes its own parameter;
 *   2. if there is exactly one input lifetime, it is given to every elided output lifetime;
 *   3. if there is `&self` or `&mut self`, self's lifetime is given to every elided output lifetime.
 * A named lifetime can be elided when writing the signature without it means the same thing.
 *
 * One limit is stated rather than hidden: a path type with a hidden lifetime parameter (a struct
 * `Foo` declared as `Foo<'a>` but written bare) cannot be seen without name resolution, so it is
 * not counted as an input lifetime.
 */
export interface LifetimeVerdict {
  name: string;
  /** The `lifetime_parameter` node in the function's generics. */
  node: Node;
  elidable: boolean;
  reason: string;
}

/** Nodes inside which a lifetime is part of a bound or a higher-ranked type, never elidable. */
const BOUND_CONTEXTS = new Set([
  'trait_bounds',
  'bounded_type',
  'abstract_type',
  'dynamic_type',
  'function_type',
  'for_lifetimes',
  'higher_ranked_trait_bound',
]);

interface LifetimeUse {
  name: string;
  inBound: boolean;
}

/** Lifetimes written in a type, and the number of elided ones (`&T` with no lifetime, or `'_`). */
function lifetimesIn(type: Node): { named: LifetimeUse[]; elided: number } {
  const named: LifetimeUse[] = [];
  let elided = 0;
  const visit = (node: Node, inBound: boolean): void => {
    if (node.type === 'lifetime') {
      const name = node.text;
      if (name === "'_") elided++;
      else named.push({ name, inBound });
      return;
    }
    if (node.type === 'reference_type' && !node.namedChildren.some((c) => c?.type === 'lifetime')) elided++;
    const nowInBound = inBound || BOUND_CONTEXTS.has(node.type);
    for (const child of node.namedChildren) if (child) visit(child, nowInBound);
  };
  visit(type, false);
  return { named, elided };
}

function namedLifetimeUses(node: Node | null): string[] {
  if (!node) return [];
  return node.descendantsOfType('lifetime').flatMap((l) => (l && l.text !== "'_" ? [l.text] : []));
}

export function classifyLifetimes(fn: Node): LifetimeVerdict[] {
  const generics = fn.childForFieldName('type_parameters');
  if (!generics) return [];
  const declared = generics.namedChildren.filter((c): c is Node => c?.type === 'lifetime_parameter');
  if (declared.length === 0) return [];

  // Lifetimes named in bounds (`T: 'a`, `'a: 'b`, where clauses) or inside the body cannot be removed.
  const pinned = new Set<string>();
  for (const param of generics.namedChildren) {
    if (!param) continue;
    if (param.type === 'lifetime_parameter') {
      const bounds = param.childForFieldName('bounds');
      if (bounds) for (const name of namedLifetimeUses(bounds)) pinned.add(name);
      if (bounds) pinned.add(param.childForFieldName('name')?.text ?? '');
    } else {
      for (const name of namedLifetimeUses(param)) pinned.add(name);
    }
  }
  const whereClause = fn.namedChildren.find((c) => c?.type === 'where_clause') ?? null;
  for (const name of namedLifetimeUses(whereClause)) pinned.add(name);
  for (const name of namedLifetimeUses(fn.childForFieldName('body'))) pinned.add(name);

  const inputs = new Map<string, number>();
  const inBoundInputs = new Set<string>();
  let inputPositions = 0;
  let selfLifetime: string | undefined;
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!param) continue;
    if (param.type === 'self_parameter') {
      if (!param.text.includes('&')) continue;
      const lifetime = param.namedChildren.find((c) => c?.type === 'lifetime');
      selfLifetime = lifetime && lifetime.text !== "'_" ? lifetime.text : '<elided self>';
      inputPositions++;
      if (lifetime && lifetime.text !== "'_") inputs.set(lifetime.text, (inputs.get(lifetime.text) ?? 0) + 1);
      continue;
    }
    const type = param.childForFieldName('type');
    if (!type) continue;
    const found = lifetimesIn(type);
    inputPositions += found.elided + found.named.length;
    for (const use of found.named) {
      inputs.set(use.name, (inputs.get(use.name) ?? 0) + 1);
      if (use.inBound) inBoundInputs.add(use.name);
    }
    const isTypedSelf = param.childForFieldName('pattern')?.text === 'self' && type.type === 'reference_type';
    if (isTypedSelf) selfLifetime = found.named[0]?.name ?? '<elided self>';
  }

  const output = fn.childForFieldName('return_type');
  const outputUses = output ? lifetimesIn(output).named : [];
  const inOutput = new Set(outputUses.map((u) => u.name));
  const inBoundOutput = new Set(outputUses.filter((u) => u.inBound).map((u) => u.name));

  return declared.map((node) => {
    const name = node.childForFieldName('name')?.text ?? node.text;
    const verdict = (elidable: boolean, reason: string): LifetimeVerdict => ({ name, node, elidable, reason });
    const inputCount = inputs.get(name) ?? 0;
    if (pinned.has(name)) return verdict(false, `\`${name}\` is named in a bound or in the body`);
    if (inBoundInputs.has(name) || inBoundOutput.has(name)) {
      return verdict(false, `\`${name}\` bounds a trait object, closure or \`impl Trait\``);
    }
    if (inputCount >= 2) return verdict(false, `\`${name}\` ties ${inputCount} inputs together`);
    if (inOutput.has(name)) {
      if (inputCount === 0) return verdict(false, `the output's \`${name}\` comes from no input`);
      if (inputPositions === 1) return verdict(true, `\`${name}\` is the only input lifetime, so elision gives it to the output`);
      if (selfLifetime === name) return verdict(true, `\`${name}\` is the lifetime of \`self\`, which elision gives to the output`);
      return verdict(false, `the output borrows from one of ${inputPositions} inputs, which elision cannot choose`);
    }
    if (inputCount === 0) return verdict(true, `\`${name}\` is declared but never used`);
    return verdict(true, `\`${name}\` appears once and not in the output, so an elided lifetime means the same`);
  });
}
