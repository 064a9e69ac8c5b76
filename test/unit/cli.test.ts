import { deepStrictEqual, match, ok, strictEqual } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli.js');
const CARELESS = 'test/fixtures/careless-takehome';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rust-review-cli-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('rust-review CLI', function () {
  this.timeout(20_000);

  it('prints a readable text summary per category', () => {
    const { code, stdout } = run('scan', CARELESS);
    strictEqual(code, 0);
    match(stdout, /^Rust take-home review: test\/fixtures\/careless-takehome\n {2}crates: kvstore edition 2021\n/);
    match(stdout, /\nError handling \(40: 2 in build, 38 in code\)\n {2}- unwrap ×27\n/);
    match(stdout, /\n {4}src\/server\.rs:108:9 {2}lock guard `data` is still held at the `\.await` 2 lines below\n/);
  });

  it('writes JSON in exactly the documented shape', () => {
    const { code, stdout } = run('scan', CARELESS, '--format', 'json');
    strictEqual(code, 0);
    const report = JSON.parse(stdout);
    deepStrictEqual(Object.keys(report), ['root', 'files', 'skipped', 'findings', 'summary', 'rubric']);
    deepStrictEqual([report.root, report.files, report.skipped], [CARELESS, 7, []]);
    const guard = report.findings.find((f: { rule: string }) => f.rule === 'guard-across-await');
    deepStrictEqual(guard, {
      rule: 'guard-across-await',
      category: 'concurrency',
      polarity: 'concern',
      file: 'src/server.rs',
      line: 108,
      column: 9,
      endLine: 108,
      endColumn: 13,
      context: 'code',
      message: 'lock guard `data` is still held at the `.await` 2 lines below',
    });
    deepStrictEqual([report.summary['error-handling'].unwrap, report.summary.lifetimes['elidable-lifetime']], [27, 2]);
    ok(report.findings.every((f: { context: string; category: string }) => f.context !== 'test' || f.category === 'testing'));
    // The rubric: each category's suggestion and its top evidence, ranked, in the findings' own shape.
    const { rubric } = report;
    deepStrictEqual([rubric.id, rubric.version], ['rust-takehome-default', '1.0.0']);
    deepStrictEqual(rubric.categories.map((c: { id: string }) => c.id), ['ownership', 'lifetimes', 'error-handling', 'concurrency', 'async', 'testing', 'design']);
    for (const category of rubric.categories) {
      // Without a level, noSuggestion says why: too little evidence, or evidence both ways.
      deepStrictEqual(Object.keys(category), ['id', 'title', 'suggestion', ...(category.suggestion === null ? ['noSuggestion'] : []), 'evidence']);
      ok(category.suggestion === null || Object.keys(category.suggestion).join() === 'level,reason', category.id);
      ok(category.evidence.length <= 5 && category.evidence.every((f: object) => Object.keys(f).join() === Object.keys(guard).join()), category.id);
    }
    const [errors, concurrency] = ['error-handling', 'concurrency'].map((id) => rubric.categories.find((c: { id: string }) => c.id === id));
    deepStrictEqual([errors.suggestion.level, errors.evidence[0].rule, errors.evidence[0].line], ['strong-no', 'todo', 101]);
    match(errors.suggestion.reason, /^pervasive concerns \(\d+ weighted per 1,000 lines of the crate's own code, mostly `unwrap` and `expect`\)/);
    deepStrictEqual(concurrency.evidence.slice(0, 2).map((f: { rule: string }) => f.rule), ['guard-across-await', 'static-mut']);
    match(concurrency.suggestion.reason, /capped by `guard-across-await` and `static-mut`$/);
  });

  it('suggests against the rubric file given, and says why a category has no level', () => {
    const root = tempProject({ 'src/lib.rs': 'pub fn f(v: &[u8]) -> Vec<u8> { v.to_vec().clone() }\n' });
    const rubricFile = path.join(root, 'rubric.json');
    writeFileSync(
      rubricFile,
      JSON.stringify({
        id: 'team',
        version: '2',
        title: 'Team rubric',
        categories: [
          { id: 'errors', title: 'Errors', weight: 1, signals: ['unwrap', 'try-operator', 'clone'], descriptors: { 'strong-no': 'a', no: 'b', yes: 'c', 'strong-yes': 'd' }, question: 'Why?' },
        ],
      }),
    );
    try {
      const { code, stdout } = run('scan', root, '--format', 'json', '--rubric', rubricFile);
      strictEqual(code, 0);
      const { rubric } = JSON.parse(stdout);
      deepStrictEqual([rubric.id, rubric.version, rubric.categories.length], ['team', '2', 1]);
      const [errors] = rubric.categories;
      // A clone is a fact to weigh, not a concern: nothing to suggest a level from.
      const why = "no suggestion: only facts to weigh (info findings), no concerns or strengths in the crate's own code";
      deepStrictEqual([errors.suggestion, errors.noSuggestion], [null, why]);
      deepStrictEqual(errors.evidence.map((f: { rule: string }) => f.rule), ['clone']);
      match(run('scan', root, '--rubric', rubricFile).stdout, new RegExp(`\\n {2}Errors: no suggested level: ${why.replace(/[()]/g, '\\$&')}\\n`));
      const missing = run('scan', root, '--rubric', path.join(root, 'none.json'));
      deepStrictEqual([missing.code, /cannot read the rubric/.test(missing.stderr)], [2, true]);
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('includes concerns in test code only when asked', () => {
    const without = JSON.parse(run('scan', CARELESS, '--format', 'json').stdout);
    const withTests = JSON.parse(run('scan', CARELESS, '--format', 'json', '--include-tests').stdout);
    const unwrapsInTests = (r: { findings: { rule: string; context: string }[] }) =>
      r.findings.filter((f) => f.rule === 'unwrap' && f.context === 'test').length;
    deepStrictEqual([unwrapsInTests(without), unwrapsInTests(withTests)], [0, 2]);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const root = tempProject({ 'src/lib.rs': 'fn f() { let s = "🦀🦀"; x.unwrap(); }\n' });
    try {
      const [finding] = JSON.parse(run('scan', root, '--format', 'json').stdout).findings;
      deepStrictEqual([finding.rule, finding.column, finding.endColumn], ['unwrap', 26, 34]);
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('writes SARIF 2.1.0 with rules and located results', () => {
    const sarif = JSON.parse(run('scan', CARELESS, '--format', 'sarif').stdout);
    strictEqual(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    const rules = runResult.tool.driver.rules;
    ok(rules.some((r: { id: string }) => r.id === 'unwrap'));
    const result = runResult.results.find((r: { ruleId: string }) => r.ruleId === 'static-mut');
    deepStrictEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/server.rs', uriBaseId: 'SRCROOT' },
      region: { startLine: 11, startColumn: 12, endLine: 11, endColumn: 25 },
    });
    deepStrictEqual([result.level, rules[result.ruleIndex].id], ['warning', 'static-mut']);
  });

  it('writes Markdown that escapes names from the repository', () => {
    const root = tempProject({ 'src/<img src=x onerror=alert(1)>|`x`.rs': 'fn f() { a.unwrap(); }\n' });
    try {
      const { code, stdout } = run('scan', root, '--format', 'markdown');
      strictEqual(code, 0);
      // The name appears only inside code spans, where Markdown renders it as literal text: once
      // among the Error handling suggestion's evidence, once among the category's top locations.
      const named = stdout.split('\n').filter((line) => line.includes('<img'));
      deepStrictEqual(named, Array(2).fill('- ``src/<img src=x onerror=alert(1)>|`x`.rs:1:12`` `.unwrap()` panics on `None`/`Err` instead of handling it (code)'));
      match(stdout, /\n- ``src\/<img src=x onerror=alert\(1\)>\|`x`\.rs:1:12`` `\.unwrap\(\)` panics/);
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('honours .gitignore and never walks target/ or .git/', () => {
    const root = tempProject({
      '.gitignore': 'generated/\n*.bak.rs\n',
      'src/lib.rs': 'fn a() { x.unwrap(); }\n',
      'src/old.bak.rs': 'fn b() { x.unwrap(); }\n',
      'generated/out.rs': 'fn c() { x.unwrap(); }\n',
      'target/debug/build/out.rs': 'fn d() { x.unwrap(); }\n',
      '.git/hooks/x.rs': 'fn e() { x.unwrap(); }\n',
      'nested/.gitignore': 'local.rs\n',
      'nested/local.rs': 'fn f() { x.unwrap(); }\n',
      'nested/kept.rs': 'fn g() { x.unwrap(); }\n',
    });
    try {
      const report = JSON.parse(run('scan', root, '--format', 'json').stdout);
      deepStrictEqual(report.findings.map((f: { file: string }) => f.file), ['nested/kept.rs', 'src/lib.rs']);
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('reports the same on the main thread as with worker threads', () => {
    const onMain = run('scan', CARELESS, '--format', 'json', '--threads', '0');
    const inWorkers = run('scan', CARELESS, '--format', 'json', '--threads=2');
    deepStrictEqual([onMain.code, inWorkers.code], [0, 0]);
    ok(JSON.parse(onMain.stdout).findings.length > 100);
    strictEqual(inWorkers.stdout, onMain.stdout);
  });

  it('fails with a one-line message and exit code 2 on bad input', () => {
    const badThreads = ['-1', 'two', '1.5', '99', ''].map((n) => ['scan', CARELESS, `--threads=${n}`]);
    for (const args of [['scan', 'no/such/dir'], ['scan', CARELESS, '--format', 'yaml'], ['scan', CARELESS, '--frobnicate'], ['scan'], ['lint', CARELESS], ['scan', CARELESS, '--threads'], ...badThreads]) {
      const { code, stdout, stderr } = run(...args);
      strictEqual(code, 2, args.join(' '));
      strictEqual(stdout, '');
      match(stderr, /^rust-review: [^\n]+\n$/);
    }
  });

  it('loads the git libraries only for a command that reads git', () => {
    // Each run lists, as it exits, the script files it loaded.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rust-review-cli-'));
    const preload = path.join(dir, 'list-loaded.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`loaded: ${Object.keys(require.cache).map((f) => require('path').basename(f)).join(' ')}\\n`));\n");
    try {
      const loaded = (...args: string[]) => spawnSync(process.execPath, ['--require', preload, CLI, ...args], { encoding: 'utf8' }).stderr.match(/^loaded: (.*)$/m)?.[1].split(' ');
      const scan = loaded('scan', CARELESS, '--format', 'json');
      ok(scan?.includes('cli.js') && !scan.includes('git-libraries.js'), `a scan loaded ${scan?.join(' ') ?? 'nothing listed'}`);
      ok(loaded('history', CARELESS)?.includes('git-libraries.js'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints usage with --help', () => {
    const { code, stdout } = run('--help');
    strictEqual(code, 0);
    match(stdout, /^Usage: rust-review scan <dir>/);
  });

  it('prints usage on stderr with exit code 2 when given no arguments', () => {
    const { code, stdout, stderr } = run();
    deepStrictEqual([code, stdout], [2, '']);
    match(stderr, /^Usage: rust-review scan <dir>/);
  });

  it('ends quietly with exit code 0 when the reader closes the pipe early', async () => {
    // As `| head` does, but certainly before the report is written: the read end is closed at once.
    const child = spawn(process.execPath, [CLI, 'scan', CARELESS, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    deepStrictEqual({ code, stderr }, { code: 0, stderr: '' });
  });
});
