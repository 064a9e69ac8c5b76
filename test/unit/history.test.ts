import { deepStrictEqual, match, ok, strictEqual } from 'node:assert';
import { createWriteStream, readdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDeflate } from 'node:zlib';
import { GitRepository } from '../../src/history/gitRepository';
import type { History, HistoryAvailable } from '../../src/history/model';
import { readHistory } from '../../src/history/readHistory';
import { CANDIDATE, HIRING_TEAM, nodeGitFs, sandboxPerTest, type GitRepo, type Sandbox } from './support/gitRepos';

async function historyOf(dir: string): Promise<History> {
  const repo = await GitRepository.open(nodeGitFs, dir);
  return repo instanceof GitRepository ? readHistory(repo) : { available: false, reason: repo.problem };
}

function available(history: History): HistoryAvailable {
  if (!history.available) throw new Error(`history unavailable: ${history.reason}`);
  return history;
}

const reason = (history: History) => (history.available ? `available: ${history.partial ?? ''}` : history.reason);

/** `git diff --numstat` of a commit against its first parent, exact renames found as git finds them. */
function gitNumstat(repo: GitRepo, id: string, parent: string | undefined): { files: number; insertions: number; deletions: number } {
  const args = parent ? ['diff', '--numstat', '-M100%', parent, id] : ['show', '--numstat', '--format=', '-M100%', id];
  const lines = repo.git(...args).trim().split('\n').filter(Boolean);
  return {
    files: lines.length,
    insertions: lines.reduce((sum, line) => sum + (Number(line.split('\t')[0]) || 0), 0),
    deletions: lines.reduce((sum, line) => sum + (Number(line.split('\t')[1]) || 0), 0),
  };
}

/** The take-home the tests share: a starter by the hiring team, then the candidate's steps. */
function takeHome(sandbox: Sandbox, name = 'takehome'): GitRepo {
  return sandbox.repo(name).commitSteps([
    { files: { 'Cargo.toml': '[package]\nname = "kv"\n', 'src/lib.rs': 'pub fn get() -> u8 {\n    todo!()\n}\n', 'README.md': 'Build a key-value store.\n' }, message: 'Starter code for the take-home', author: HIRING_TEAM },
    { files: { 'src/lib.rs': 'pub fn get() -> u8 {\n    1\n}\n\npub fn put(x: u8) -> u8 {\n    x\n}\n' }, message: 'Store values in memory: a HashMap is enough for the stated load' },
    { files: { 'tests/store.rs': '#[test]\nfn gets() {\n    assert_eq!(kv::get(), 1);\n}\n' }, message: 'wip' },
    { files: { 'src/lib.rs': 'pub fn get() -> u8 {\n    2\n}\n\npub fn put(x: u8) -> u8 {\n    x + 1\n}\n', 'data.bin': '\0\x01\x02' }, message: 'fix' },
  ]);
}

