/**
 * What the candidate's history says, in the reviewer's words: read once here and shown alike by the
 * scorecard's "How they worked" card, the export and the follow-up questions. Every reading is a
 * prompt for a question, not proof: commit times and authors can be rewritten.
 */
import type { Baseline, CommitRecord, FileChange, History, HistoryAvailable } from '../history/model';
import type { Rubric } from './model';
import { plural } from './text';

/** A span this many times the time-box is "far over" it: worth a question, not a slip of an hour. */
export const FAR_OVER_TIME_BOX = 2;

/** Said wherever the history is shown. */
export const HISTORY_CAVEAT = 'Commit times and authors can be rewritten: a prompt for questions, not proof.';

/** How long a subject is quoted in a sentence before it is cut. */
const SUBJECT_LENGTH = 60;

/** Commits are named the way git abbreviates them. */
const SHORT_COMMIT_LENGTH = 7;

/** One line of what the history says, and whether it is worth asking about. */
export interface HistoryFact {
  label: string;
  text: string;
  /** The reading deserves a question: a dump, tests only at the end, a span far over the time-box, vague messages. */
  notable: boolean;
}

/** "45 min", "6 h 30 min", "3 days 4 h". */
export function durationText(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest > 0 ? ` ${rest} min` : ''}`;
  }
  const wholeHours = Math.round(minutes / 60);
  const rest = wholeHours % 24;
  return `${plural(Math.floor(wholeHours / 24), 'day', 'days')}${rest > 0 ? ` ${rest} h` : ''}`;
}

/** An ISO 8601 time as the author's clock showed it: "2026-11-24 14:03 +01:00", or the text itself when it is not one. */
export function timeText(iso: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/.exec(iso);
  if (!match) return iso;
  const zone = match[3] === undefined ? '' : match[3] === 'Z' ? ' UTC' : ` ${match[3]}`;
  return `${match[1]} ${match[2]}${zone}`;
}

/** A commit message's first line, as git shows it in a one-line log. */
export function commitSubject(message: string): string {
  return message.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
}

/** A subject quoted inside a sentence: cut to a readable length, and without backticks, which the panel reads as code. */
export function quotedSubject(message: string): string {
  const subject = commitSubject(message).replace(/`/g, "'");
  if (!subject) return 'with no message';
  return `“${subject.length > SUBJECT_LENGTH ? `${subject.slice(0, SUBJECT_LENGTH - 1).trimEnd()}…` : subject}”`;
}

export function linesChanged(commit: CommitRecord): number {
  return commit.insertions + commit.deletions;
}

/** The commit's number in the history as read, oldest first, counted from 1 as a reviewer would say it. */
export function commitNumber(history: HistoryAvailable, id: string): number {
  return history.commits.findIndex((commit) => commit.id === id) + 1;
}

/** The time-box the span is set against: the rubric's, else the one the history was read with. */
export function timeBoxHours(rubric: Rubric, history: History | undefined): number | undefined {
  return rubric.expectedHours ?? (history?.available ? history.summary.expectedHours : undefined);
}

export function isFarOverTimeBox(spanHours: number | undefined, expectedHours: number | undefined): boolean {
  return spanHours !== undefined && expectedHours !== undefined && spanHours > expectedHours * FAR_OVER_TIME_BOX;
}

