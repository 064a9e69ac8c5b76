import type { Node } from 'web-tree-sitter';
import type { FactCollector, FactSink } from './facts/collector';
import { UnitContext, type FileScope } from './fileScope';
import type { ItemGroup } from './itemGroups';
import type { Unit } from './macroLayers';
import type { CodeContext, ConcurrencyModel, Finding, SignalInfo } from './model';
import type { Rule, Verdict } from './rules/rule';
import type { LineIndex } from './source';

/** What a match is handed to: a rule, which may report a finding, or a collector of facts about the crate. */
export type Consumer = Rule | FactCollector;

/**
 * A consumer as the checks read it: every rule and collector in this one shape. Rules differ in the
 * fields they leave out, and a place in the code that reads fields of objects of many shapes is
 * slow in V8 (megamorphic); the loop over every match of a file is such a place.
 */
export interface Checker {
  readonly consumer: Consumer;
  readonly collector: FactCollector | undefined;
  readonly check: Rule['check'];
  readonly contexts: readonly CodeContext[] | undefined;
  /** What a rule's findings carry of it; undefined for a collector. */
  readonly signal: FindingSignal | undefined;
  readonly concurrencyModel: ConcurrencyModel | undefined;
}

type FindingSignal = Pick<SignalInfo, 'id' | 'category' | 'polarity' | 'severity' | 'message'>;

/** A consumer's checker; the combined query (query.ts) makes one per consumer. */
export function checkerOf(consumer: Consumer): Checker {
  if (isCollector(consumer)) return { consumer, collector: consumer, check: undefined, contexts: undefined, signal: undefined, concurrencyModel: undefined };
  const { id, category, polarity, severity, message } = consumer;
  const signal: FindingSignal = { id, category, polarity, severity, message };
  return { consumer, collector: undefined, check: consumer.check, contexts: consumer.contexts, signal, concurrencyModel: consumer.concurrencyModel };
}

/** A match waiting for its check, with the unit it was found in and where a finding would be. */
export interface PendingMatch {
  unit: Unit;
  checker: Checker;
  captures: Record<string, Node>;
  /** The `site` capture, else the match's first. */
  site: Node;
  /** The `site.end` capture, if any. */
  siteEnd: Node | undefined;
}

export function isCollector(consumer: Consumer): consumer is FactCollector {
  return 'collect' in consumer;
}

/** Where collectors write the facts of one group, in offsets relative to the group's start. */
function factSink(group: ItemGroup, unit: Unit, ctx: UnitContext): FactSink {
  return {
    facts: group.facts,
    start: (node) => unit.absolute(node.startIndex) - group.start,
    end: (node) => unit.absolute(node.endIndex) - group.start,
    caller: (node) => {
      const start = ctx.enclosingFunction(node);
      return start === undefined ? undefined : start - group.start;
    },
  };
}

/** The verdict `true` read as an object: no detail. */
const NO_DETAIL: Exclude<Verdict, boolean> = {};

/**
 * Runs every check on the matches of one file, once its scopes and imports are all known: each
 * rule's verdict becomes a finding (one per rule and range), and each collector writes its facts
 * to the group that holds its match.
 */
export function evaluate(
  file: string,
  text: string,
  lines: LineIndex,
  scope: FileScope,
  ruleMatches: readonly PendingMatch[],
  groupAt: (offset: number) => ItemGroup | undefined,
): Finding[] {
  const contexts = new Map<Unit, UnitContext>();
  const findings = new FileFindings(file, text, lines);
  // The loop runs for every match and the findings are few: it is kept small for the optimising
  // compiler, which compiles it again whenever a path it has not seen runs, and what a finding or
  // a collector needs is done in functions of their own.
  for (const { unit, checker, captures, site, siteEnd } of ruleMatches) {
    if (!unit.inContent(site)) continue;
    let ctx = contexts.get(unit);
    if (!ctx) contexts.set(unit, (ctx = new UnitContext(scope, unit)));
    if (checker.collector) collectInGroup(checker.collector, captures, site, unit, ctx, groupAt);
    else {
      const verdict: Verdict = checker.check ? checker.check({ captures }, ctx) : true;
      if (verdict !== false) findings.add(checker, verdict, site, siteEnd, unit, ctx);
    }
  }
  return [...findings.byKey.values()];
}

function collectInGroup(collector: FactCollector, captures: Record<string, Node>, site: Node, unit: Unit, ctx: UnitContext, groupAt: (offset: number) => ItemGroup | undefined): void {
  const group = groupAt(unit.absolute(site.startIndex));
  if (group) collector.collect({ captures }, ctx, factSink(group, unit, ctx));
}

/** The findings of one file's rules: one per rule and range. */
class FileFindings {
  readonly byKey = new Map<string, Finding>();

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** A rule's verdict other than `false` on a match. */
  add(checker: Checker, verdict: true | Exclude<Verdict, boolean>, site: Node, siteEnd: Node | undefined, unit: Unit, ctx: UnitContext): void {
    // Not a collector, so a rule, which has a signal.
    const signal = checker.signal as FindingSignal;
    const detail = typeof verdict === 'object' ? verdict : NO_DETAIL;
    const start = detail.start ?? site;
    const end = detail.end ?? siteEnd ?? site;
    const context = ctx.contextOf(start);
    if (checker.contexts && !checker.contexts.includes(context)) return;
    const { text } = this;
    const startIndex = unit.absolute(start.startIndex);
    let endIndex = unit.absolute(end.endIndex);
    // A line comment's node takes in its newline; a range ends on its own line.
    while (endIndex > startIndex && (text[endIndex - 1] === '\n' || text[endIndex - 1] === '\r')) endIndex--;
    const key = `${signal.id}:${startIndex}:${endIndex}`;
    if (this.byKey.has(key)) return;
    const finding: Finding = {
      rule: signal.id,
      category: signal.category,
      polarity: signal.polarity,
      severity: signal.severity,
      message: detail.message ?? signal.message,
      file: this.file,
      range: this.lines.rangeOf(startIndex, endIndex),
      startIndex,
      endIndex,
      context,
    };
    if (checker.concurrencyModel) finding.concurrencyModel = checker.concurrencyModel;
    if (detail.subject !== undefined) finding.subject = detail.subject;
    this.byKey.set(key, finding);
  }
}
