import type { Node } from 'web-tree-sitter';
import type { ImportBinding } from './imports';
import type { Finding } from './model';
import { isComment } from './syntax';

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

/** The top-level groups of a tree, in order. */
export function itemGroupSpans(root: Node): GroupSpan[] {
  const spans: GroupSpan[] = [];
  let start: number | undefined;
  let end = 0;
  for (const child of root.children) {
    if (!child) continue;
    start ??= child.startIndex;
    end = child.endIndex;
    if (child.type === 'attribute_item' || isComment(child)) continue;
    spans.push({ start, end });
    start = undefined;
  }
  if (start !== undefined) spans.push({ start, end });
  return spans;
}

/** The index of the last span starting at or before `offset` (whitespace after a group is the group's), or -1. */
export function spanIndexAt(spans: readonly GroupSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
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
