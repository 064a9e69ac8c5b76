import type { AnchoredFinding, Finding, Range } from './model';

/**
 * Findings held relative to an anchor, the start of the item group they are in, and placed in the
 * file only when something asks where they are. An edit moves a group's anchor and leaves its
 * findings as they are, so neither the worker nor the extension host moves thousands of objects
 * on a keystroke, and a finding, once made, is never changed.
 */

/** Where a group starts: its offset in the file, and the line and UTF-16 column of that offset. */
export interface GroupAnchor {
  start: number;
  line: number;
  character: number;
}

/** The origin of a file's text: a finding of the file as a whole is placed relative to it. */
export const FILE_ANCHOR: GroupAnchor = { start: 0, line: 0, character: 0 };

/** A run of findings in order, all placed relative to one anchor: an item group's. */
export type AnchoredRun = GroupAnchor & { readonly findings: readonly AnchoredFinding[] };

/** A finding placed relative to an anchor (see AnchoredFinding). */
export function anchorFinding({ range, startIndex, endIndex, ...described }: Finding, anchor: GroupAnchor): AnchoredFinding {
  const line = range.start.line - anchor.line;
  const endLine = range.end.line - anchor.line;
  return {
    ...described,
    start: startIndex - anchor.start,
    end: endIndex - anchor.start,
    line,
    character: line === 0 ? range.start.character - anchor.character : range.start.character,
    endLine,
    endCharacter: endLine === 0 ? range.end.character - anchor.character : range.end.character,
  };
}

/** The line a finding starts on, in the file. */
export function startLineOf(f: AnchoredFinding, anchor: GroupAnchor): number {
  return anchor.line + f.line;
}

/** The line a finding ends on, in the file. */
export function endLineOf(f: AnchoredFinding, anchor: GroupAnchor): number {
  return anchor.line + f.endLine;
}

/** The UTF-16 column a finding starts at: only on its group's first line does the anchor's column count. */
export function startCharacterOf(f: AnchoredFinding, anchor: GroupAnchor): number {
  return f.line === 0 ? anchor.character + f.character : f.character;
}

/** The UTF-16 column a finding ends at. */
export function endCharacterOf(f: AnchoredFinding, anchor: GroupAnchor): number {
  return f.endLine === 0 ? anchor.character + f.endCharacter : f.endCharacter;
}

export function rangeOf(f: AnchoredFinding, anchor: GroupAnchor): Range {
  return {
    start: { line: startLineOf(f, anchor), character: startCharacterOf(f, anchor) },
    end: { line: endLineOf(f, anchor), character: endCharacterOf(f, anchor) },
  };
}

/** A finding where its anchor puts it now. Field by field rather than by spreading, which showed when thousands were placed. */
export function placeFinding(f: AnchoredFinding, anchor: GroupAnchor): Finding {
  const placed: Finding = {
    rule: f.rule,
    category: f.category,
    polarity: f.polarity,
    severity: f.severity,
    message: f.message,
    file: f.file,
    range: rangeOf(f, anchor),
    startIndex: anchor.start + f.start,
    endIndex: anchor.start + f.end,
    context: f.context,
  };
  if (f.concurrencyModel !== undefined) placed.concurrencyModel = f.concurrencyModel;
  if (f.subject !== undefined) placed.subject = f.subject;
  return placed;
}

