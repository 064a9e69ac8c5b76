import type { Node } from 'web-tree-sitter';

/**
 * Rust's lifetime elision rules, applied to one function's own lifetime parameters. The rules
 * are purely syntactic, which is what lets a parser without a type checker tell a needless
 * `<'a>` from a needed one:
 *   1. every elided input lifetime becomes its own parameter;
 *   2. if there is exactly one input lifetime, it is given to every elided output lifetime;
 *   3. if the receiver is `&Self` or `&mut Self` (also inside `self: Pin<&mut Self>`), self's
 *      lifetime is given to every elided output lifetime.
 * Fn-pointer and `Fn*` trait types are their own elision scope: an elided lifetime inside them is
 * not an input of the function.
 *
 * One limit is stated rather than hidden: a path type with a hidden lifetime parameter (a struct
 * `Foo` declared as `Foo<'a>` but written bare) cannot be seen without the crate's type names, so
 * a verdict that counts the inputs' lifetimes lists the bare path types it could not see into.
 */
export interface LifetimeVerdict {
  name: string;
  /** The `lifetime_parameter` node in the function's generics. */
  node: Node;
  elision: Elision;
  reason: string;
  /**
   * The bare path types among the inputs (`Opts` in `o: Opts`, as written), when the verdict rests
   * on the inputs holding a single lifetime (rule 2). If any is declared with a lifetime parameter
   * it hides a second input lifetime, and the lifetime is required after all. Empty otherwise.
   */
  hiddenLifetimeCandidates: string[];
}

/**
 * - `removable`: the signature means the same with the lifetime left out (Clippy's
 *   `needless_lifetimes`, warn by default);
 * - `anonymous`: it can only become `'_`, as in `Parser<'_>` or `+ '_` (Clippy's pedantic
 *   `elidable_lifetime_names`);
 * - `required`: elision cannot say it.
 */
export type Elision = 'removable' | 'anonymous' | 'required';

/**
 * How a lifetime is written where it is used: on a reference (`&'a T`, left out when elided), as a
 * path's argument (`Parser<'a>`, `'_` when elided), as the outlives bound of a trait object or an
 * output's `impl` type (`+ 'a`, `+ '_` when elided), or anywhere else in a bound or an `Fn`/`fn` type.
 */
type UseKind = 'reference' | 'path' | 'object-bound' | 'bound';

/** Nodes inside which a lifetime is part of a bound or a higher-ranked type. */
const BOUND_CONTEXTS = new Set([
  'trait_bounds',
  'bounded_type',
  'abstract_type',
  'dynamic_type',
  'function_type',
  'for_lifetimes',
  'higher_ranked_trait_bound',
]);
/**
 * In an output, an `impl` or `dyn` type is the returned value's type: a reference in its
 * arguments elides like any other (`-> impl Iterator<Item = &str>`), and its `+ 'a` can be `+ '_`.
 */
const OUTPUT_TYPE_CONTEXTS = new Set(['abstract_type', 'dynamic_type', 'bounded_type']);
/** Trait names, not types, are written bare inside these. */
const TRAIT_CONTEXTS = new Set(['abstract_type', 'dynamic_type', 'trait_bounds', 'function_type']);

interface LifetimeUse {
  name: string;
  kind: UseKind;
}

function useKind(lifetime: Node, inBound: boolean, isOutput: boolean): UseKind {
  const parent = lifetime.parent;
  // `+ '_` is allowed on any output type and on an input's trait object, not on an input's `impl Trait` (E0658).
  if (parent?.type === 'bounded_type' && (isOutput || parent.namedChildren[0]?.type === 'dynamic_type')) return 'object-bound';
  if (inBound) return 'bound';
  return parent?.type === 'reference_type' ? 'reference' : 'path';
}

/** Lifetimes written in a type, and the number of elided ones (`&T` with no lifetime, or `'_`) outside `Fn`/`fn` types. */
function lifetimesIn(type: Node, isOutput: boolean): { named: LifetimeUse[]; elided: number } {
  const named: LifetimeUse[] = [];
  let elided = 0;
  const visit = (node: Node, inBound: boolean, inFnType: boolean): void => {
    if (node.type === 'lifetime') {
      if (node.text !== "'_") named.push({ name: node.text, kind: useKind(node, inBound, isOutput) });
      else if (!inFnType) elided++;
      return;
    }
    if (node.type === 'reference_type' && !inFnType && !node.namedChildren.some((c) => c?.type === 'lifetime')) elided++;
    const nowInBound = inBound || (BOUND_CONTEXTS.has(node.type) && !(isOutput && OUTPUT_TYPE_CONTEXTS.has(node.type)));
    const nowInFnType = inFnType || node.type === 'function_type';
    for (const child of node.namedChildren) if (child) visit(child, nowInBound, nowInFnType);
  };
  visit(type, false, false);
  return { named, elided };
}

