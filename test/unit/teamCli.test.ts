import { deepStrictEqual, doesNotMatch, match, ok, strictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

describe('rust-review calibrate, compare and report', function () {
  this.timeout(60_000);

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
});
