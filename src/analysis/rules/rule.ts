import type { Node } from 'web-tree-sitter';
import type { CodeContext, SignalInfo } from '../model';
import type { LifetimeVerdict } from '../elision';

/**
 * What a rule's check may ask about the code around a match. The engine implements it once per
 * parsed unit (a file, or the re-parsed arguments of a macro), so a check never has to know
 * whether its node came from a macro.
 */
export interface RuleContext {
  text(node: Node): string;
  /** Where the node sits: test code, a bench, the crate's own code, and so on. */
  contextOf(node: Node): CodeContext;
  /**
   * True inside an `async fn` or async block, unless inside a closure there: a closure is deferred
   * work, except one an `Option`, `Result` or iterator method runs in place.
   */
  isInAsync(node: Node): boolean;
  /** True inside a closure that runs later or elsewhere (see isInAsync), which the code around it does not wait for. */
  isDeferred(node: Node): boolean;
  /** True in the re-parsed arguments of a macro call rather than in the file's own syntax. */
  isInMacroArguments(node: Node): boolean;
  /**
   * True inside an `unsafe` block or the body of an `unsafe fn`, macro arguments there included,
   * and false in a function declared inside either: its body is its own.
   */
  isInUnsafeCode(node: Node): boolean;
  /** The `for`, `while` or `loop` body of the same function that holds the node, if any. */
  enclosingLoop(node: Node): LoopScope | undefined;
  /** The absolute start of the function whose body holds the node; undefined outside every function. */
  enclosingFunction(node: Node): number | undefined;
  /** The `impl` or `trait` block a function is declared in; undefined for a free function. */
  declaringBlock(fn: Node): DeclaringBlock | undefined;
  /** The full path a path expression names, through the file's `use` declarations. */
  resolvePath(pathText: string): string;
  /** The verdicts of Rust's lifetime elision rules for a function's own lifetime parameters. */
  lifetimeVerdicts(fn: Node): LifetimeVerdict[];
  /** The comments directly above the statement or item that holds the node. */
  leadingComments(node: Node): string[];
  /** Whether an item carries outer documentation: doc comments or a `#[doc = ..]` attribute. */
  isDocumented(item: Node): boolean;
}

export interface DeclaringBlock {
  /** The `impl` block's type (`Store` for `impl<T> Store<T>`), or the trait's name. */
  owner?: string;
  /** An `impl Trait for Type` block, whose methods' signatures the trait fixes. */
  traitImpl: boolean;
}

export interface LoopScope {
  /** The loop starts a task or thread per iteration, so its clones feed those tasks. */
  spawnsTasks: boolean;
}

export interface RuleMatch {
  /** The first node of each capture name in the match. */
  captures: Record<string, Node>;
}

/**
 * A check's answer. `false` drops the match; `true` keeps it as the query found it; an object
 * keeps it with a message specialised to the site and, optionally, a different range and the
 * finding's `subject` (see Finding).
 */
export type Verdict = boolean | { message?: string; start?: Node; end?: Node; subject?: string };

/**
 * How a rule finds its candidates. Most rules look at method calls, path calls, macro calls or
 * attributes by name: those share one query pattern each, and the engine hands each match to the
 * rules that name it, so no text predicate runs for every call or attribute in the tree. Anything
 * else is a query.
 *
 * Captures given to the check:
 * - `methods`: `site` (the method name), `site.end` (the arguments), `receiver`, `call`;
 * - `calls`: `site` and `callee` (the function's path, turbofish included), `args`, `call`;
 *   a call matches when the last segment of its path is one of the names;
 * - `macros`: `site` (the macro's name), `site.end` (its `!`), `macro` (the invocation);
 *   a macro matches by its last name, so `tokio::select!` is `select`;
 * - `attributes` (outer, `#[..]`) and `innerAttributes` (`#![..]`): `site` (the name, the last
 *   segment of the path: `main` of `#[tokio::main]`), `path`, `attribute` (all of `#[..]`), `meta`
 *   (what the brackets hold) and, when it has them, `args` (the token tree of its arguments);
 * - `lines`: `site`, the smallest named syntax node at the first non-blank character of each match;
 * - `query`: the query's own captures; `@site` is where the finding is reported and `@site.end`,
 *   when present, extends the range to that node's end. A condition on a capture's text goes in
 *   the check, not in a `#match?` predicate: web-tree-sitter builds and names a new closure each
 *   time it tests one, and five such patterns cost about 2% of the analysis of the standard
 *   library (CONTRIBUTING's Benchmark section). `#eq?` and `#any-of?` build nothing.
 */
export type Matcher =
  | { query: string }
  | { methods: readonly string[] }
  | { calls: readonly string[] }
  | { macros: readonly string[] }
  | { attributes: readonly string[] }
  | { innerAttributes: readonly string[] }
  /** Lines of the file's text matching the expression; `site` is the syntax node where each match starts. */
  | { lines: RegExp };

export interface Rule extends SignalInfo {
  /** One matcher, or several whose candidates all go to the same check. */
  match: Matcher | readonly Matcher[];
  check?: (match: RuleMatch, ctx: RuleContext) => Verdict;
  /** The code contexts the signal is meaningful in; all when absent. */
  contexts?: readonly CodeContext[];
}

/**
 * Computes something once per match for all the rules it is handed to: rules that share a matcher
 * (a concern and its milder twin) receive the same captures, so the second asks the first's answer.
 */
export function perMatch<T>(compute: (match: RuleMatch, ctx: RuleContext) => T): (match: RuleMatch, ctx: RuleContext) => T {
  const answers = new WeakMap<Record<string, Node>, T>();
  return (match, ctx) => {
    if (answers.has(match.captures)) return answers.get(match.captures) as T;
    const answer = compute(match, ctx);
    answers.set(match.captures, answer);
    return answer;
  };
}

/** Defines a rule; an identity function that keeps each rule file's entries checked against `Rule`. */
export function rule(definition: Rule): Rule {
  return definition;
}

/** Strips generic arguments and white space from a path so `Arc :: < T >::new` reads `Arc::new`. */
export function normalisePath(text: string): string {
  if (!/[<\s]/.test(text)) return text;
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !/\s/.test(ch)) out += ch;
  }
  return out.replace(/::::/g, '::').replace(/::$/, '');
}

export function lastSegment(path: string): string {
  const i = path.lastIndexOf('::');
  return i === -1 ? path : path.slice(i + 2);
}
