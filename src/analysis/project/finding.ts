import type { Finding, SignalInfo } from '../model';
import { LineIndex } from '../source';

/** A finding of a project signal in a file: at `start`..`end` of its text, or at its start when it was not read. */
export function projectFinding(signal: SignalInfo, file: string, text: string | undefined, message: string, start = 0, end = start): Finding {
  const lines = new LineIndex(text ?? '');
  return {
    rule: signal.id,
    category: signal.category,
    polarity: signal.polarity,
    severity: signal.severity,
    message,
    file,
    range: lines.rangeOf(start, end),
    startIndex: start,
    endIndex: end,
    context: 'code',
  };
}

/** The offsets of a file's first line that has text: where a finding about the whole file points. */
export function firstLine(text: string | undefined): [start: number, end: number] {
  const match = text === undefined ? null : /^[ \t]*(\S[^\r\n]*)/m.exec(text);
  if (!match) return [0, 0];
  const start = match.index + match[0].indexOf(match[1]);
  return [start, start + match[1].trimEnd().length];
}
