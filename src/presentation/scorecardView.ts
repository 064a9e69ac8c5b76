/**
 * The view model of the scorecard: what the extension builds (scorecardModel.ts) and the webview
 * draws. Plain data; every string in it may come from the candidate's repository, so whoever draws
 * it escapes it.
 */
import type { CodeContext, Polarity } from '../analysis/model';
import type { FileChange } from '../history/model';
import type { HistoryFact } from '../rubric/historyFacts';
import type { EvidenceCounts, Level } from '../rubric/model';

export type { EvidenceCounts };

/** A place in the code, relative to the repository root; lines and characters are zero-based. */
export interface LocationView {
  file: string;
  /** The workspace folder (its URI) the file is relative to, for a finding: a multi-root workspace may hold the same path twice. Without it, the first folder. */
  workspaceFolder?: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface FindingView extends LocationView {
  rule: string;
  polarity: Polarity;
  message: string;
  context: CodeContext;
}

export interface PinnedView extends LocationView {
  id: string;
  snippet: string;
  note?: string;
  message?: string;
  /** Pinned at another commit than the one under review. */
  olderCommit: boolean;
}

export interface QuestionView {
  text: string;
  location?: LocationView;
  chosen: boolean;
}

export interface CategoryView {
  id: string;
  title: string;
  weight: number;
  descriptors: Record<Level, string>;
  level?: Level;
  notes: string;
  counts: EvidenceCounts;
  /** The findings a reviewer should look at first: concerns in the crate's own code first. */
  top: FindingView[];
  /** What the evidence suggests; without a level, why none is suggested (too little evidence, or mixed). */
  suggestion?: { level?: Level; reason: string };
  pinned: PinnedView[];
  questions: QuestionView[];
}

/** A commit on the "How they worked" card's timeline and in its table. */
export interface CommitView {
  id: string;
  /** Its number in the history as read, oldest first, from 1. */
  number: number;
  /** The first line of its message; empty when it has none. */
  subject: string;
  /** Its author time as the author's clock showed it. */
  time: string;
  /** Where it sits on the timeline, by time: 0 for the first commit, 1 for the last. */
  at: number;
  files: number;
  insertions: number;
  deletions: number;
  /** The reader could not measure its size within its limits. */
  sizeUnknown: boolean;
  /** Its lines changed against the largest commit's, 0 to 1. */
  size: number;
  /** It holds at least half of all the lines changed. */
  dump: boolean;
  /** It changed test code. */
  tests: boolean;
  /** Its message says nothing. */
  vague: boolean;
  pinned: boolean;
}

/** A commit the reviewer pinned, as the review recorded it. */
export interface PinnedCommitView {
  id: string;
  /** Its number in the history as read now; absent when the history does not hold it (a review imported from elsewhere). */
  number?: number;
  subject: string;
  time: string;
  files: number;
  insertions: number;
  deletions: number;
}

export type HistoryState =
  | { state: 'reading' }
  | { state: 'unavailable'; reason: string }
  | {
      state: 'available';
      /** The latest commits, oldest first; `earlier` more came before them and are left off the timeline. */
      commits: CommitView[];
      earlier: number;
      /** What the timeline shows, in words, for those who cannot see it. */
      description: string;
      /** Where the time-box ends on the timeline, 0 to 1, when the commits span longer than it. */
      timeBoxAt?: number;
      facts: HistoryFact[];
    };

/** A file the candidate added, changed or removed since the baseline. */
export interface ChangedFileView {
  file: string;
  status: Exclude<FileChange['status'], 'unchanged'>;
  added: number;
  removed: number;
  /** Where to open it: its first line the candidate wrote; absent for a removed file. */
  location?: LocationView;
}

/** The starter the candidate began from, and what they changed since. */
export interface BaselineView {
  /**
   * In force (the reviewer's choice), recorded by the review as the one it was scored against but not
   * in force now (the history not read yet, or the baseline gone), or proposed by the reader until
   * the reviewer confirms it.
   */
  state: 'in-force' | 'recorded' | 'proposed';
  /** "commit 0123abc (start)" or "folder starter/". */
  label: string;
  /** Why the reader proposes it. */
  reason?: string;
  /** What changed since a baseline in force. */
  changes?: { added: number; changed: number; removed: number; linesAdded: number; linesRemoved: number; files: ChangedFileView[] };
}

/** The "How they worked" card. */
export interface HistoryCardView {
  history: HistoryState;
  pinned: PinnedCommitView[];
  questions: QuestionView[];
  baseline?: BaselineView;
  /** In a multi-root workspace: the name of the first folder, which the card is about. */
  firstFolder?: string;
}

export interface ScorecardView {
  repository: { name: string; commit?: string; remote?: string };
  scan: { state: 'scanning' | 'done'; files: number; skipped: number };
  rubric: { id: string; version: string; title: string; problem?: string };
  recommendation?: Level;
  /** The weighted mean of the scored categories, 1 to 4: a hint, never the recommendation. */
  weightedScore?: number;
  summary: string;
  checklist: string[];
  history: HistoryCardView;
  categories: CategoryView[];
  /** Titles of the categories not assessed yet. */
  unassessed: string[];
}
