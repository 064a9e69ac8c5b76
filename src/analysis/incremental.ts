import { groupsAfterEdits, type EditSpan, type GroupSpan, type ItemGroup, type KeptGroup } from './itemGroups';
import type { LineIndex } from './source';

/** A kept group where the edits put it: itself when no edit came before it, else a copy at its new anchor. */
function moveGroup({ group, start, end, moved }: KeptGroup, lines: LineIndex): ItemGroup {
  if (!moved) return group;
  const { line, character } = lines.positionAt(start);
  return { ...group, start, end, line, character };
}

/** What the groups' `use` declarations bind, in order, as one string to compare. */
export function importsKey(groups: readonly ItemGroup[]): string {
  return groups.flatMap((group) => group.imports.map(([local, path]) => `${local}=${path}`)).join('\n');
}

/**
 * Pairs each group of the new tree with the group of the analysis before the edit that is now at
 * its place, untouched by the edit and by the syntax it changed: those are kept, their anchors moved.
 * The others are the targets to analyse again. Undefined when every group must be analysed, or
 * when a group of the analysis before reached the whole file.
 */
export function keptAfterEdit(
  previous: readonly ItemGroup[],
  edits: readonly EditSpan[],
  changedRanges: readonly { startIndex: number; endIndex: number }[],
  spans: readonly GroupSpan[],
  lines: LineIndex,
): { groups: (ItemGroup | undefined)[]; targets: number[] } | undefined {
  if (previous.some((group) => group.fileWide)) return undefined;
  // Both lists are in file order: walk them together to pair each span with the kept group now at its place.
  const kept = groupsAfterEdits(previous, edits).filter((group) => group !== undefined);
  const groups: (ItemGroup | undefined)[] = [];
  const targets: number[] = [];
  let k = 0;
  for (const [i, span] of spans.entries()) {
    while (k < kept.length && kept[k].start < span.start) k++;
    const candidate = kept[k];
    const same = candidate && candidate.start === span.start && candidate.end === span.end;
    const changed = changedRanges.some((range) => range.startIndex <= span.end && range.endIndex >= span.start);
    if (same && !changed) {
      groups[i] = moveGroup(candidate, lines);
      k++;
    } else targets.push(i);
  }
  return targets.length === spans.length ? undefined : { groups, targets };
}
