// Histories made by hand, as the git reader (src/history) reports them, for the tests of what the
// scorecard, the export and the questions make of them.
import type { CommitRecord, HistoryAvailable, RepositoryHistory } from '../../../src/history/model';
import type { PinnedCommit } from '../../../src/rubric/review';

const CANDIDATE = { name: 'Casey Candidate', email: 'casey@example.org' };

/** A commit whose id is `n` written out to 40 characters. */
export function commit(n: number, time: string, message: string, size: Partial<CommitRecord> = {}): CommitRecord {
  return {
    id: String(n).repeat(40).slice(0, 40),
    author: CANDIDATE,
    committer: CANDIDATE,
    time,
    message,
    parents: n > 1 ? [String(n - 1).repeat(40).slice(0, 40)] : [],
    files: 1,
    insertions: 10,
    deletions: 0,
    testFiles: 0,
    codeFiles: 1,
    ...size,
  };
}

/**
 * Five commits over two days: a skeleton, a vague "wip", a first parser, then commit 4 replaces
 * the parser in one step (1,080 of the 1,460 lines changed), and the tests come last.
 */
export function dumpHistory(): HistoryAvailable {
  const commits = [
    commit(1, '2026-11-20T09:00:00+01:00', 'Initial skeleton: a CLI that reads commands', { files: 4, insertions: 120, codeFiles: 3 }),
    commit(2, '2026-11-20T09:40:00+01:00', 'wip', { insertions: 60, deletions: 10 }),
    commit(3, '2026-11-20T10:30:00+01:00', 'Parse commands with a hand-written tokenizer\n\nThe grammar is small enough.', { files: 2, insertions: 90, deletions: 20, codeFiles: 2 }),
    commit(4, '2026-11-21T15:00:00+01:00', 'Replace the parser', { files: 5, insertions: 700, deletions: 380, codeFiles: 5 }),
    commit(5, '2026-11-21T16:30:00+01:00', 'Add tests for the parser', { files: 2, insertions: 80, deletions: 0, testFiles: 2, codeFiles: 0 }),
  ];
  return {
    available: true,
    commits,
    summary: {
      commits: 5,
      first: commits[0].time,
      last: commits[4].time,
      spanHours: 31.5,
      dumps: [commits[3].id],
      tests: 'at-the-end',
      vagueMessages: [commits[1].id],
      authors: [CANDIDATE],
    },
  };
}

/** Four commits in an afternoon, each with its tests, each message saying what it did. */
export function stepsHistory(): HistoryAvailable {
  const commits = [1, 2, 3, 4].map((n) =>
    commit(n, `2026-11-20T1${n}:00:00Z`, `Step ${n}: one more command, with its test`, { files: 2, insertions: 40 + n, deletions: n, testFiles: 1, codeFiles: 1 }),
  );
  return {
    available: true,
    commits,
    summary: { commits: 4, first: commits[0].time, last: commits[3].time, spanHours: 3, dumps: [], tests: 'along-the-way', vagueMessages: [], authors: [CANDIDATE] },
  };
}

/** The dump history with the starter's commit `start` as the baseline in force, and what changed since. */
export function withBaseline(history: HistoryAvailable): RepositoryHistory {
  return {
    history,
    baseline: { kind: 'commit', commit: history.commits[0].id, label: 'start' },
    changes: [
      { path: 'src/parser.rs', status: 'added', added: 300, removed: 0, candidateLines: [{ start: 0, end: 300 }] },
      { path: 'src/main.rs', status: 'changed', added: 40, removed: 12, candidateLines: [{ start: 9, end: 30 }] },
      { path: 'src/old_parser.rs', status: 'removed', added: 0, removed: 90, candidateLines: [] },
      { path: 'Cargo.toml', status: 'unchanged', added: 0, removed: 0, candidateLines: [] },
    ],
  };
}

/** The counts of withBaseline's changes: one file added, one changed, one removed, one unchanged. */
export const CHANGE_COUNTS = { added: 1, changed: 1, removed: 1, linesAdded: 340, linesRemoved: 102 };

/** Commit `n` of the dump history as the review records it when pinned. */
export function pinnedCommit(n: number, now: Date): PinnedCommit {
  const record = dumpHistory().commits[n - 1];
  const { files, insertions, deletions } = record;
  return { commit: record.id, subject: record.message.split('\n')[0], time: record.time, files, insertions, deletions, createdAt: now.toISOString() };
}
