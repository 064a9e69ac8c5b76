import { Query, type Language } from 'web-tree-sitter';
import { errorMessage } from './errorMessage';
import { checkerOf, isCollector, type Checker, type Consumer } from './evaluate';
import { SYNTAX_FACTS, type SyntaxFact } from './syntaxFacts';
import { CALL_QUERY, INNER_ATTRIBUTE_QUERY, OUTER_ATTRIBUTE_QUERY } from './syntax';

/** The shapes matched by name (`methods`, `calls`, `macros`, attributes), and `use` declarations, whose bindings the engine keeps per group. */
type NamedRole = 'method' | 'call' | 'macro' | 'attribute' | 'innerAttribute' | 'use';

/** What the matches of one pattern are for: a rule or collector, a syntax fact, or a shape matched by name. */
export type PatternRole = { kind: 'rule'; checker: Checker } | { kind: 'fact'; fact: SyntaxFact } | { kind: NamedRole };

/**
 * The shared shapes that rules match by name: one pattern each, dispatched through a table.
 * A method call's pattern captures the call's parts: looked up, a node's parent is a walk down
 * from the root each time, which cost more than the captures. A path call's captures only the
 * name, which the crate's call facts share; the rest is looked up for the few calls a rule names.
 * So are an attribute's parts: its pattern is the test-code facts', which match every attribute.
 */
const NAMED_PATTERNS: { role: PatternRole; query: string }[] = [
  {
    role: { kind: 'method' },
    query: '(call_expression function: (field_expression value: (_) @receiver field: (field_identifier) @site) arguments: (arguments) @args) @call',
  },
  { role: { kind: 'call' }, query: CALL_QUERY },
  { role: { kind: 'macro' }, query: '(macro_invocation macro: (_) @macro.name "!" @macro.bang (token_tree) @macro.args) @macro' },
  { role: { kind: 'attribute' }, query: OUTER_ATTRIBUTE_QUERY },
  { role: { kind: 'innerAttribute' }, query: INNER_ATTRIBUTE_QUERY },
  { role: { kind: 'use' }, query: '(use_declaration) @use' },
];

function index(table: Map<string, Checker[]>, names: readonly string[], checker: Checker): void {
  for (const name of names) table.set(name, [...(table.get(name) ?? []), checker]);
}

/** Any of a table's names as a whole word. */
function wordsOf(table: Map<string, Checker[]>): RegExp | undefined {
  if (table.size === 0) return undefined;
  return new RegExp(String.raw`\b(?:${[...table.keys()].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\b`);
}

/**
 * Every rule's and collector's query, the syntax facts' and the named shapes', compiled into a
 * single query so that one pass over each tree serves them all, with the tables that say which
 * consumers each match is for.
 */
export class CombinedQuery {
  readonly query: Query;
  /** Per pattern, what its matches are for: consumers and facts whose pattern text is the same share the pattern. */
  readonly roles: PatternRole[][] = [];
  readonly byMethod = new Map<string, Checker[]>();
  readonly byCall = new Map<string, Checker[]>();
  readonly byMacro = new Map<string, Checker[]>();
  readonly byAttribute = new Map<string, Checker[]>();
  readonly byInnerAttribute = new Map<string, Checker[]>();
  /** The names in byAttribute and byInnerAttribute as words of a regular expression; undefined when there are none (see takeShape). */
  readonly attributeWords: RegExp | undefined;
  readonly innerAttributeWords: RegExp | undefined;
  /** The `lines` rules by expression: rules that give the same one share its pass over the text, and its matches' captures. */
  readonly byLines: { checkers: Checker[]; pattern: RegExp }[] = [];

  constructor(language: Language, consumers: readonly Consumer[]) {
    const parts = [...NAMED_PATTERNS, ...SYNTAX_FACTS.map((fact): { role: PatternRole; query: string } => ({ role: { kind: 'fact', fact }, query: fact.query }))];
    for (const consumer of consumers) {
      const checker = checkerOf(consumer);
      // `Array.isArray` narrows a readonly array to `any[]`; `flat` keeps each matcher typed.
      for (const matcher of [consumer.match].flat()) {
        if ('query' in matcher) parts.push({ role: { kind: 'rule', checker }, query: matcher.query });
        else if ('methods' in matcher) index(this.byMethod, matcher.methods, checker);
        else if ('calls' in matcher) index(this.byCall, matcher.calls, checker);
        else if ('macros' in matcher) index(this.byMacro, matcher.macros, checker);
        else if ('attributes' in matcher) index(this.byAttribute, matcher.attributes, checker);
        else if ('innerAttributes' in matcher) index(this.byInnerAttribute, matcher.innerAttributes, checker);
        else this.lineRules(matcher.lines).push(checker);
      }
    }
    this.attributeWords = wordsOf(this.byAttribute);
    this.innerAttributeWords = wordsOf(this.byInnerAttribute);
    const shared = new Map<string, PatternRole[]>();
    for (const { role, query } of parts) shared.set(query, [...(shared.get(query) ?? []), role]);
    const unique = [...shared].map(([query, roles]) => ({ query, roles }));
    this.query = compileCombinedQuery(language, unique);
    // Each pattern belongs to the part whose text holds the pattern's start (queries are ASCII).
    const partEnds: number[] = [];
    let offset = 0;
    for (const part of unique) partEnds.push((offset += part.query.length + 1));
    for (let i = 0, part = 0; i < this.query.patternCount(); i++) {
      const start = this.query.startIndexForPattern(i);
      while (start >= partEnds[part]) part++;
      this.roles.push(unique[part].roles);
    }
  }

  /** The checkers of a `lines` expression, the expression made global (it is run with `matchAll`). */
  private lineRules(lines: RegExp): Checker[] {
    const flags = lines.flags.includes('g') ? lines.flags : `${lines.flags}g`;
    const same = this.byLines.find(({ pattern }) => pattern.source === lines.source && pattern.flags === flags);
    if (same) return same.checkers;
    const checkers: Checker[] = [];
    this.byLines.push({ checkers, pattern: new RegExp(lines.source, flags) });
    return checkers;
  }

  delete(): void {
    this.query.delete();
  }
}

function ownerOf(role: PatternRole): string {
  if (role.kind === 'rule') {
    const { consumer } = role.checker;
    return isCollector(consumer) ? `fact "${consumer.fact}"` : `rule "${consumer.id}"`;
  }
  return role.kind === 'fact' ? 'internal syntax fact' : `internal ${role.kind} pattern`;
}

/** Compiles all parts as one query; on failure, compiles them one by one to name the culprit. */
function compileCombinedQuery(language: Language, parts: { roles: PatternRole[]; query: string }[]): Query {
  try {
    return new Query(language, parts.map((p) => p.query).join('\n'));
  } catch (combinedError) {
    for (const { roles, query } of parts) {
      try {
        new Query(language, query).delete();
      } catch (error) {
        throw new Error(`The ${roles.map(ownerOf).join(' and ')} has an invalid tree-sitter query: ${errorMessage(error)}`, { cause: error });
      }
    }
    throw combinedError;
  }
}
