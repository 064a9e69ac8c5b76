import { deepStrictEqual, doesNotMatch, match, ok, strictEqual } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { candidateCode } from '../../src/team/candidateCode';
import { HIRING_TEAM, sandboxPerTest, type GitRepo } from './support/gitRepos';

const CLI = path.resolve('dist/cli.js');
const CARELESS = 'test/fixtures/careless-takehome';
const CAREFUL = 'test/fixtures/careful-takehome';
const REVIEWS = 'test/fixtures/team/reviews';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(files: Record<string, string>, name = 'candidate'): string {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'rust-review-team-')), name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** The golden report with today's date: the CLI dates the scorecard as Copy Review does. */
const withDate = (golden: string) => golden.replace(/^- \*\*Date:\*\* .*$/m, `- **Date:** ${new Date().toISOString().slice(0, 10)}`);

/** The test rubric: one category, titled so that its use shows in every output. */
const TEAM_RUBRIC = JSON.stringify({
  id: 'team',
  version: '2',
  title: 'Team rubric',
  categories: [{ id: 'errors', title: 'Errors', weight: 1, signals: ['unwrap', 'try-operator'], descriptors: { 'strong-no': 'a', no: 'b', yes: 'c', 'strong-yes': 'd' }, question: 'Why?' }],
});

/** The starter a hiring team hands out: one unwrap of its own, in a file the candidate keeps. */
const STARTER = { 'Cargo.toml': '[package]\nname = "kv"\nversion = "0.1.0"\nedition = "2021"\n', 'src/main.rs': 'mod store;\nfn main() {\n    let v: Option<u8> = None;\n    v.unwrap();\n}\n' };

/**
 * A candidate's repository: the hiring team's starter as the root commit, then the candidate's work
 * committed by someone else again (a committer the author line does not name), in a file named
 * after the author and on a line that names the committer, so that an unmasked name would show in
 * the comparison's locations and the scorecard's quoted code.
 */
function candidateRepo(repo: GitRepo): GitRepo {
  repo.write(STARTER).commit('starter', HIRING_TEAM);
  repo.write({ 'src/store.rs': 'pub fn get() -> u8 {\n    let r: Result<u8, ()> = Ok(1);\n    r.unwrap()\n}\n', 'src/casey.rs': 'pub fn put() {\n    let r: Result<u8, ()> = Ok(1);\n    r.unwrap(); // as Robin Whitlock asked\n}\n' });
  repo.write({ 'src/main.rs': `mod store;\nmod casey;\n${STARTER['src/main.rs'].slice('mod store;\n'.length)}` });
  execFileSync('git', ['add', '-A'], { cwd: repo.dir });
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'store'], {
    cwd: repo.dir,
    env: { PATH: process.env.PATH, HOME: repo.dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Casey Quartermaine', GIT_AUTHOR_EMAIL: 'cq@example.org', GIT_COMMITTER_NAME: 'Robin Whitlock', GIT_COMMITTER_EMAIL: 'robin@whitlock.example' },
  });
  return repo;
}

/** What must not show in a blind output of candidateRepo: the author's and the committer's names and e-mails, and the folder's name. */
const CANDIDATE_NAMES = /casey|quartermaine|cq@|robin|whitlock|jobs@example|hiring team|candidate-folder/i;

