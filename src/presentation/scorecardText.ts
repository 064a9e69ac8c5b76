/**
 * The scorecard's labels and sentences, kept apart from the DOM so they can be unit-tested. Each
 * returns a plain string; the caller inserts it as text.
 */
import type { EvidenceCounts, LocationView, ScorecardView } from './scorecardView';
import { plural } from '../rubric/text';

/** Commits are shown the way git abbreviates them. */
const SHORT_COMMIT_LENGTH = 7;

export function shortCommit(commit: string | undefined): string {
  return commit ? commit.slice(0, SHORT_COMMIT_LENGTH) : 'no commit';
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

/**
 * `file:line`, the start line counted from 1 as editors show it (the view model counts from 0).
 * The export's labels name a line range instead.
 */
export function fileLineLabel(location: LocationView): string {
  return `${location.file}:${location.line + 1}`;
}

/**
 * A follow-up question as the panel shows it. A question drawn from the code names its place first
 * ("`src/a.rs:3` unwraps …"), as the export needs; the panel shows that place as a link beside the
 * question, so the text leaves it out. Other text, and a place named elsewhere, stays.
 */
export function questionText(question: { text: string; location?: LocationView }): string {
  if (!question.location) return question.text;
  const named = `\`${fileLineLabel(question.location)}\``;
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