describe('git history reader', function () {
  this.timeout(120_000);
  const sandbox = sandboxPerTest();

  describe('on an ordinary repository', () => {
    it('reads loose objects: commits oldest first, each sized as git diff --numstat sizes it', async () => {
      const repo = takeHome(sandbox());
      const history = available(await historyOf(repo.dir));
      deepStrictEqual(
        history.commits.map((c) => c.id),
        repo.git('rev-list', '--reverse', 'HEAD').trim().split('\n'),
      );
      for (const commit of history.commits) {
        const { files, insertions, deletions } = commit;
        deepStrictEqual({ files, insertions, deletions }, gitNumstat(repo, commit.id, commit.parents[0]), commit.message);
      }
      const [starter, store, wip, fix] = history.commits;
      deepStrictEqual(starter.author, HIRING_TEAM);
      deepStrictEqual(store.committer, CANDIDATE);
      strictEqual(starter.time, '2026-03-02T11:30:00+02:00');
      deepStrictEqual(store.parents, [starter.id]);
      deepStrictEqual([store.codeFiles, store.testFiles, wip.codeFiles, wip.testFiles, fix.codeFiles], [1, 0, 0, 1, 1]);
      strictEqual(history.summary.tests, 'along-the-way');
      deepStrictEqual(history.summary.vagueMessages, [wip.id, fix.id]);
      deepStrictEqual(history.summary.authors, [HIRING_TEAM, CANDIDATE]);
      strictEqual(history.summary.spanHours, 1.5);
      deepStrictEqual(history.summary.dumps, [], 'no commit holds half of the 21 lines changed');
      strictEqual(history.partial, undefined);
    });

    it('reads the same history from packed objects and packed refs after git gc', async () => {
      const repo = takeHome(sandbox());
      repo.git('tag', '-a', 'start', '-m', 'the starter', 'HEAD~3');
      const loose = await historyOf(repo.dir);
      repo.git('gc', '-q', '--prune=now');
      ok(readdirSync(path.join(repo.dir, '.git/objects/pack')).some((f) => f.endsWith('.pack')));
      ok(!readdirSync(path.join(repo.dir, '.git/refs/heads')).includes('main'), 'main is in packed-refs');
      deepStrictEqual(await historyOf(repo.dir), loose);
      const opened = (await GitRepository.open(nodeGitFs, repo.dir)) as GitRepository;
      deepStrictEqual(await opened.tags(), [{ name: 'start', commit: available(loose).commits[0].id }]);
    });

    it('reads a merge, both branches, and sizes the merge against its first parent', async () => {
      const repo = takeHome(sandbox());
      repo.git('checkout', '-q', '-b', 'feature', 'HEAD~1');
      repo.write({ 'src/cli.rs': 'fn main() {}\n' });
      repo.commit('Add a command line');
      repo.git('checkout', '-q', 'main');
      repo.git('merge', '-q', '--no-edit', 'feature');
      const history = available(await historyOf(repo.dir));
      strictEqual(history.commits.length, 6);
      const merge = history.commits.at(-1)!;
      strictEqual(merge.parents.length, 2);
      deepStrictEqual({ files: merge.files, insertions: merge.insertions, deletions: merge.deletions }, gitNumstat(repo, merge.id, merge.parents[0]));
      const order = history.commits.map((c) => c.id);
      for (const commit of history.commits) for (const parent of commit.parents) ok(order.indexOf(parent) < order.indexOf(commit.id), 'parents come first');
    });

    it('counts a pure rename as one file and no lines, as git does', async () => {
      const repo = takeHome(sandbox());
      repo.git('mv', 'src/lib.rs', 'src/store.rs');
      repo.commit('Rename lib.rs to store.rs: the crate will hold a binary too');
      const rename = available(await historyOf(repo.dir)).commits.at(-1)!;
      deepStrictEqual([rename.files, rename.insertions, rename.deletions], [1, 0, 0]);
    });

    it('says a shallow clone is partial', async () => {
      const origin = takeHome(sandbox());
      const shallow = path.join(sandbox().root, 'shallow');
      origin.git('clone', '-q', '--depth', '2', `file://${origin.dir}`, shallow);
      const history = available(await historyOf(shallow));
      strictEqual(history.commits.length, 2);
      match(history.partial ?? '', /shallow clone/);
      strictEqual(history.commits[1].insertions, gitNumstat(origin, history.commits[1].id, history.commits[0].id).insertions);
    });

    it('follows a detached HEAD', async () => {
      const repo = takeHome(sandbox());
      repo.git('checkout', '-q', '--detach', 'HEAD~1');
      const history = available(await historyOf(repo.dir));
      strictEqual(history.commits.length, 3);
      strictEqual(history.commits.at(-1)!.message.trim(), 'wip');
    });

    it('reads a linked worktree, and a .git file that names the repository by a relative path', async () => {
      const repo = takeHome(sandbox());
      repo.git('worktree', 'add', '-q', path.join(sandbox().root, 'linked'), 'HEAD~2');
      strictEqual(available(await historyOf(path.join(sandbox().root, 'linked'))).commits.length, 2);
      // A submodule's .git is a file naming the repository's folder by a relative path.
      const checkout = sandbox().repo('checkout').dir;
      rmSync(path.join(checkout, '.git'), { recursive: true });
      writeFileSync(path.join(checkout, '.git'), 'gitdir: ../takehome/.git\n');
      strictEqual(available(await historyOf(checkout)).commits.length, 4);
    });

    it('says why there is no history: no .git, an empty repository, a .git naming a folder that is not there', async () => {
      const plain = sandbox().repo('plain').dir;
      deepStrictEqual(await historyOf(sandbox().root), { available: false, reason: 'no .git folder: the code came without its history (a zip, a copy or a web view)' });
      deepStrictEqual(await historyOf(plain), { available: false, reason: 'the repository has no commits yet (branch main is empty)' });
      const dangling = sandbox().repo('dangling').dir;
      rmSync(path.join(dangling, '.git'), { recursive: true });
      writeFileSync(path.join(dangling, '.git'), 'gitdir: /nowhere/at/all\n');
      match(reason(await historyOf(dangling)), /names \/nowhere\/at\/all, which is not there/);
    });
  });

  describe('on a hostile .git', () => {
    it('reports a corrupt object without throwing, and keeps the history after it', async () => {
      const repo = takeHome(sandbox());
      writeFileSync(repo.objectPath(repo.git('rev-parse', 'HEAD').trim()), 'not zlib at all');
      match(reason(await historyOf(repo.dir)), /^the repository could not be read: /);
      const older = takeHome(sandbox(), 'older');
      writeFileSync(older.objectPath(older.git('rev-parse', 'HEAD~2').trim()), 'not zlib at all');
      const history = available(await historyOf(older.dir));
      strictEqual(history.commits.length, 2);
      match(history.partial ?? '', /could not be read .*history before it is left out/);
    });

    it('reports a truncated pack', async () => {
      const repo = takeHome(sandbox());
      repo.git('gc', '-q', '--prune=now');
      const pack = readdirSync(path.join(repo.dir, '.git/objects/pack')).find((f) => f.endsWith('.pack'))!;
      truncateSync(path.join(repo.dir, '.git/objects/pack', pack), 200);
      match(reason(await historyOf(repo.dir)), /^the repository could not be read: /);
    });

    it('stops inflating an object that inflates to a gigabyte', async () => {
      const repo = takeHome(sandbox());
      const blob = repo.git('rev-parse', 'HEAD:src/lib.rs').trim();
      const size = 1024 * 1024 * 1024;
      await new Promise<void>((resolve, reject) => {
        const deflate = createDeflate({ level: 1 });
        deflate.pipe(createWriteStream(repo.objectPath(blob))).on('finish', resolve).on('error', reject);
        deflate.write(`blob ${size}\0`);
        const chunk = Buffer.alloc(1024 * 1024);
        let written = 0;
        const more = () => {
          while (written < size) {
            written += chunk.length;
            if (!deflate.write(chunk)) return void deflate.once('drain', more);
          }
          deflate.end();
        };
        more();
      });
      ok(statSync(repo.objectPath(blob)).size < 8 * 1024 * 1024, 'the object is small on disk');
      const started = Date.now();
      const history = available(await historyOf(repo.dir));
      ok(Date.now() - started < 20_000);
      ok(history.commits.at(-1)!.sizeUnknown);
      match(history.partial ?? '', /inflates to more than 64 MiB/);
    });

    it('refuses a tree nested thousands of folders deep', async () => {
      const repo = takeHome(sandbox());
      let tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
      for (let depth = 0; depth < 3000; depth++) tree = repo.writeObject('tree', Buffer.concat([Buffer.from('40000 d\0'), Buffer.from(tree, 'hex')]));
      const commit = repo.git('commit-tree', tree, '-p', 'HEAD', '-m', 'deep').trim();
      repo.git('update-ref', 'refs/heads/main', commit);
      const history = available(await historyOf(repo.dir));
      ok(history.commits.at(-1)!.sizeUnknown);
      match(history.partial ?? '', /nested more than 200 folders deep/);
    });

    it('refuses a ref loop', async () => {
      const repo = takeHome(sandbox());
      writeFileSync(path.join(repo.dir, '.git/HEAD'), 'ref: refs/heads/a\n');
      writeFileSync(path.join(repo.dir, '.git/refs/heads/a'), 'ref: refs/heads/b\n');
      writeFileSync(path.join(repo.dir, '.git/refs/heads/b'), 'ref: refs/heads/a\n');
      match(reason(await historyOf(repo.dir)), /more than 5 symbolic refs: a loop/);
    });

    it('does not follow a symlinked .git, nor a symlink inside it', async () => {
      const repo = takeHome(sandbox());
      const linked = sandbox().repo('linked').dir;
      rmSync(path.join(linked, '.git'), { recursive: true });
      symlinkSync(path.join(repo.dir, '.git'), path.join(linked, '.git'));
      strictEqual(reason(await historyOf(linked)), '.git is a symbolic link, which the git reader does not follow');
      // A HEAD linked to an endless device would never finish reading.
      rmSync(path.join(repo.dir, '.git/HEAD'));
      symlinkSync('/dev/zero', path.join(repo.dir, '.git/HEAD'));
      match(reason(await historyOf(repo.dir)), /HEAD is a symbolic link, which the git reader does not follow/);
    });
  });
});