describe('rust-review calibrate, compare and report', function () {
  this.timeout(60_000);
  const sandbox = sandboxPerTest();

  it('calibrate prints the debrief\'s Markdown or JSON for two exported reviews', () => {
    const markdown = run('calibrate', `${REVIEWS}/careful-ann.json`, `${REVIEWS}/careful-bob.json`);
    strictEqual(markdown.code, 0, markdown.stderr);
    match(markdown.stdout, /^# Calibration: careful-takehome\n/);
    match(markdown.stdout, /\n\*\*3 disagreements to talk through:\*\* Async, Testing & Debuggability, the recommendation\.\n/);
    match(markdown.stdout, /\n- `src\/store\.rs:62` \(Async\), pinned by Ann Example and Bob Example\n {2}- Ann Example: async API over a blocking store thread: ask why\n/);
    const json = run('calibrate', `${REVIEWS}/careful-ann.json`, `${REVIEWS}/careful-bob.json`, '--format=json');
    const parsed = JSON.parse(json.stdout) as { reviewers: string[]; categories: { id: string; disagreement?: string }[] };
    deepStrictEqual(parsed.reviewers, ['Ann Example', 'Bob Example']);
    deepStrictEqual(parsed.categories.filter((c) => c.disagreement).map((c) => [c.id, c.disagreement]), [['async', 'levels-apart'], ['testing', 'crosses-yes-no']]);
  });

  it('calibrate says what is wrong with a file that is not an exported review, with exit code 2', () => {
    const broken = path.join(tempDir({ 'x.json': '{"schema": 1, "repository": {}}', 'cut.json': '{"schema": 1, "rep' }), 'x.json');
    const result = run('calibrate', `${REVIEWS}/careful-ann.json`, broken);
    deepStrictEqual([result.code, result.stdout], [2, '']);
    match(result.stderr, /x\.json is not an exported review: the review names no repository\n$/);
    match(run('calibrate', path.join(path.dirname(broken), 'cut.json'), broken).stderr, /cut\.json is not JSON: /);
    match(run('calibrate', `${REVIEWS}/careful-ann.json`).stderr, /calibrate takes two exported reviews; got 1 \(see --help\)/);
  });

  it('compare prints the golden comparison of the two samples, with the reviews in a folder beside the suggestions', () => {
    // A file in the folder that is not a review is named and left out; the others are read.
    const reviews = tempDir({ 'notes.json': '[]' }, 'reviews');
    cpSync(REVIEWS, reviews, { recursive: true });
    for (const format of ['markdown', 'csv', 'json']) {
      const result = run('compare', CARELESS, CAREFUL, '--reviews', reviews, '--format', format);
      strictEqual(result.code, 0, result.stderr);
      strictEqual(result.stdout, readFileSync(`test/fixtures/team/compare.golden.${format === 'markdown' ? 'md' : format}`, 'utf8'));
      match(result.stderr, /skipping .*notes\.json is not an exported review: the review is not a JSON object\n/);
    }
  });

  it('compare --blind shows candidate codes and masks the candidate\'s names, e-mails and account', () => {
    const candidate = tempDir(
      {
        'Cargo.toml': '[package]\nname = "kv"\nversion = "0.1.0"\nedition = "2021"\nauthors = ["Zoë <i>Evil</i> Ångström <zoe@evil.example>"]\n',
        'LICENSE': 'MIT License\n\nCopyright (c) 2025 Zoë Ångström\n',
        'README.md': '# kv\n\nAuthor: Zoë Ångström (@zoeang)\n',
        '.git/config': '[remote "origin"]\n\turl = git@github.com:zoeang/kv.git\n',
        'src/main.rs': 'mod angstrom;\nfn main() { let v: Option<u8> = None; v.unwrap(); angstrom::run(); }\n',
        'src/angstrom.rs': 'pub fn run() { let s: Result<u8, ()> = Err(()); s.unwrap(); }\n',
        'src/Ångström.rs': 'fn blob() {}\0\n',
      },
      'zoe-angstrom',
    );
    const result = run('compare', candidate, CARELESS, '--blind', '--format', 'json', '--reviews', REVIEWS);
    strictEqual(result.code, 0, result.stderr);
    const rows = (JSON.parse(result.stdout) as { rows: { candidate: string }[] }).rows;
    ok(rows.every((row) => /^C-[0-9A-F]{4}$/.test(row.candidate)), result.stdout);
    doesNotMatch(result.stdout, /zo[eë]|ångström|angstrom|evil|careless/i);
    // What the scan skipped is said on stderr, masked too.
    match(result.stderr, /^rust-review: C-[0-9A-F]{4}: skipped 1 file: src\/C-[0-9A-F]{4}\.rs \(contains NUL bytes/);
    // The reviews of the careful sample match no candidate here, and a blind comparison does not name them.
    match(result.stderr, /\nrust-review: 2 reviews match no candidate\n$/);
    const csv = run('compare', candidate, '--blind', '--format', 'csv').stdout;
    match(csv, /,unwrap at src\/C-[0-9A-F]{4}\.rs:1: /);
  });

  it('compare refuses a folder that is not there, and a reviews folder it cannot read', () => {
    const missing = run('compare', CARELESS, 'no/such/dir');
    deepStrictEqual([missing.code, missing.stderr], [2, 'rust-review: not a directory: no/such/dir\n']);
    match(run('compare', CARELESS, '--reviews', 'no/such/folder').stderr, /cannot read the reviews folder no\/such\/folder/);
  });

  it('every command says the same of a folder that is not there', () => {
    for (const command of ['scan', 'history', 'report']) {
      const missing = run(command, 'no/such/dir');
      deepStrictEqual([missing.code, missing.stderr], [2, 'rust-review: not a directory: no/such/dir\n'], command);
    }
  });

  it('report prints the golden scorecard of a sample, with and without a review', () => {
    const plain = run('report', CARELESS);
    strictEqual(plain.code, 0, plain.stderr);
    strictEqual(plain.stdout, withDate(readFileSync('test/fixtures/team/report-careless.golden.md', 'utf8')));
    const reviewed = run('report', CAREFUL, '--review', `${REVIEWS}/careful-ann.json`);
    strictEqual(reviewed.stdout, withDate(readFileSync('test/fixtures/team/report-careful.golden.md', 'utf8')));
    const json = JSON.parse(run('report', CAREFUL, '--review', `${REVIEWS}/careful-ann.json`, '--format', 'json').stdout) as { reviewer: string; categories: Record<string, { level?: string }> };
    deepStrictEqual([json.reviewer, json.categories['error-handling'].level], ['Ann Example', 'strong-yes']);
  });

  it('report notes a review of another folder, and refuses one that is not a review', () => {
    const other = run('report', CARELESS, '--review', `${REVIEWS}/careful-ann.json`);
    strictEqual(other.code, 0);
    match(other.stderr, /note: the review is of careful-takehome, the folder is careless-takehome/);
    const bad = run('report', CARELESS, '--review', 'package.json');
    deepStrictEqual([bad.code, bad.stdout], [2, '']);
    match(bad.stderr, /package\.json is not an exported review: unsupported review schema undefined/);
  });

  it('compare --blind masks the commit authors and committers, and codes each candidate by the root commit', () => {
    const repo = candidateRepo(sandbox().repo('candidate-folder'));
    const root = repo.git('rev-list', '--max-parents=0', 'HEAD').trim();
    for (const format of ['markdown', 'json', 'csv']) {
      const result = run('compare', repo.dir, '--blind', '--format', format);
      strictEqual(result.code, 0, result.stderr);
      doesNotMatch(result.stdout + result.stderr, CANDIDATE_NAMES);
    }
    const json = JSON.parse(run('compare', repo.dir, '--blind', '--format', 'json').stdout) as { rows: { candidate: string; categories: Record<string, { concern?: { file: string } }> }[] };
    const code = candidateCode({ rootCommit: root, folderName: 'candidate-folder' });
    strictEqual(json.rows[0].candidate, code);
    // The file named after the author is still there, under the code.
    ok(Object.values(json.rows[0].categories).some((cell) => cell.concern?.file === `src/${code}.rs`), JSON.stringify(json.rows[0]));
    // Open, the same comparison names them: the masking, not the scan, hid them.
    match(run('compare', repo.dir).stdout, /candidate-folder[^]*src\/casey\.rs/);
  });

  it('report --blind shows the candidate code for the repository and masks the history\'s names, in Markdown and in JSON', () => {
    const repo = candidateRepo(sandbox().repo('candidate-folder'));
    repo.git('remote', 'add', 'origin', 'git@github.com:caseyq/kv.git');
    const code = candidateCode({ rootCommit: repo.git('rev-list', '--max-parents=0', 'HEAD').trim(), folderName: 'candidate-folder' });
    const markdown = run('report', repo.dir, '--blind');
    strictEqual(markdown.code, 0, markdown.stderr);
    doesNotMatch(markdown.stdout, CANDIDATE_NAMES);
    match(markdown.stdout, new RegExp(`^# .*${code}`, 'm'));
    const json = run('report', repo.dir, '--blind', '--format', 'json', '--review', `${REVIEWS}/careless-ann.json`);
    strictEqual(json.code, 0, json.stderr);
    doesNotMatch(json.stdout + json.stderr, CANDIDATE_NAMES);
    const parsed = JSON.parse(json.stdout) as { repository: { name: string; remote?: string }; reviewer: string };
    deepStrictEqual([parsed.repository, parsed.reviewer], [{ name: code }, 'Ann Example']);
    match(json.stderr, /note: the review is of another repository than the folder\n/);
    // Open, the remote's owner and the committer's name in the quoted code are there.
    match(run('report', repo.dir).stdout, /caseyq[^]*Robin Whitlock asked/);
  });

  it('compare and report suggest against the rubric file given, and refuse one that is not valid', () => {
    const folder = tempDir({ 'team.json': TEAM_RUBRIC, 'bad.json': '{"id": "x"}' }, 'rubrics');
    const compared = JSON.parse(run('compare', CARELESS, '--rubric', path.join(folder, 'team.json'), '--format', 'json').stdout) as { rubric: { id: string; categories: { id: string }[] }; rows: { categories: Record<string, { suggested?: string }> }[] };
    deepStrictEqual([compared.rubric.id, compared.rubric.categories.map((c) => c.id), Object.keys(compared.rows[0].categories)], ['team', ['errors'], ['errors']]);
    const reported = run('report', CARELESS, '--rubric', path.join(folder, 'team.json'));
    strictEqual(reported.code, 0, reported.stderr);
    match(reported.stdout, /Team rubric/);
    match(reported.stdout, /\| Errors \|/);
    for (const command of ['compare', 'report']) {
      const bad = run(command, CARELESS, '--rubric', path.join(folder, 'bad.json'));
      deepStrictEqual([bad.code, bad.stdout], [2, '']);
      match(bad.stderr, /^rust-review: the rubric .*bad\.json is not valid: .*\n$/);
      match(run(command, CARELESS, '--rubric', path.join(folder, 'none.json')).stderr, /^rust-review: cannot read the rubric .*none\.json: /);
    }
  });

  it('compare --baseline counts only the lines each candidate added or changed, from a shared starter folder, a tag or the proposed baseline', () => {
    const repo = candidateRepo(sandbox().repo('candidate-folder'));
    const starter = sandbox().repo('starter').write(STARTER).dir;
    // The same candidate without git: a shared folder needs no history.
    const unzipped = path.join(sandbox().root, 'unzipped');
    cpSync(repo.dir, unzipped, { recursive: true, filter: (source) => !source.includes('.git') });
    type Row = { candidate: string; codeLines: number; baseline?: { label?: string; findingsLeftOut?: number; problem?: string }; categories: Record<string, { concern?: { file: string } }> };
    const rows = (...args: string[]) => {
      const result = run('compare', ...args, '--format', 'json');
      strictEqual(result.code, 0, result.stderr);
      return JSON.parse(result.stdout) as { baseline?: string; rows: Row[] };
    };
    // All of it: the starter's five lines of main.rs and its unwrap count too.
    strictEqual(rows(repo.dir).rows[0].codeLines, 14);
    // As many of the starter's findings left out as scan --baseline leaves out (it counts test code only with --include-tests, which compare includes).
    const scanned = JSON.parse(run('scan', repo.dir, '--baseline', starter, '--include-tests', '--format', 'json').stdout) as { baseline: { findingsLeftOut: number } };
    const leftOut = scanned.baseline.findingsLeftOut;
    ok(leftOut >= 1);
    const shared = rows(repo.dir, unzipped, '--baseline', path.relative(process.cwd(), starter));
    match(shared.baseline ?? '', /^Only the lines each candidate added or changed since their baseline count/);
    for (const row of shared.rows) {
      // store.rs and casey.rs, four lines each, and `mod casey;`.
      deepStrictEqual([row.codeLines, row.baseline], [9, { label: `folder ${starter}`, findingsLeftOut: leftOut }]);
      ok(Object.values(row.categories).every((cell) => cell.concern?.file !== 'src/main.rs'), JSON.stringify(row));
    }
    repo.git('tag', 'start', repo.git('rev-list', '--max-parents=0', 'HEAD').trim());
    deepStrictEqual(rows(repo.dir, '--baseline', 'start').rows[0].baseline, { label: 'start', findingsLeftOut: leftOut });
    const proposed = rows(repo.dir, unzipped, '--baseline', 'proposed').rows;
    deepStrictEqual([proposed[0].codeLines, proposed[0].baseline], [9, { label: 'tag start', findingsLeftOut: leftOut }]);
    // Without a history there is nothing to propose from: every line counts, and the row says why.
    strictEqual(proposed[1].codeLines, 14);
    match(proposed[1].baseline?.problem ?? '', /^no baseline proposed: /);
    // Markdown and CSV say so too.
    const markdown = run('compare', repo.dir, '--baseline', 'start').stdout;
    match(markdown, /\n> Only the lines each candidate added or changed since their baseline count/);
    match(markdown, new RegExp(`\\n\\| candidate-folder \\| start, ${leftOut} of the starter's findings left out \\|\\n`));
    match(run('compare', repo.dir, '--baseline', 'start', '--format', 'csv').stdout, new RegExp(`^candidate,code lines,tests,"Only the lines .*\\r\\ncandidate-folder,9,0,"start, ${leftOut} of the starter's findings left out",`));
    // A baseline named for all that one candidate lacks is bad input.
    const missing = run('compare', repo.dir, unzipped, '--baseline', 'start');
    deepStrictEqual([missing.code, missing.stdout], [2, '']);
    match(missing.stderr, /^rust-review: .*unzipped: the baseline "start" is neither a commit or tag of the repository nor a folder\n$/);
  });

  it('compare --blind --baseline proposed prints the golden comparison of a repository that git built', () => {
    // The root commit's identity and clock are fixed, so its id, the candidate code and the proposal's name are too.
    const repo = candidateRepo(sandbox().repo('candidate-folder'));
    const result = run('compare', repo.dir, '--blind', '--baseline', 'proposed');
    strictEqual(result.code, 0, result.stderr);
    const golden = 'test/fixtures/team/compare-blind-baseline.golden.md';
    // After a deliberate change to the rules or the formats, UPDATE_GOLDEN=1 rewrites it; review the diff.
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, result.stdout);
    strictEqual(result.stdout, readFileSync(golden, 'utf8'));
  });
});
