/**
 * Setting a file's diagnostics makes the editor convert and send every one of them: in a remote
 * VS Code window the extension host serialises and compresses them on its thread, and the window
 * then redraws them all. So a file's diagnostics, in order, are kept in parts that are set one by
 * one, and an update sets only the parts that would look different. This is where the parts lie.
 */

/** A fresh layout has parts of this many diagnostics. */
export const DIAGNOSTICS_PER_PART = 200;
/** While typing, a part may grow to this size before the file wants laying out afresh. */
const MAX_DIAGNOSTICS_PER_PART = 2 * DIAGNOSTICS_PER_PART;

/**
 * One part as set, per diagnostic: how it looks apart from its line, the line it was set on, and
 * the lines its start and end are shown on now. The editor moves a shown diagnostic with the text
 * typed above it (see `textChanged`); NaN marks one an edit touched, whose place is not known.
 */
export interface ShownPart {
  looks: string[];
  setLines: number[];
  lines: number[];
  endLines: number[];
}

/** A diagnostic's look, and its start and end lines. */
export interface DiagnosticShape {
  looks: string;
  line: number;
  endLine: number;
}

/** An edit of an open document, in lines of the text before it: the lines it replaced, and how many line breaks it wrote. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  breaks: number;
}

/**
 * How to lay out a file's new diagnostics:
 * - `fresh`: in parts of DIAGNOSTICS_PER_PART, every part set whose diagnostics differ from those
 *   it was set with;
 * - `typing`: in the parts already shown, each keeping the diagnostics it shares with the new ones.
 *   A part that already shows its new diagnostics where they belong is left as it is, even if the
 *   editor moved them there, with the text typed above. The caller lays the file out `fresh` once
 *   typing pauses, which brings the lines the editor keeps for them (in its Problems list, say) up to date.
 */
export type Layout = 'fresh' | 'typing';

export interface PartLayout {
  /** Each part in the file's order, as offsets into the new diagnostics, and whether it must be set. */
  parts: { from: number; to: number; set: boolean }[];
  /** Some parts were left for a `fresh` layout to set, or a part grew past its bound. */
  settleLater: boolean;
}

export function emptyPart(): ShownPart {
  return { looks: [], setLines: [], lines: [], endLines: [] };
}

/** A part as it shows once set with `diagnostics`. */
export function shownPart(diagnostics: readonly DiagnosticShape[]): ShownPart {
  const lines = diagnostics.map((d) => d.line);
  return { looks: diagnostics.map((d) => d.looks), setLines: lines, lines: [...lines], endLines: diagnostics.map((d) => d.endLine) };
}

/**
 * Moves the shown diagnostics as the editor does when text is edited: those below an edit by the
 * lines it added or removed. One on a line the edit touched gets NaN, so that its part is set again.
 */
export function textChanged(parts: readonly ShownPart[], edits: readonly LineEdit[]): void {
  for (const { startLine, endLine, breaks } of edits) {
    const added = breaks - (endLine - startLine);
    for (const part of parts) {
      for (let i = 0; i < part.lines.length; i++) {
        if (part.endLines[i] < startLine) continue;
        if (part.lines[i] > endLine) {
          part.lines[i] += added;
          part.endLines[i] += added;
        } else {
          part.lines[i] = NaN;
          part.endLines[i] = NaN;
        }
      }
    }
  }
}

/** How a part's new diagnostics compare with what it shows: the same, shown right but set on other lines, or otherwise. */
function compare(shown: ShownPart, diagnostics: readonly DiagnosticShape[]): 'same' | 'moved' | 'changed' {
  if (shown.looks.length !== diagnostics.length) return 'changed';
  let moved = false;
  for (const [i, { looks, line }] of diagnostics.entries()) {
    if (looks !== shown.looks[i] || line !== shown.lines[i]) return 'changed';
    if (line !== shown.setLines[i]) moved = true;
  }
  return moved ? 'moved' : 'same';
}

