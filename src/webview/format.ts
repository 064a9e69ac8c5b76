/**
 * The scorecard's text and small decisions, kept apart from the DOM so they can be unit-tested.
 * Everything here returns plain strings or values; the caller inserts strings as text.
 */
import type { Level } from '../rubric/model';
import type { EvidenceCounts, LocationView, ScorecardView } from './protocol';

/** Commits are shown the way git abbreviates them. */
const SHORT_COMMIT_LENGTH = 7;

export function shortCommit(commit: string | undefined): string {
  return commit ? commit.slice(0, SHORT_COMMIT_LENGTH) : 'no commit';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function scanStatus(scan: ScorecardView['scan']): string {
  if (scan.state === 'scanning') return 'Scanning…';
  return `${plural(scan.files, 'file', 'files')} analysed, ${scan.skipped} skipped`;
}

/** One side of the counts, e.g. "5 concerns · 2 strengths", or '' when it has nothing. */
function countsIn(counts: EvidenceCounts, where: 'code' | 'test'): string {
  const parts: string[] = [];
  if (counts.concern[where] > 0) parts.push(plural(counts.concern[where], 'concern', 'concerns'));
  if (counts.strength[where] > 0) parts.push(plural(counts.strength[where], 'strength', 'strengths'));
  if (counts.info[where] > 0) parts.push(`${counts.info[where]} info`);
  return parts.join(' · ');
}

/** "5 concerns · 2 strengths in code; 1 concern in tests", or "No findings". */
export function evidenceSummary(counts: EvidenceCounts): string {
  const code = countsIn(counts, 'code');
  const tests = countsIn(counts, 'test');
  const sides = [code && `${code} in code`, tests && `${tests} in tests`].filter((side) => side !== '');
  return sides.length > 0 ? sides.join('; ') : 'No findings';
}

/** `file:line` with the line counted from 1, as editors show it; the view model counts from 0. */
export function locationLabel(location: LocationView): string {
  return `${location.file}:${location.line + 1}`;
}

/**
 * A follow-up question as the panel shows it. A question drawn from the code names its place first
 * ("`src/a.rs:3` unwraps …"), as the export needs; the panel shows that place as a link beside the
 * question, so the text leaves it out. Other text, and a place named elsewhere, stays.
 */
export function questionText(question: { text: string; location?: LocationView }): string {
  if (!question.location) return question.text;
  const named = `\`${locationLabel(question.location)}\``;
  return question.text.startsWith(named) ? question.text.slice(named.length).replace(/^:?\s+/, '') : question.text;
}

/** Splits a path so the file name can be kept whole while its folder wraps or fades. */
export function splitPath(file: string): { folder: string; name: string } {
  const slash = file.lastIndexOf('/');
  return { folder: file.slice(0, slash + 1), name: file.slice(slash + 1) };
}

export function weightedScoreHint(score: number | undefined): string | undefined {
  if (score === undefined || !Number.isFinite(score)) return undefined;
  return `Weighted score ${score.toFixed(1)} / 4 — a hint, not the recommendation`;
}

export function unassessedWarning(titles: readonly string[]): string | undefined {
  return titles.length > 0 ? `Not assessed yet: ${titles.join(', ')}` : undefined;
}

/** Choosing the level that is already chosen clears it, back to "not assessed". */
export function levelAfterChoosing(current: Level | undefined, chosen: Level): Level | undefined {
  return current === chosen ? undefined : chosen;
}

/**
 * Where a key moves the focus in a group of `count` level buttons, or undefined for keys the group
 * does not handle. Arrows wrap around, as in a radio group.
 */
export function indexAfterKey(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** A text field as the webview holds it while the reviewer may be typing in it. */
export interface FieldState {
  /** What the field shows now. */
  value: string;
  /** The text the extension has: the last text posted or received; undefined before the first state. */
  synced: string | undefined;
  focused: boolean;
  /** The reviewer has typed into it since the panel opened. */
  typedInto: boolean;
}

/**
 * Whether a state from the extension may replace a text field's text. A field the reviewer is in,
 * or one with text not posted yet, keeps its text: replacing it would lose typing and the caret.
 * A field nobody has typed into since the panel opened always shows the extension's text, focused
 * or not (a reopened window may put the focus back in it first): shown empty, the saved text would
 * look lost, and typing would replace it.
 */
export function mayReplaceFieldText(field: FieldState, incoming: string): boolean {
  if (field.value === incoming) return false;
  if (!field.typedInto) return true;
  if (field.synced === undefined) return field.value === '';
  return !field.focused && field.value === field.synced;
}

/** Rubric and finding text marks code with backticks; the parts say which runs are code. */
export function inlineCodeParts(text: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), code: false });
    parts.push({ text: match[1], code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}

/** The UI-only state kept across reloads of the webview with `setState`. */
export interface UiState {
  /** Ids of the categories whose details are open. */
  expanded: string[];
  checklistOpen: boolean;
  scrollY: number;
}

/** Reads back a saved UI state, which may be missing or from an older version of the webview. */
export function readUiState(saved: unknown): UiState {
  const value = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const expanded = Array.isArray(value.expanded) ? value.expanded.filter((id): id is string => typeof id === 'string') : [];
  const scrollY = typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY > 0 ? value.scrollY : 0;
  return { expanded, checklistOpen: value.checklistOpen === true, scrollY };
}
