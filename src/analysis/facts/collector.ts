import type { Node } from 'web-tree-sitter';
import type { Matcher, RuleContext, RuleMatch } from '../rules/rule';
import type { FileFacts } from './model';

/** Where a collector writes: the facts of the item group that holds the match, in offsets relative to the group. */
export interface FactSink {
  facts: FileFacts;
  /** A node's start, relative to the group. */
  start(node: Node): number;
  end(node: Node): number;
  /** The start of the function whose body holds the node, relative to the group, if any. */
  caller(node: Node): number | undefined;
}

/**
 * One kind of fact about the crate: a matcher, as a rule has, and what to record of each match.
 * The engine runs collectors in the same pass as the rules, so the crate model costs no parse.
 */
export interface FactCollector {
  fact: string;
  match: Matcher | readonly Matcher[];
  collect(match: RuleMatch, ctx: RuleContext, sink: FactSink): void;
}