/** Part boundaries of a fresh layout, with a boundary (and so an empty part) for every part shown before beyond them. */
function freshBounds(count: number, partsBefore: number): number[] {
  const parts = Math.max(Math.ceil(count / DIAGNOSTICS_PER_PART), partsBefore);
  return Array.from({ length: parts + 1 }, (_, part) => Math.min(part * DIAGNOSTICS_PER_PART, count));
}

/**
 * Part boundaries that keep each shown diagnostic in its part. The diagnostics the new list shares
 * with what is shown, from the start and from the end, stay in their parts; those between, new or
 * changed, go to one part.
 */
function keptBounds(before: readonly ShownPart[], diagnostics: readonly DiagnosticShape[]): number[] {
  const looks = before.flatMap((part) => part.looks);
  const lines = before.flatMap((part) => part.lines);
  const [oldCount, newCount] = [looks.length, diagnostics.length];
  const sharedAt = (from: number, to: number) => diagnostics[to].looks === looks[from] && diagnostics[to].line === lines[from];
  let prefix = 0;
  while (prefix < Math.min(oldCount, newCount) && sharedAt(prefix, prefix)) prefix++;
  let suffix = 0;
  while (suffix < Math.min(oldCount, newCount) - prefix && sharedAt(oldCount - 1 - suffix, newCount - 1 - suffix)) suffix++;
  const bounds = [0];
  let end = 0;
  for (const part of before) {
    end += part.looks.length;
    bounds.push(end <= prefix ? end : end >= oldCount - suffix ? end + newCount - oldCount : prefix);
  }
  bounds[bounds.length - 1] = newCount;
  return bounds;
}

/** Where a file's new diagnostics go, given the parts shown now (in the file's order), and which parts to set. */
export function layoutParts(before: readonly ShownPart[], diagnostics: readonly DiagnosticShape[], layout: Layout): PartLayout {
  const bounds = layout === 'typing' && before.length > 0 ? keptBounds(before, diagnostics) : freshBounds(diagnostics.length, before.length);
  const parts: PartLayout['parts'] = [];
  let settleLater = false;
  for (let part = 0; part + 1 < bounds.length; part++) {
    const [from, to] = [bounds[part], bounds[part + 1]];
    const comparison = compare(before[part] ?? emptyPart(), diagnostics.slice(from, to));
    parts.push({ from, to, set: comparison === 'changed' || (comparison === 'moved' && layout === 'fresh') });
    if ((comparison === 'moved' && layout === 'typing') || to - from > MAX_DIAGNOSTICS_PER_PART) settleLater = true;
  }
  return { parts, settleLater };
}

/**
 * What each file shows, part by part: the parts as they were set, moved since as the editor moves
 * them with the text typed above. Each layout of a file's new diagnostics compares with it.
 */
export class ShownParts {
  /** Per file, each part as set, in the file's order; trailing empty parts dropped. */
  private readonly files = new Map<string, ShownPart[]>();

  /** Where a file's new diagnostics, given in the file's order, go, and which parts to set (see layoutParts). */
  layout(file: string, diagnostics: readonly DiagnosticShape[], layout: Layout): PartLayout {
    return layoutParts(this.files.get(file) ?? [], diagnostics, layout);
  }

  /** Records that a part of the file was set with `diagnostics`. */
  set(file: string, part: number, diagnostics: readonly DiagnosticShape[]): void {
    const parts = this.files.get(file) ?? [];
    parts[part] = shownPart(diagnostics);
    for (let i = 0; i < parts.length; i++) parts[i] ??= emptyPart();
    while (parts.length > 0 && parts[parts.length - 1].looks.length === 0) parts.pop();
    if (parts.length > 0) this.files.set(file, parts);
    else this.files.delete(file);
  }

  /** Follows edits of an open file, as the editor moves the diagnostics it shows there. */
  edited(file: string, edits: readonly LineEdit[]): void {
    const parts = this.files.get(file);
    if (parts) textChanged(parts, edits);
  }
}
