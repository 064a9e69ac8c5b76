import type { Node } from 'web-tree-sitter';
import type { FactCollector, FactSink } from './facts/collector';
import { UnitContext, type FileScope } from './fileScope';
import type { ItemGroup } from './itemGroups';
import type { Unit } from './macroLayers';
import type { Finding } from './model';
import type { Rule, Verdict } from './rules/rule';
import type { LineIndex } from './source';

/** What a match is handed to: a rule, which may report a finding, or a collector of facts about the crate. */
export type Consumer = Rule | FactCollector;

/** A match waiting for its check, with the unit it was found in. */
export interface PendingMatch {
  unit: Unit;
  rule: Consumer;
  captures: Record<string, Node>;
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
  const findings = new Map<string, Finding>();
  for (const { unit, rule, captures } of ruleMatches) {
    const site = captures.site ?? Object.values(captures)[0];
    if (!unit.inContent(site)) continue;
    let ctx = contexts.get(unit);
    if (!ctx) contexts.set(unit, (ctx = new UnitContext(scope, unit)));
    if (isCollector(rule)) {
      const group = groupAt(unit.absolute(site.startIndex));
      if (group) rule.collect({ captures }, ctx, factSink(group, unit, ctx));
      continue;
    }
    const verdict: Verdict = rule.check ? rule.check({ captures }, ctx) : true;
    if (verdict === false) continue;
    const detail = typeof verdict === 'object' ? verdict : {};
    const start = detail.start ?? site;
    const end = detail.end ?? captures['site.end'] ?? site;
    const context = ctx.contextOf(start);
    if (rule.contexts && !rule.contexts.includes(context)) continue;
    const startIndex = unit.absolute(start.startIndex);
    let endIndex = unit.absolute(end.endIndex);
    // A line comment's node takes in its newline; a range ends on its own line.
    while (endIndex > startIndex && (text[endIndex - 1] === '\n' || text[endIndex - 1] === '\r')) endIndex--;
    const key = `${rule.id}:${startIndex}:${endIndex}`;
    if (findings.has(key)) continue;
    findings.set(key, {
      rule: rule.id,
      category: rule.category,
      polarity: rule.polarity,
      severity: rule.severity,
      message: detail.message ?? rule.message,
      file,
      range: lines.rangeOf(startIndex, endIndex),
      startIndex,
      endIndex,
      context,
      ...(rule.concurrencyModel ? { concurrencyModel: rule.concurrencyModel } : {}),
      ...(detail.subject !== undefined ? { subject: detail.subject } : {}),
    });
  }
  return [...findings.values()];
}