function namedLifetimeUses(node: Node | null): string[] {
  if (!node) return [];
  return node.descendantsOfType('lifetime').flatMap((l) => (l && l.text !== "'_" ? [l.text] : []));
}

/** Path types written with no generic arguments in a type, outside trait names; the function's own type parameters excluded. */
function barePathTypes(type: Node, typeParameters: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (TRAIT_CONTEXTS.has(node.type)) return;
    const isPath = node.type === 'type_identifier' || node.type === 'scoped_type_identifier';
    if (isPath && node.parent?.type !== 'generic_type' && node.parent?.type !== 'type_binding') {
      const root = node.text.split('::')[0];
      if (!typeParameters.has(root) && root !== 'Self') found.push(node.text);
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(type);
  return found;
}

/** The lifetime of the first `&Self`/`&mut Self` in a receiver's type, or `<elided self>`; undefined when none. */
function receiverLifetime(type: Node): string | undefined {
  const reference = [type, ...type.descendantsOfType('reference_type')].find(
    (r) => r?.type === 'reference_type' && r.childForFieldName('type')?.text === 'Self',
  );
  if (!reference) return undefined;
  const lifetime = reference.namedChildren.find((c) => c?.type === 'lifetime');
  return lifetime && lifetime.text !== "'_" ? lifetime.text : '<elided self>';
}

export function classifyLifetimes(fn: Node): LifetimeVerdict[] {
  const generics = fn.childForFieldName('type_parameters');
  if (!generics) return [];
  const declared = generics.namedChildren.filter((c): c is Node => c?.type === 'lifetime_parameter');
  if (declared.length === 0) return [];
  const typeParameters = new Set(
    generics.namedChildren.flatMap((c) => (c?.type === 'type_parameter' ? [c.childForFieldName('name')?.text ?? ''] : [])),
  );

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

  const inputs = new Map<string, LifetimeUse[]>();
  const bareInputTypes = new Set<string>();
  let inputPositions = 0;
  let selfLifetime: string | undefined;
  const addInput = (use: LifetimeUse) => inputs.set(use.name, [...(inputs.get(use.name) ?? []), use]);
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!param) continue;
    if (param.type === 'self_parameter') {
      if (!param.text.includes('&')) continue;
      const lifetime = param.namedChildren.find((c) => c?.type === 'lifetime');
      selfLifetime = lifetime && lifetime.text !== "'_" ? lifetime.text : '<elided self>';
      inputPositions++;
      if (lifetime && lifetime.text !== "'_") addInput({ name: lifetime.text, kind: 'reference' });
      continue;
    }
    const type = param.childForFieldName('type');
    if (!type) continue;
    const found = lifetimesIn(type, false);
    inputPositions += found.elided + found.named.length;
    found.named.forEach(addInput);
    if (param.childForFieldName('pattern')?.text === 'self') selfLifetime = receiverLifetime(type);
    else for (const name of barePathTypes(type, typeParameters)) bareInputTypes.add(name);
  }

  const output = fn.childForFieldName('return_type');
  const outputUses = output ? lifetimesIn(output, true).named : [];

  return declared.map((node) => {
    const name = node.childForFieldName('name')?.text ?? node.text;
    const verdict = (elision: Elision, reason: string, hiddenLifetimeCandidates: string[] = []): LifetimeVerdict => ({
      name,
      node,
      elision,
      reason,
      hiddenLifetimeCandidates,
    });
    const inputUses = inputs.get(name) ?? [];
    const uses = [...inputUses, ...outputUses.filter((u) => u.name === name)];
    if (pinned.has(name)) return verdict('required', `\`${name}\` is named in a bound or in the body`);
    if (uses.some((u) => u.kind === 'bound')) return verdict('required', `\`${name}\` bounds a trait object, closure or \`impl Trait\``);
    if (inputUses.length >= 2) return verdict('required', `\`${name}\` ties ${inputUses.length} inputs together`);
    // Left out, a reference's lifetime disappears; a path's argument or an output's `+ 'a` becomes `'_`.
    const elided: Elision = uses.every((u) => u.kind === 'reference') ? 'removable' : 'anonymous';
    if (uses.length > inputUses.length) {
      if (inputUses.length === 0) return verdict('required', `the output's \`${name}\` comes from no input`);
      if (selfLifetime === name) return verdict(elided, `\`${name}\` is the lifetime of \`self\`, which elision gives to the output`);
      if (inputPositions === 1) {
        return verdict(elided, `\`${name}\` is the only input lifetime, so elision gives it to the output`, [...bareInputTypes]);
      }
      return verdict('required', `the output borrows from one of ${inputPositions} inputs, which elision cannot choose`);
    }
    if (inputUses.length === 0) return verdict('removable', `\`${name}\` is declared but never used`);
    return verdict(elided, `\`${name}\` appears once and not in the output`);
  });
}
