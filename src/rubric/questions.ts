import type { Finding } from '../analysis/model';
import { signalById } from '../analysis/signals';

export interface GeneratedQuestion {
  text: string;
  finding: Finding;
}

const CLOSERS: Record<string, string> = { ')': '(', ']': '[' };

/**
 * The expression an `.unwrap()`/`.expect()` applies to, read backwards from the end of the text
 * before it: a path, calls and indexing with balanced brackets, joined by method calls, as in
 * `stream.write_all(line.as_bytes())` or `args[1].parse()`.
 */
function receiverBefore(lineBefore: string): string | undefined {
  const text = lineBefore.replace(/\s*\.\s*$/, '');
  let i = text.length;
  for (;;) {
    // Calls and indexing, each with balanced brackets.
    while (i > 0 && CLOSERS[text[i - 1]]) {
      let depth = 0;
      let j = i - 1;
      for (; j >= 0; j--) {
        if (CLOSERS[text[j]]) depth++;
        else if (text[j] === '(' || text[j] === '[') depth--;
        if (depth === 0) break;
      }
      if (j < 0) return undefined;
      i = j;
    }
    const name = /(?:[A-Za-z_]\w*::)*[A-Za-z_]\w*$/.exec(text.slice(0, i));
    if (!name) break;
    i -= name[0].length;
    const dot = /\.\s*$/.exec(text.slice(0, i));
    if (!dot) break;
    i -= dot[0].length;
  }
  const receiver = text.slice(i).trim().replace(/\s+/g, ' ');
  if (!receiver || !/^[A-Za-z_]/.test(receiver)) return undefined;
  return receiver.length > 48 ? `…${receiver.slice(-47)}` : receiver;
}

/** What could make this call fail, in the words a reviewer would use. */
function failureOf(receiver: string): string {
  if (/(open|read|File|fs::|metadata)/.test(receiver)) return 'the file is missing or unreadable';
  if (/parse|from_str|deserial|from_slice/.test(receiver)) return 'the input is malformed';
  if (/(recv|send|join|connect|bind|accept)/.test(receiver)) return 'the other side has gone away or the network fails';
  if (/(get|first|last|next|find|pop|env::var)/.test(receiver)) return 'the value is absent';
  return 'it fails';
}

/**
 * Follow-up questions drawn from this candidate's own code, such as "`src/store.rs:42` unwraps
 * `File::open(path)` — what should happen when the file is missing or unreadable?". Concerns in the
 * crate's own code come first; at most `limit` questions, one per line.
 */
export function generateQuestions(findings: readonly Finding[], lineText: (finding: Finding) => string | undefined, limit = 3): GeneratedQuestion[] {
  const questions: GeneratedQuestion[] = [];
  const usedLines = new Set<string>();
  for (const finding of findings) {
    if (questions.length >= limit) break;
    if (finding.polarity !== 'concern' || (finding.context !== 'code' && finding.context !== 'build')) continue;
    const key = `${finding.file}:${finding.range.start.line}`;
    if (usedLines.has(key)) continue;
    usedLines.add(key);
    const location = `\`${finding.file}:${finding.range.start.line + 1}\``;
    const line = lineText(finding);
    let text: string | undefined;
    if ((finding.rule === 'unwrap' || finding.rule === 'expect') && line !== undefined) {
      const receiver = receiverBefore(line.slice(0, finding.range.start.character));
      if (receiver) text = `${location} ${finding.rule === 'unwrap' ? 'unwraps' : 'expects'} \`${receiver}\` — what should happen when ${failureOf(receiver)}?`;
    }
    if (!text) {
      const question = signalById(finding.rule)?.question ?? 'Why this choice?';
      text = `${location}: ${finding.message.replace(/[.;:]\s*$/, '')} — ${question.charAt(0).toLowerCase()}${question.slice(1)}`;
    }
    questions.push({ text, finding });
  }
  return questions;
}
