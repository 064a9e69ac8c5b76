import { CATEGORY_TITLES, isTestNoise, type CategoryId, type Finding, type Polarity } from './model';

/**
 * How one polarity of findings is shown: as a diagnostic of the signal's own default severity
 * (`signal`) or of a fixed one, as a decoration, or not at all.
 */
export type Display = 'signal' | 'error' | 'warning' | 'information' | 'hint' | 'decoration' | 'off';

/** The settings that decide which findings show and how: the pure half of the hint settings. */
export interface HintPolicy {
  categories: Partial<Record<CategoryId, boolean>>;
  signals: Record<string, boolean>;
  analyzeTests: boolean;
  display: Record<Polarity, Display>;
  /** Concerns in test code are expected more often; they get this display instead. */
  testConcernDisplay: Display;
}

export const DEFAULT_HINT_POLICY: HintPolicy = {
  categories: {},
  signals: {},
  analyzeTests: true,
  display: { concern: 'signal', strength: 'decoration', info: 'decoration' },
  testConcernDisplay: 'hint',
};

/** Whether a finding is shown at all under the policy. */
export function isShown(finding: Finding, policy: HintPolicy): boolean {
  if (policy.categories[finding.category] === false || policy.signals[finding.rule] === false) return false;
  if (!policy.analyzeTests && isTestNoise(finding)) return false;
  return displayOf(finding, policy) !== 'off';
}

/** The display of a finding, with `signal` resolved to the signal's default severity. */
export function displayOf(finding: Finding, policy: HintPolicy): Exclude<Display, 'signal'> {
  const display = finding.polarity === 'concern' && finding.context === 'test' ? policy.testConcernDisplay : policy.display[finding.polarity];
  return display === 'signal' ? finding.severity : display;
}

/** The mark before a hint's inline text, per polarity. */
export const POLARITY_MARK: Record<Polarity, string> = { concern: '✗', strength: '✓', info: '•' };

/** Text with the backticks that mark code taken out, for places that show plain text only. */
export function plainText(markdown: string): string {
  return markdown.replace(/`/g, '');
}

/** Punctuation and spaces that look wrong before an ellipsis. */
const DANGLING_END = /[\s,;:.\-–—(/]+$/u;

/**
 * Text cut to at most `max` characters (code points), at a word boundary where there is one in
 * its second half, ending with an ellipsis; text that fits, or a `max` of 0, leaves it whole.
 */
export function truncateAtWord(text: string, max: number): string {
  const chars = Array.from(text);
  if (max <= 0 || chars.length <= max) return text;
  if (max === 1) return '…';
  const room = chars.slice(0, max - 1).join('');
  // A cut just after a word is a word boundary too: the next character is a space.
  const space = chars[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  const cut = space >= room.length / 2 ? room.slice(0, space) : room;
  return `${cut.replace(DANGLING_END, '') || cut}…`;
}

/** However short the limit, the inline text keeps this much of its message: the lead alone says nothing. */
const MIN_MESSAGE_CHARS = 12;

/**
 * The inline text after a line with findings: the most telling one (`first`) with its polarity's
 * mark and its category, and how many more the line has. Its message is shortened so that the
 * whole text fits in `maxLength` characters (0: no limit); the hover shows it whole.
 */
export function inlineHintText(first: Finding, more: number, maxLength: number): string {
  const lead = `${POLARITY_MARK[first.polarity]} ${CATEGORY_TITLES[first.category]}: `;
  const tail = more > 0 ? `  (+${more})` : '';
  const message = plainText(first.message);
  if (maxLength <= 0) return `${lead}${message}${tail}`;
  const room = Math.max(maxLength - Array.from(lead).length - tail.length, MIN_MESSAGE_CHARS);
  return `${lead}${truncateAtWord(message, room)}${tail}`;
}

/**
 * The shown findings counted as a reviewer sees them drawn: diagnostics by severity (the Problems
 * panel lists all but hints, which the editor draws as faint dots), and strengths by their gutter
 * mark. A strength drawn as a diagnostic counts under its severity.
 */
export interface DrawnCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
  strength: number;
}

const DRAWN_KINDS: readonly (keyof DrawnCounts)[] = ['error', 'warning', 'information', 'hint', 'strength'];

export function noCounts(): DrawnCounts {
  return { error: 0, warning: 0, information: 0, hint: 0, strength: 0 };
}

/** Adds (`sign` 1) or takes away (-1) one set of counts to or from the totals, in place. */
export function addCounts(totals: DrawnCounts, counts: DrawnCounts, sign: 1 | -1): void {
  for (const kind of DRAWN_KINDS) totals[kind] += sign * counts[kind];
}

/** How the findings, shown under the policy, are drawn, counted. */
export function countDrawn(findings: readonly Finding[], policy: HintPolicy): DrawnCounts {
  const counts = noCounts();
  for (const finding of findings) {
    const display = displayOf(finding, policy);
    if (display === 'decoration') {
      if (finding.polarity === 'strength') counts.strength++;
    } else if (display !== 'off') counts[display]++;
  }
  return counts;
}

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The status bar's text, in VS Code's icon syntax, and its tooltip, one line each. The text
 * counts what the Problems panel lists (errors only when there are some), then the strengths;
 * the tooltip says what each number counts, and how many hints the Problems panel leaves out.
 */
export function statusSummary(counts: DrawnCounts): { text: string; tooltip: string } {
  const errors = counts.error > 0 ? `$(error) ${counts.error}  ` : '';
  const text = `$(checklist) ${errors}$(warning) ${counts.warning}  $(info) ${counts.information}  $(pass) ${counts.strength}`;
  const listed = [
    ...(counts.error > 0 ? [counted(counts.error, 'error', 'errors')] : []),
    counted(counts.warning, 'warning', 'warnings'),
    counted(counts.information, 'info', 'infos'),
  ];
  const tooltip = [
    'Rust Review, the hints drawn in the editor:',
    `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}, listed in the Problems panel`,
    ...(counts.hint > 0 ? [`${counted(counts.hint, 'hint', 'hints')}, drawn as dots under the code (the Problems panel does not list hints)`] : []),
    `${counted(counts.strength, 'strength', 'strengths')}, marked ✓ in the gutter`,
    'Click to open the scorecard.',
  ];
  return { text, tooltip: tooltip.join('\n') };
}
