import { deepStrictEqual, match, ok, strictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CANDIDATE, HIRING_TEAM, sandboxPerTest, type GitRepo, type Sandbox } from './support/gitRepos';

const CLI = path.resolve('dist/cli.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A starter with an unwrap, then the candidate's commits: one adds an unwrap, one a test, one says nothing. */
function takeHome(sandbox: Sandbox): GitRepo {
  const starter = 'pub fn starter(x: Option<u8>) -> u8 {\n    x.unwrap()\n}\n';
  return sandbox.repo('takehome').commitSteps([
    { files: { 'Cargo.toml': '[package]\nname = "kv"\nedition = "2021"\n', 'src/lib.rs': starter }, message: 'Starter code', author: HIRING_TEAM, tag: 'start' },
    { files: { 'src/lib.rs': `${starter}\npub fn mine(x: Option<u8>) -> u8 {\n    x.unwrap() + 1\n}\n` }, message: 'Add mine, which trusts its caller to pass Some' },
    { files: { 'tests/mine.rs': '#[test]\nfn adds_one() {\n    assert_eq!(kv::mine(Some(1)), 2);\n}\n' }, message: 'wip' },
  ]);
}

describe('rust-review history and scan --baseline', function () {
  this.timeout(60_000);
  const sandbox = sandboxPerTest();

  it('writes the history as JSON in exactly the documented shape, oldest first', () => {
    const repo = takeHome(sandbox());
    const { code, stdout } = run('history', repo.dir, '--format', 'json');
    strictEqual(code, 0);
    const { commits, summary, ...rest } = JSON.parse(stdout);
    deepStrictEqual(rest, {});
    deepStrictEqual(commits.map((c: object) => Object.keys(c)), Array(3).fill(['id', 'author', 'time', 'message', 'files', 'insertions', 'deletions']));
    deepStrictEqual(commits[0], {
      id: repo.git('rev-parse', 'start').trim(),
      author: HIRING_TEAM,
      time: '2026-03-02T11:30:00+02:00',
      message: 'Starter code\n',
      files: 2,
      insertions: 6,
      deletions: 0,
    });
    deepStrictEqual(commits[1].author, CANDIDATE);
    deepStrictEqual([summary.commits, summary.tests, summary.vagueMessages, summary.spanHours], [3, 'at-the-end', [commits[2].id], 1]);
  });

  it('writes the history as text and Markdown, saying times can be rewritten', () => {
    const repo = takeHome(sandbox());
    const text = run('history', repo.dir);
    strictEqual(text.code, 0);
    match(text.stdout, /^History of .* \(commit times and authors can be rewritten: prompts, not proof\)\n {2}3 commits by 2 authors, 2026-03-02T11:30:00\+02:00 to 2026-03-02T12:30:00\+02:00 \(1 h\)\n {2}tests: only at the end\n/);
    match(text.stdout, /\n {2}[0-9a-f]{7} {2}2026-03-02T12:00:00\+02:00 {2}Casey Candidate {2}\+4 -0, 1 file {2}Add mine, which trusts its caller to pass Some\n/);
    const markdown = run('history', repo.dir, '--format=markdown');
    strictEqual(markdown.code, 0);
    match(markdown.stdout, /^# History of /);
    match(markdown.stdout, /\n\| `[0-9a-f]{7}` \| 2026-03-02T12:30:00\+02:00 \| Casey Candidate \| 1 \| 4 \| 0 \| wip \|\n/);
  });

  it('says why there is no history, with exit code 1', () => {
    const plain = sandbox().repo('plain').dir;
    const { code, stderr, stdout } = run('history', plain, '--format', 'json');
    deepStrictEqual([code, stdout], [1, '']);
    strictEqual(stderr, `rust-review: no history for ${plain}: the repository has no commits yet (branch main is empty)\n`);
    strictEqual(run('history', sandbox().root).stderr, `rust-review: no history for ${sandbox().root}: no .git folder: the code came without its history (a zip, a copy or a web view)\n`);
  });

  it('scan --baseline reports only findings on the candidate lines, and says so in every format', () => {
    const repo = takeHome(sandbox());
    const unwrapLines = (json: string) =>
      (JSON.parse(json) as { findings: { rule: string; file: string; line: number }[] }).findings.filter((f) => f.rule === 'unwrap').map((f) => `${f.file}:${f.line}`);
    deepStrictEqual(unwrapLines(run('scan', repo.dir, '--format', 'json').stdout), ['src/lib.rs:2', 'src/lib.rs:6']);
    const json = run('scan', repo.dir, '--format', 'json', '--baseline', 'start');
    strictEqual(json.code, 0, json.stderr);
    deepStrictEqual(unwrapLines(json.stdout), ['src/lib.rs:6']);
    const { baseline } = JSON.parse(json.stdout);
    strictEqual(baseline.label, 'start');
    ok(baseline.findingsLeftOut >= 1);
    const sentence = `Only lines the candidate added or changed since start are reported; ${baseline.findingsLeftOut} finding${baseline.findingsLeftOut === 1 ? '' : 's'} on the starter's lines left out.`;
    strictEqual(baseline.note, sentence);
    strictEqual(run('scan', repo.dir, '--baseline', 'start').stdout.split('\n')[1], `  ${sentence}`);
    strictEqual(run('scan', repo.dir, '--format', 'markdown', '--baseline', 'start').stdout.split('\n')[1], `> ${sentence}`);
    deepStrictEqual(JSON.parse(run('scan', repo.dir, '--format', 'sarif', '--baseline', 'start').stdout).runs[0].properties.baseline, baseline);
    // The starter as a folder gives the same.
    repo.git('worktree', 'add', '-q', path.join(sandbox().root, 'starter'), 'start');
    deepStrictEqual(unwrapLines(run('scan', repo.dir, '--format', 'json', '--baseline', path.join(sandbox().root, 'starter')).stdout), ['src/lib.rs:6']);
  });

  it('scan --baseline names a baseline it cannot find, with exit code 2', () => {
    const repo = takeHome(sandbox());
    const { code, stderr } = run('scan', repo.dir, '--baseline', 'no-such-tag');
    deepStrictEqual([code, stderr], [2, 'rust-review: the baseline "no-such-tag" is neither a commit or tag of the repository nor a folder\n']);
  });
});
