import type { Position, Range, SkipReason } from './model';
import { lastStartingAtOrBefore } from './sortedStarts';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: SkipReason; detail: string };

const BINARY_SNIFF_BYTES = 8000;

/**
 * Turns a file's bytes into text, or says why the file is not analysable. Git's rule of thumb
 * (a NUL byte in the first 8000 bytes means binary) is checked before UTF-8 so that an image
 * renamed to `.rs` is reported as binary rather than as bad UTF-8.
 */
export function decodeSource(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): DecodeResult {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `${formatBytes(bytes.byteLength)} is over the ${formatBytes(maxBytes)} limit`,
    };
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    return { ok: false, reason: 'binary', detail: 'contains NUL bytes, so it looks binary' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'not-utf8', detail: 'is not valid UTF-8' };
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

const itself = (start: number): number => start;

/** Maps UTF-16 offsets to line/character positions by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The offset where a line starts. */
  lineStart(line: number): number {
    return this.starts[line];
  }

  positionAt(offset: number): Position {
    // The first line starts at 0: only an offset before the text finds none, and it stays on the first line.
    const line = Math.max(0, lastStartingAtOrBefore(this.starts, offset, itself));
    return { line, character: offset - this.starts[line] };
  }

  rangeOf(startIndex: number, endIndex: number): Range {
    return { start: this.positionAt(startIndex), end: this.positionAt(endIndex) };
  }

  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}

/** Counts Unicode code points in the first `utf16Offset` units of a line, for 1-based character columns. */
export function codePointColumn(lineText: string, utf16Offset: number): number {
  let column = 0;
  for (let i = 0; i < utf16Offset && i < lineText.length; i++) {
    const unit = lineText.charCodeAt(i);
    // A high surrogate and its partner are one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < utf16Offset) i++;
    column++;
  }
  return column;
}