function percent(part: number, whole: number): string {
  return `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;
}

function sizeFact(history: HistoryAvailable): HistoryFact {
  const { commits, summary } = history;
  const total = commits.reduce((sum, commit) => sum + linesChanged(commit), 0);
  const dumps = summary.dumps.map((id) => commits.find((commit) => commit.id === id)).filter((commit) => commit !== undefined);
  if (dumps.length > 0) {
    const described = dumps.map((dump) => `commit ${commitNumber(history, dump.id)} holds ${percent(linesChanged(dump), total)} of the ${total.toLocaleString('en-US')} lines changed`);
    return { label: 'Steps', text: `One dump: ${described.join('; ')}`, notable: true };
  }
  if (commits.length < 3) return { label: 'Steps', text: `${plural(commits.length, 'commit', 'commits')}: too few to tell steps from a dump`, notable: commits.length === 1 };
  const largest = Math.max(...commits.map(linesChanged));
  return { label: 'Steps', text: `In steps: the largest commit holds ${percent(largest, total)} of the lines changed`, notable: false };
}

const TESTS_TEXT: Record<HistoryAvailable['summary']['tests'], string> = {
  'along-the-way': 'Came along with the code',
  'at-the-end': 'Came only at the end, after the code',
  none: 'No commit changed a test',
};

function messagesFact(history: HistoryAvailable): HistoryFact {
  const vague = history.summary.vagueMessages.length;
  const total = history.commits.length;
  if (vague === 0) return { label: 'Messages', text: 'Each says what changed', notable: false };
  const ids = new Set(history.summary.vagueMessages);
  const examples = [...new Set(history.commits.filter((c) => ids.has(c.id)).map((c) => quotedSubject(c.message)))].slice(0, 3);
  return { label: 'Messages', text: `${vague} of ${total} say nothing (${examples.join(', ')})`, notable: vague * 2 >= total };
}

/** What the history says, line by line: when, how long against the time-box, steps or a dump, tests, messages. */
export function historyFacts(history: HistoryAvailable, expectedHours: number | undefined): HistoryFact[] {
  const { summary } = history;
  const facts: HistoryFact[] = [{ label: 'Commits', text: `${summary.commits.toLocaleString('en-US')}, by ${plural(summary.authors.length, 'author', 'authors')}`, notable: false }];
  if (summary.first) facts.push({ label: 'First commit', text: timeText(summary.first), notable: false });
  if (summary.last) facts.push({ label: 'Last commit', text: timeText(summary.last), notable: false });
  if (summary.spanHours !== undefined) {
    const against = expectedHours === undefined ? '' : `, against a time-box of ${durationText(expectedHours)}`;
    facts.push({ label: 'Span', text: `${durationText(summary.spanHours)} from the first commit to the last${against}`, notable: isFarOverTimeBox(summary.spanHours, expectedHours) });
  }
  if (summary.commits > 0) {
    facts.push(sizeFact(history));
    facts.push({ label: 'Tests', text: TESTS_TEXT[summary.tests], notable: summary.tests !== 'along-the-way' });
    facts.push(messagesFact(history));
  }
  if (history.partial) facts.push({ label: 'Read', text: history.partial, notable: false });
  return facts;
}

/** "commit 0123abc (start)" or "folder starter/". */
export function baselineLabel(baseline: Baseline): string {
  if (baseline.kind === 'folder') return `folder ${baseline.path}`;
  const short = baseline.commit.slice(0, SHORT_COMMIT_LENGTH);
  return baseline.label && baseline.label !== short && baseline.label !== baseline.commit ? `commit ${short} (${baseline.label})` : `commit ${short}`;
}

/** A commit's size as a one-line log shows it: "+700 −380 in 5 files". */
export function commitSize(commit: { insertions: number; deletions: number; files: number; sizeUnknown?: boolean }): string {
  if (commit.sizeUnknown) return `size unknown, ${plural(commit.files, 'file', 'files')}`;
  return `+${commit.insertions.toLocaleString('en-US')} −${commit.deletions.toLocaleString('en-US')} in ${plural(commit.files, 'file', 'files')}`;
}

/** How many files the candidate added, changed and removed since the baseline, and the lines. */
export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
  linesAdded: number;
  linesRemoved: number;
}

export function changeCounts(changes: readonly FileChange[]): ChangeCounts {
  const count = (status: FileChange['status']) => changes.filter((change) => change.status === status).length;
  const changed = changes.filter((change) => change.status !== 'unchanged');
  return {
    added: count('added'),
    changed: count('changed'),
    removed: count('removed'),
    linesAdded: changed.reduce((sum, change) => sum + change.added, 0),
    linesRemoved: changed.reduce((sum, change) => sum + change.removed, 0),
  };
}

/** What the candidate changed since the baseline, in one line: "9 files: 3 added, 5 changed, 1 removed; +420 −80 lines". */
export function changesSummary(counts: ChangeCounts): string {
  const files = counts.added + counts.changed + counts.removed;
  if (files === 0) return 'no file changed since the baseline';
  const kinds = [counts.added > 0 && `${counts.added} added`, counts.changed > 0 && `${counts.changed} changed`, counts.removed > 0 && `${counts.removed} removed`].filter(Boolean).join(', ');
  return `${plural(files, 'file', 'files')}: ${kinds}; +${counts.linesAdded.toLocaleString('en-US')} −${counts.linesRemoved.toLocaleString('en-US')} lines`;
}
