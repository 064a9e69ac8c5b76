import type { Node } from 'web-tree-sitter';
import type { GroupAnchor } from './anchoredFindings';
import type { FileFacts } from './facts/model';
import type { ImportBinding } from './imports';
import type { AnchoredFinding } from './model';
import { lastStartingAtOrBefore, startField } from './sortedStarts';
import { COMMENT_TYPES } from './syntax';

/**
 * Incremental analysis of an edited document works item by item: what a rule finds in one
 * top-level item depends on that item alone (its attributes, doc comments and body), with two
 * exceptions the engine checks for, the file's `use` declarations and a file-wide `#![cfg(test)]`.
 * So the findings of an item the edit did not touch are kept. They are placed relative to their
 * group's anchor, its start, so that an edit moves the anchor and leaves the findings as they are.
 */

/** A run of top-level attributes and comments with the item they belong to: offsets in the file. */
export interface GroupSpan {
  start: number;
  end: number;
}

/**
 * A group's span as found. A class rather than an object literal: V8 gives object literals with
 * the same keys one shape, and rules' verdicts (`{ start: node, end: node }`) share it; the first
 * verdict seen made every span's `start` and `end` fields, small integers until then, any value,
 * and the optimised code that read them (18 functions over std) was dropped and compiled again
 * (CONTRIBUTING, Benchmark).
 */
class Span implements GroupSpan {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
}

/** What the analysis found in one group, kept for the next edit. Once analysed, a group is never changed: an edit that moves it makes a moved copy. */
export interface ItemGroup extends GroupSpan, GroupAnchor {
  /** The group's number among its document's: one an edit kept keeps it, one analysed again gets a new one, higher than any before. */
  serial: number;
  /** In order, placed relative to the group's anchor. */
  findings: AnchoredFinding[];
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
      spans.push(new Span(start, end));
      start = undefined;
    }
  } finally {
    cursor.delete();
  }
  if (start !== undefined) spans.push(new Span(start, end));
  return spans;
}

/** The index of the last span starting at or before `offset` (whitespace after a group is the group's), or -1. */
export function spanIndexAt(spans: readonly GroupSpan[], offset: number): number {
  return lastStartingAtOrBefore(spans, offset, startField);
}

/** An earlier group the edits did not touch: where it is now, and whether an edit came before it (its lines may have moved then, even at the same offsets). */
export interface KeptGroup extends GroupSpan {
  group: ItemGroup;
  moved: boolean;
}

/**
 * Where each earlier group lies after the edits: shifted when an edit came before it, or undefined
 * when an edit touched it (an edit that only meets its edge counts, since it may join the item).
 */
export function groupsAfterEdits(groups: readonly ItemGroup[], edits: readonly EditSpan[]): (KeptGroup | undefined)[] {
  return groups.map((group) => {
    let { start, end } = group;
    let moved = false;
    for (const edit of edits) {
      if (end < edit.startIndex) continue;
      if (start > edit.oldEndIndex) {
        const delta = edit.newEndIndex - edit.oldEndIndex;
        start += delta;
        end += delta;
        moved = true;
        continue;
      }
      return undefined;
    }
    return { group, start, end, moved };
  });
}
