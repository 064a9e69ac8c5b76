import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareWithBaseline, proposeBaseline, starterLines, type FileSet } from '../../src/history/baseline';
import type { CommitRecord } from '../../src/history/model';
import { readRepositoryHistory } from '../../src/history/repositoryHistory';
import { isVagueMessage, summarize } from '../../src/history/summary';
import { CANDIDATE, HIRING_TEAM, nodeGitFs, Sandbox } from './support/gitRepos';

function commit(id: string, fields: Partial<CommitRecord> = {}): CommitRecord {
  return { id, author: CANDIDATE, committer: CANDIDATE, time: '2026-03-02T10:00:00Z', message: 'Explain the change', parents: [], files: 1, insertions: 1, deletions: 0, testFiles: 0, codeFiles: 1, ...fields };
}

const files = (texts: Record<string, string>): FileSet => ({ paths: Object.keys(texts), read: (p) => Promise.resolve(texts[p]) });

describe('history summary', () => {
  it('finds one dump among steps, tests written at the end, and messages that say nothing', () => {
    const commits = [
      commit('a', { insertions: 10, time: '2026-03-02T10:00:00+01:00' }),
      commit('b', { insertions: 400, deletions: 20, message: 'wip' }),
      commit('c', { insertions: 12, message: 'Add tests for eviction', testFiles: 1, codeFiles: 0, time: '2026-03-02T14:30:00+01:00' }),
    ];
    const summary = summarize(commits, 4);
    deepStrictEqual([summary.dumps, summary.tests, summary.vagueMessages, summary.spanHours, summary.expectedHours], [['b'], 'at-the-end', ['b'], 4.5, 4]);
    deepStrictEqual(['', 'WIP', 'fix.', 'Update', 'fix: parse negative numbers', 'update\n\nThe cache was stale after a put.'].map(isVagueMessage), [true, true, true, true, false, false]);
  });
});

describe('baseline', () => {
  it('proposes a starter tag, else the root commit by another author, else none with the reason', () => {
    const root = commit('r', { author: HIRING_TEAM });
    const later = commit('l', { parents: ['r'] });
    deepStrictEqual(proposeBaseline([root, later], [{ name: 'v1', commit: 'l' }, { name: 'starter', commit: 'r' }]), {
      baseline: { kind: 'commit', commit: 'r', label: 'tag starter' },
      reason: 'the tag "starter" marks the starter code',
    });
    deepStrictEqual(proposeBaseline([root, later], []), {
      baseline: { kind: 'commit', commit: 'r', label: 'root commit r' },
      reason: 'the root commit is by Hiring Team, and every later commit by someone else',
    });
    deepStrictEqual(proposeBaseline([commit('r'), later], []), { reason: 'no tag such as "start" or "template", and Casey Candidate made the root commit and later ones too' });
  });

  it('compares files with the baseline and tells the starter lines from the candidate ones', async () => {
    const changes = await compareWithBaseline(
      files({ 'src/lib.rs': 'a\nb\nc\nd\n', 'src/old.rs': 'x\n', 'Cargo.toml': '[package]\n' }),
      files({ 'src/lib.rs': 'a\nB\nc\nd\ne\n', 'src/new.rs': 'n\n', 'Cargo.toml': '[package]\r\n' }),
    );
    deepStrictEqual(changes, [
      { path: 'Cargo.toml', status: 'unchanged', added: 0, removed: 0, candidateLines: [] },
      { path: 'src/lib.rs', status: 'changed', added: 2, removed: 1, candidateLines: [{ start: 1, end: 2 }, { start: 4, end: 5 }] },
      { path: 'src/new.rs', status: 'added', added: 1, removed: 0, candidateLines: [{ start: 0, end: 1 }] },
      { path: 'src/old.rs', status: 'removed', added: 0, removed: 1, candidateLines: [] },
    ]);
    const starter = starterLines(changes);
    deepStrictEqual([0, 1, 2, 3, 4].map((line) => starter('src/lib.rs', line)), [true, false, true, true, false]);
    deepStrictEqual([starter('Cargo.toml', 0), starter('src/new.rs', 0), starter('src/unknown.rs', 0)], [true, false, false]);
  });

  it('reads a repository with a commit baseline, a folder baseline, or one that is not there', async () => {
    const sandbox = new Sandbox();
    try {
      const repo = sandbox.repo('takehome');
      repo.write({ 'src/lib.rs': 'fn starter() {}\n' });
      repo.commit('Starter', HIRING_TEAM);
      repo.git('tag', 'start');
      repo.write({ 'src/lib.rs': 'fn starter() {}\nfn mine() {}\n' });
      repo.commit('Add mine');
      const byTag = await readRepositoryHistory(nodeGitFs, repo.dir, { baseline: 'start' });
      strictEqual(byTag.proposal?.reason, 'the tag "start" marks the starter code');
      deepStrictEqual(byTag.baseline, { kind: 'commit', commit: repo.git('rev-parse', 'start').trim(), label: 'start' });
      deepStrictEqual(byTag.changes, [{ path: 'src/lib.rs', status: 'changed', added: 1, removed: 0, candidateLines: [{ start: 1, end: 2 }] }]);

      const starterFolder = path.join(sandbox.root, 'starter');
      mkdirSync(path.join(starterFolder, 'src'), { recursive: true });
      writeFileSync(path.join(starterFolder, 'src/lib.rs'), 'fn starter() {}\n');
      const byFolder = await readRepositoryHistory(nodeGitFs, repo.dir, { baseline: starterFolder });
      deepStrictEqual(byFolder.baseline, { kind: 'folder', path: starterFolder });
      deepStrictEqual(byFolder.changes, byTag.changes);

      const missing = await readRepositoryHistory(nodeGitFs, repo.dir, { baseline: 'nope' });
      strictEqual(missing.baselineProblem, 'the baseline "nope" is neither a commit or tag of the repository nor a folder');
      const noGit = await readRepositoryHistory(nodeGitFs, starterFolder, { baseline: starterFolder });
      ok(!noGit.history.available);
      deepStrictEqual(noGit.changes, [{ path: 'src/lib.rs', status: 'unchanged', added: 0, removed: 0, candidateLines: [] }]);
    } finally {
      sandbox.dispose();
    }
  });
});
