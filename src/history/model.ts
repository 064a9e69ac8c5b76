/**
 * The candidate's history as plain data: what the git reader produces (src/history, pure, over a
 * file system it is given) and what the CLI, the scorecard's "How they worked" card, the export
 * and the questions read. Nothing here is a claim: commit times and authors can be rewritten.
 */

/** Someone named in a commit. Blind review masks both fields before anything shows them. */
export interface Person {
  name: string;
  email: string;
}

/** One commit, with the size of its change against its first parent (against nothing for a root). */
export interface CommitRecord {
  /** The full object id. */
  id: string;
  author: Person;
  committer: Person;
  /** The author time, ISO 8601 with the author's offset. */
  time: string;
  message: string;
  parents: string[];
  /** Files added, changed, removed or renamed. */
  files: number;
  insertions: number;
  deletions: number;
  /** Of `files`, those that are test code (under `tests/`, or a Rust file whose change adds `#[test]`). */
  testFiles: number;
  /** Of `files`, the Rust sources outside tests. */
  codeFiles: number;
  /** True when the size could not be measured within the reader's limits (a huge blob, a time-out). */
  sizeUnknown?: boolean;
}

/** What the history says of how the candidate worked, as a reviewer would read it. */
export interface HistorySummary {
  commits: number;
  /** ISO 8601 times of the first and the last commit, by author time. */
  first?: string;
  last?: string;
  /** Hours from the first commit to the last. */
  spanHours?: number;
  /** The rubric's time-box, when it gives one (`expectedHours`). */
  expectedHours?: number;
  /** Commits that hold at least half of all the lines changed, when there are three commits or more: one dump. */
  dumps: string[];
  /** Whether test code changed in commits before the last one that changed code ("along the way"), only in the last ones ("at the end"), or never. */
  tests: 'along-the-way' | 'at-the-end' | 'none';
  /** Commits whose message says nothing ("wip", "fix", "update", empty…). */
  vagueMessages: string[];
  /** Distinct authors, for the baseline's proposal and for blind review's masking. */
  authors: Person[];
}

/** Why the history cannot be shown: no `.git`, a shallow or corrupt repository, a limit reached. */
export interface HistoryUnavailable {
  available: false;
  reason: string;
}

export interface HistoryAvailable {
  available: true;
  /** Oldest first. */
  commits: CommitRecord[];
  summary: HistorySummary;
  /** Set when only part of the history was read (a shallow clone, the commit limit), saying what was left out. */
  partial?: string;
}

export type History = HistoryAvailable | HistoryUnavailable;

/** What the candidate started from: a commit of the repository, or a folder with the starter code. */
export type Baseline = { kind: 'commit'; commit: string; label: string } | { kind: 'folder'; path: string };

/** A baseline the reader proposes, and why, for the reviewer to confirm or change. */
export interface BaselineProposal {
  baseline: Baseline;
  reason: string;
}

/** Zero-based, end-exclusive line ranges of a file. */
export interface LineSpan {
  start: number;
  end: number;
}

/** How one file differs from the baseline. */
export interface FileChange {
  /** Relative to the repository root, with `/`. */
  path: string;
  status: 'added' | 'changed' | 'removed' | 'unchanged';
  added: number;
  removed: number;
  /** The lines of the current file that the candidate added or changed (all of them for an added file). */
  candidateLines: LineSpan[];
}

/** What the extension knows of a repository's history: the history, the baseline chosen or proposed, and what changed since it. */
export interface RepositoryHistory {
  history: History;
  /** The reader's proposal, shown until the reviewer confirms or changes it. */
  proposal?: BaselineProposal;
  /** Why the reader proposes no baseline, when it proposes none. */
  noProposal?: string;
  /** The baseline in force: the reviewer's choice (a setting or the command), else none. */
  baseline?: Baseline;
  /** Each file's change since `baseline`; absent without one. */
  changes?: FileChange[];
  /** Why the baseline in force could not be compared (a commit or folder not found), when it could not. */
  baselineProblem?: string;
}
