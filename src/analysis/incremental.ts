import { groupsAfterEdits, type EditSpan, type GroupSpan, type ItemGroup, type KeptGroup } from './itemGroups';
import type { LineIndex } from './source';

/** How many rows the edits moved a line down, or undefined when an edit ended on that line (its columns moved too). */
function rowsAdded(line: number, edits: readonly EditSpan[]): number | undefined {
  let rows = 0;
  for (const edit of edits) {
    if (line + rows <= edit.oldEndRow) return undefined;
    rows += edit.newEndRow - edit.oldEndRow;
  }
  return rows;
}

/**
 * Moves a kept group, in place, to where the edits put it. A finding on a line after an edit keeps
 * its columns and moves by the rows the edit added; only one on an edit's own line is looked up
 * anew. Moving in place rather than copying spares a keystroke in a long file thousands of objects
 * to allocate and collect.
 */
function shiftGroup({ group, start, end, editsBefore }: KeptGroup, lines: LineIndex): ItemGroup {
  if (editsBefore.length === 0) return group;
  const shift = start - group.start;
  for (const finding of group.findings) {
    finding.startIndex += shift;
    finding.endIndex += shift;
    const rows = rowsAdded(finding.range.start.line, editsBefore);
    if (rows === undefined) finding.range = lines.rangeOf(finding.startIndex, finding.endIndex);
    else {
      finding.range.start.line += rows;
      finding.range.end.line += rows;
    }
  }
  group.start = start;
  group.end = end;
  return group;
}

/** What the groups' `use` declarations bind, in order, as one string to compare. */
export function importsKey(groups: readonly ItemGroup[]): string {
  return groups.flatMap((group) => group.imports.map(([local, path]) => `${local}=${path}`)).join('\n');
}


/**
 * Pairs each group of the new tree with the group of the analysis before the edit that is now at
 * its place, untouched by the edit and by the syntax it changed: those are kept, moved in place.
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
      groups[i] = shiftGroup(candidate, lines);
      k++;
    } else targets.push(i);
  }
  return targets.length === spans.length ? undefined : { groups, targets };
}
