import { diffLines } from 'diff';
import type { LineSpan } from './model';

/** How one text differs from another, line by line. */
export interface TextDiff {
  added: number;
  removed: number;
  /** The lines of the new text that are added or changed (zero-based, end-exclusive). */
  addedLines: LineSpan[];
}

/** A diff taking longer than this is given up (undefined): a pathological file must not hold the reader. */
const DIFF_TIMEOUT_MS = 250;

/**
 * The lines added and removed between two texts, with jsdiff's Myers diff (line endings ignored,
 * so a file checked out with CRLF is not all changed); undefined when the diff timed out.
 */
export function diffText(before: string, after: string): TextDiff | undefined {
  const changes = diffLines(before, after, { stripTrailingCr: true, timeout: DIFF_TIMEOUT_MS });
  if (!changes) return undefined;
  const addedLines: LineSpan[] = [];
  let line = 0;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.removed) {
      removed += change.count;
      continue;
    }
    if (change.added) {
      added += change.count;
      const last = addedLines.at(-1);
      if (last && last.end === line) last.end += change.count;
      else addedLines.push({ start: line, end: line + change.count });
    }
    line += change.count;
  }
  return { added, removed, addedLines };
}

/** The number of lines of a text, as `git diff --numstat` counts an added or removed file. */
export function lineCount(text: string): number {
  if (text.length === 0) return 0;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}

/** Whether bytes look binary as git judges it: a NUL in the first 8,000 bytes. */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}
