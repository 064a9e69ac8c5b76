import { isOwnCode, type Finding } from '../analysis/model';
import { signalById } from '../analysis/signals';

export interface GeneratedQuestion {
  text: string;
  finding: Finding;
}

/** Whether the subject has one of the words, whole: `read` in `read_line`, not in `thread` or `reader`. */
const hasWord = (subject: string, words: string) => new RegExp(`(?<![a-z])(?:${words})(?![a-z])`).test(subject);

/** What could make the subject fail, in the words a reviewer would use. */
function failureOf(subject: string): string {
  if (hasWord(subject, 'open|read|File|fs|metadata')) return 'the file is missing or unreadable';
  if (hasWord(subject, 'parse|from_str|deserialize|from_slice')) return 'the input is malformed';
  if (hasWord(subject, 'recv|send|join|connect|bind|accept')) return 'the other side has gone away or the network fails';
  if (hasWord(subject, 'get|first|last|next|find|pop|env::var')) return 'the value is absent';
  return 'it fails';
}

const locationOf = (finding: Finding) => `${finding.file}:${finding.range.start.line + 1}`;

/** What a signal's `questionTemplate` may name in braces, each read from the finding alone; undefined when the finding lacks it. */
const PLACEHOLDERS: Record<string, (finding: Finding) => string | undefined> = {
  location: locationOf,
  subject: (finding) => finding.subject,
  failure: (finding) => (finding.subject === undefined ? undefined : failureOf(finding.subject)),
};

export const QUESTION_PLACEHOLDERS = Object.keys(PLACEHOLDERS);

/** The template filled in from the finding, or undefined when the finding lacks something it names. */
function fill(template: string, finding: Finding): string | undefined {
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = PLACEHOLDERS[name]?.(finding);
    if (value === undefined) complete = false;
    return value ?? '';
  });
  return complete ? text : undefined;
}

/** The signal's own question put to the site: "`src/a.rs:3`: <message> — <question>". */
function plainQuestion(finding: Finding): string {
  const question = signalById(finding.rule)?.question ?? 'Why this choice?';
  return `\`${locationOf(finding)}\`: ${finding.message.replace(/[.;:]\s*$/, '')} — ${question.charAt(0).toLowerCase()}${question.slice(1)}`;
}

/**
 * Follow-up questions drawn from this candidate's own code, from each finding and its signal's
 * `questionTemplate`, such as "`src/store.rs:42` unwraps `File::open(path)` — what should happen
 * when the file is missing or unreadable?". Concerns in the crate's own code come first; at most
 * `limit` questions, one per line.
 */
export function generateQuestions(findings: readonly Finding[], limit = 3): GeneratedQuestion[] {
  const questions: GeneratedQuestion[] = [];
  const usedLines = new Set<string>();
  for (const finding of findings) {
    if (questions.length >= limit) break;
    if (finding.polarity !== 'concern' || !isOwnCode(finding)) continue;
    const key = `${finding.file}:${finding.range.start.line}`;
    if (usedLines.has(key)) continue;
    usedLines.add(key);
    const template = signalById(finding.rule)?.questionTemplate;
    const text = (template ? fill(template, finding) : undefined) ?? plainQuestion(finding);
    questions.push({ text, finding });
  }
  return questions;
}