/** The order of findings in a file (as `byPosition`), for two findings each with its anchor. */
function compareAnchored(a: AnchoredFinding, anchorA: GroupAnchor, b: AnchoredFinding, anchorB: GroupAnchor): number {
  return anchorA.start + a.start - (anchorB.start + b.start) || anchorA.start + a.end - (anchorB.start + b.end) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** A first and a last line of the file, inclusive. */
export type LineWindow = readonly [from: number, to: number];

const lastLines = new WeakMap<readonly AnchoredFinding[], number>();

/** The last line any of a run's findings reaches, relative to its anchor: runs are immutable, so it is worked out once. */
function lastLineOf(findings: readonly AnchoredFinding[]): number {
  let last = lastLines.get(findings);
  if (last === undefined) {
    last = 0;
    for (const f of findings) last = Math.max(last, f.endLine);
    lastLines.set(findings, last);
  }
  return last;
}

/** Keeps what passes `keep`, the same array when all of it does, so that a file's shown findings cost no copy per keystroke. */
function kept(findings: readonly AnchoredFinding[], anchor: GroupAnchor, keep: (f: AnchoredFinding, anchor: GroupAnchor) => boolean): readonly AnchoredFinding[] {
  for (let i = 0; i < findings.length; i++) {
    if (keep(findings[i], anchor)) continue;
    const some = findings.slice(0, i);
    for (let k = i + 1; k < findings.length; k++) if (keep(findings[k], anchor)) some.push(findings[k]);
    return some;
  }
  return findings;
}

/**
 * A file's findings in order, immutable: runs in the file's order that do not overlap (an open
 * document's item groups, each relative to its anchor), and the file's own findings, relative to
 * its start, which may lie anywhere and are merged in by position (an integration test file's
 * finding, or one the crate model adds). A file known only from a scan is all file findings.
 */
export class FileFindings {
  static readonly EMPTY = new FileFindings([], []);

  constructor(
    readonly runs: readonly AnchoredRun[],
    /** In order, relative to FILE_ANCHOR. */
    readonly fileFindings: readonly AnchoredFinding[],
  ) {}

  /** Findings in the file's offsets, in order, as a file's own. */
  static of(findings: readonly Finding[]): FileFindings {
    return findings.length === 0 ? FileFindings.EMPTY : new FileFindings([], findings.map((f) => anchorFinding(f, FILE_ANCHOR)));
  }

  get size(): number {
    let size = this.fileFindings.length;
    for (const run of this.runs) size += run.findings.length;
    return size;
  }

  /** Visits every finding in the file's order, with the anchor it is placed at (its run, or FILE_ANCHOR) and its index there. */
  forEach(visit: (f: AnchoredFinding, anchor: GroupAnchor, index: number) => void): void {
    const own = this.fileFindings;
    let next = 0;
    for (const run of this.runs) {
      for (let i = 0; i < run.findings.length; i++) {
        const f = run.findings[i];
        // The file's own findings before this one come first; at the same place, the group's (as a stable sort of the two lists would).
        while (next < own.length && compareAnchored(own[next], FILE_ANCHOR, f, run) < 0) visit(own[next], FILE_ANCHOR, next++);
        visit(f, run, i);
      }
    }
    while (next < own.length) visit(own[next], FILE_ANCHOR, next++);
  }

  /** The findings that pass `keep`; the same object when all do. A run's findings are shared with this one when all of them pass. */
  filter(keep: (f: AnchoredFinding, anchor: GroupAnchor) => boolean): FileFindings {
    return this.keptRuns((findings, anchor) => kept(findings, anchor, keep), kept(this.fileFindings, FILE_ANCHOR, keep));
  }

  /**
   * The findings that pass `keep`, a test of the finding alone, as filter: what each run kept is
   * remembered in `memo` by the run's findings, which never change, so that only the runs made
   * since are tested again.
   */
  filterEach(keep: (f: AnchoredFinding) => boolean, memo: WeakMap<readonly AnchoredFinding[], readonly AnchoredFinding[]>): FileFindings {
    return this.keptRuns((findings, anchor) => {
      let some = memo.get(findings);
      if (!some) memo.set(findings, (some = kept(findings, anchor, keep)));
      return some;
    }, kept(this.fileFindings, FILE_ANCHOR, keep));
  }

  /** This file's findings with what `keptOf` keeps of each run, and `fileFindings` as its own; itself when nothing was left out. */
  private keptRuns(keptOf: (findings: readonly AnchoredFinding[], anchor: GroupAnchor) => readonly AnchoredFinding[], fileFindings: readonly AnchoredFinding[]): FileFindings {
    let changed = false;
    const runs = this.runs.map((run) => {
      const findings = keptOf(run.findings, run);
      if (findings === run.findings) return run;
      changed = true;
      return { start: run.start, line: run.line, character: run.character, findings };
    });
    return changed || fileFindings !== this.fileFindings ? new FileFindings(runs, fileFindings) : this;
  }

  /**
   * The findings on lines that meet any of `windows` (each a first and last line, inclusive),
   * placed in the file, in order: only those are made, and a run wholly outside every window is
   * passed over whole, so a question about a few lines costs little in a long file.
   */
  placedOnLines(windows: readonly LineWindow[]): Finding[] {
    if (windows.length === 0) return [];
    const meets = (startLine: number, endLine: number) => windows.some(([from, to]) => endLine >= from && startLine <= to);
    const lowest = Math.min(...windows.map(([from]) => from));
    const highest = Math.max(...windows.map(([, to]) => to));
    const found: Finding[] = [];
    const own = this.fileFindings.filter((f) => meets(f.line, f.endLine));
    let next = 0;
    for (const run of this.runs) {
      // Runs are in the file's order and none starts before its anchor's line: the rest lie below every window.
      if (run.line > highest) break;
      if (run.line + lastLineOf(run.findings) < lowest) continue;
      for (const f of run.findings) {
        if (!meets(run.line + f.line, run.line + f.endLine)) continue;
        // The file's own findings before this one come first, as in forEach.
        while (next < own.length && compareAnchored(own[next], FILE_ANCHOR, f, run) < 0) found.push(placeFinding(own[next++], FILE_ANCHOR));
        found.push(placeFinding(f, run));
      }
    }
    while (next < own.length) found.push(placeFinding(own[next++], FILE_ANCHOR));
    return found;
  }

  /** Every finding placed in the file, in order; `reuse` keeps the findings a run placed before, while its anchor stays. */
  placed(reuse?: PlacedRuns): Finding[] {
    const byRun = new Map<GroupAnchor, readonly Finding[]>();
    for (const run of this.runs) byRun.set(run, reuse?.of(run) ?? run.findings.map((f) => placeFinding(f, run)));
    const placed: Finding[] = [];
    this.forEach((f, anchor, i) => placed.push(byRun.get(anchor)?.[i] ?? placeFinding(f, anchor)));
    return placed;
  }
}

/**
 * The findings each run was last placed as, by the run's findings (which are never changed): a
 * run whose anchor has not moved since is not placed again, so that asking for a file's findings
 * after each edit makes objects only for the groups the edit moved or made.
 */
export class PlacedRuns {
  private readonly placed = new WeakMap<readonly AnchoredFinding[], { anchor: GroupAnchor; findings: Finding[] }>();

  of(run: AnchoredRun): Finding[] {
    const last = this.placed.get(run.findings);
    if (last && last.anchor.start === run.start && last.anchor.line === run.line && last.anchor.character === run.character) return last.findings;
    const findings = run.findings.map((f) => placeFinding(f, run));
    this.placed.set(run.findings, { anchor: { start: run.start, line: run.line, character: run.character }, findings });
    return findings;
  }
}
