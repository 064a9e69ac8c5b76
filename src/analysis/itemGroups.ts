import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './facts/model';
import type { ImportBinding } from './imports';
import type { Finding } from './model';
import { lastStartingAtOrBefore, startField } from './sortedStarts';
import { COMMENT_TYPES } from './syntax';

/**
 * Incremental analysis of an edited document works item by item: what a rule finds in one
 * top-level item depends on that item alone (its attributes, doc comments and body), with two
 * exceptions the engine checks for, the file's `use` declarations and a file-wide `#![cfg(test)]`.
 * So the findings of an item the edit did not touch are kept, shifted to their new offsets.
 */

/** A run of top-level attributes and comments with the item they belong to: offsets in the file. */
export interface GroupSpan {
  start: number;
  end: number;
}

/** What the analysis found in one group, kept for the next edit. */
export interface ItemGroup extends GroupSpan {
  findings: Finding[];
  /** What the group tells about the crate, in offsets relative to the group's start. */
  facts: FileFacts;
  counts: ItemCounts;
  /** What the group's own `use` declarations bind (those in macro arguments make it `fileWide`). */
  imports: ImportBinding[];
  /** It holds a `use` inside macro arguments or a file-wide `#![cfg(test)]`, which reach every item: any edit needs the whole file again. */
  fileWide: boolean;
}

export interface ItemCounts {
  functions: number;
  publicItems: number;
  documentedPublicItems: number;
  modules: number;
}

export function noCounts(): ItemCounts {
  return { functions: 0, publicItems: 0, documentedPublicItems: 0, modules: 0 };
}

/** One edit in the offsets of the text the previous edits left, as `tree.edit` took it, with the rows its old and new ends are on. */
export interface EditSpan {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  oldEndRow: number;
  newEndRow: number;
}

/** The top-level groups of a tree, in order. A cursor, since a Node for each child of a long file showed in every edit's time. */
export function itemGroupSpans(root: Node): GroupSpan[] {
  const spans: GroupSpan[] = [];
  let start: number | undefined;
  let end = 0;
  const cursor = root.walk();
  try {
    for (let more = cursor.gotoFirstChild(); more; more = cursor.gotoNextSibling()) {
      start ??= cursor.startIndex;
      end = cursor.endIndex;
      // Attributes and comments belong to the item after them.
      const type = cursor.nodeType;
      if (type === 'attribute_item' || COMMENT_TYPES.has(type)) continue;
      spans.push({ start, end });
      start = undefined;
    }
  } finally {
    cursor.delete();
  }
  if (start !== undefined) spans.push({ start, end });
  return spans;
}

/** The index of the last span starting at or before `offset` (whitespace after a group is the group's), or -1. */
export function spanIndexAt(spans: readonly GroupSpan[], offset: number): number {
  return lastStartingAtOrBefore(spans, offset, startField);
}

/** An earlier group the edits did not touch: where it is now, and the edits that came before it, in order. */
export interface KeptGroup extends GroupSpan {
  group: ItemGroup;
  editsBefore: EditSpan[];
}

/**
 * Where each earlier group lies after the edits: shifted when an edit came before it, or undefined
 * when an edit touched it (an edit that only meets its edge counts, since it may join the item).
 */
export function groupsAfterEdits(groups: readonly ItemGroup[], edits: readonly EditSpan[]): (KeptGroup | undefined)[] {
  return groups.map((group) => {
    let { start, end } = group;
    const editsBefore: EditSpan[] = [];
    for (const edit of edits) {
      if (end < edit.startIndex) continue;
      if (start > edit.oldEndIndex) {
        const delta = edit.newEndIndex - edit.oldEndIndex;
        start += delta;
        end += delta;
        editsBefore.push(edit);
        continue;
      }
      return undefined;
    }
    return { group, start, end, editsBefore };
  });
}

/** A document's groups and its list of findings: the groups' in turn, with any that belong to no group (a file's own) among them. */
export interface GroupedFindings {
  groups: readonly ItemGroup[];
  findings: readonly Finding[];
}

/** Where each group's first finding is in the list; findings of no group between groups' are passed over. */
function groupStarts({ groups, findings }: GroupedFindings): Map<ItemGroup, number> {
  const starts = new Map<ItemGroup, number>();
  let at = 0;
  for (const group of groups) {
    const first = group.findings[0];
    if (first === undefined) continue;
    while (at < findings.length && findings[at] !== first) at++;
    if (at === findings.length) break;
    starts.set(group, at);
    at += group.findings.length;
  }
  return starts;
}

/**
 * For each finding of `next`, its index among the findings of `previous` when the edit between
 * them kept it (the same object, moved), else -1. A group the edit did not touch is taken over
 * whole, its findings in their order, so groups are paired rather than each finding looked up.
 * Each pair is still checked finding by finding: a file's own finding sorted into the middle of a
 * group's (one that starts at offset 0 and ends before the first line does) shifts the rest.
 */
export function keptFindingIndices(previous: GroupedFindings, next: GroupedFindings): Int32Array {
  const before = groupStarts(previous);
  const indices = new Int32Array(next.findings.length).fill(-1);
  for (const [group, at] of groupStarts(next)) {
    const from = before.get(group);
    if (from === undefined) continue;
    for (let k = 0; k < group.findings.length; k++) {
      if (previous.findings[from + k] === next.findings[at + k]) indices[at + k] = from + k;
    }
  }
  return indices;
}
