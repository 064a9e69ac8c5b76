import { deepStrictEqual, match, ok, strictEqual, throws } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DemoUsageError, holdsRust, parseDemoArgs } from '../../scripts/demo-args.mjs';

const root = path.resolve('.');
const DEMO = path.join(root, 'scripts/demo.mjs');

describe('npm start (scripts/demo.mjs)', function () {
  this.timeout(20_000);
  let tmp: string;
  let crate: string;
  let noRust: string;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'rust-review-demo-test-'));
    crate = path.join(tmp, 'crate');
    mkdirSync(path.join(crate, 'src', 'nested'), { recursive: true });
    writeFileSync(path.join(crate, 'Cargo.toml'), '[package]\nname = "c"\n');
    writeFileSync(path.join(crate, 'src', 'nested', 'deep.rs'), 'fn main() {}\n');
    // Rust files only under build output and version control do not count.
    noRust = path.join(tmp, 'no-rust');
    for (const dir of ['target/debug', '.git/x']) {
      mkdirSync(path.join(noRust, dir), { recursive: true });
      writeFileSync(path.join(noRust, dir, 'gen.rs'), 'fn f() {}\n');
    }
    writeFileSync(path.join(noRust, 'README.md'), '# not Rust\n');
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  const parse = (...args: string[]) => parseDemoArgs(args, { root, cwd: tmp });

  it('opens the careless sample with no arguments, and the other sample when asked', () => {
    deepStrictEqual(parse(), { folder: undefined, sample: 'careless', sampleDir: path.join(root, 'test/fixtures/careless-takehome'), port: 8124 });
    deepStrictEqual(parse('--sample', 'careful', '--port', '9000'), {
      folder: undefined,
      sample: 'careful',
      sampleDir: path.join(root, 'test/fixtures/careful-takehome'),
      port: 9000,
    });
  });

  it('opens a folder given alone or with --folder, relative to where npm start was typed', () => {
    for (const args of [['crate'], ['--folder', 'crate'], [crate], ['--port', '8200', 'crate']]) {
      strictEqual(parse(...args).folder, crate, args.join(' '));
    }
    strictEqual(parse('crate', '--port', '8200').port, 8200);
  });

  it('finds Rust below the top level, but not in target/ or .git/', () => {
    deepStrictEqual([holdsRust(crate), holdsRust(noRust), holdsRust(path.join(root, 'src', 'rubric'))], [true, false, false]);
  });

  it('refuses a missing folder, a file, a folder without Rust and bad options with one line', () => {
    const cases: [string[], RegExp][] = [
      [['missing'], /^missing does not exist$/],
      [['crate/Cargo.toml'], /^crate\/Cargo\.toml is not a folder$/],
      [['no-rust'], /^no-rust holds no Rust files \(\.rs\) to review$/],
      [['crate', 'no-rust'], /^one folder at a time, got 2: crate, no-rust$/],
      [['--folder', 'crate', 'crate'], /^one folder at a time/],
      [['crate', '--sample', 'careful'], /^give either a folder or --sample, not both$/],
      [['--sample', 'tidy'], /^there is no sample "tidy" \(choose careless or careful\)$/],
      [['--port', 'http'], /^--port takes a port number from 1 to 65535; got http$/],
      [['--frobnicate'], /^Unknown option '--frobnicate'; usage: npm start -- \[<folder>/],
    ];
    for (const [args, message] of cases) {
      throws(() => parse(...args), (error: unknown) => error instanceof DemoUsageError && message.test(error.message), args.join(' '));
    }
  });

  it('prints one line and exits with code 2 before preparing the server', () => {
    for (const args of [['/no/such/folder'], [noRust], ['--folder'], ['--sample', 'tidy']]) {
      const started = Date.now();
      const result = spawnSync(process.execPath, [DEMO, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, INIT_CWD: tmp }, timeout: 15_000 });
      strictEqual(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      strictEqual(result.stdout, '');
      match(result.stderr, /^demo: [^\n]+\n$/);
      // Neither the build nor the server set-up ran: both print, and take seconds.
      ok(Date.now() - started < 5_000, `${args.join(' ')} took ${Date.now() - started} ms`);
    }
  });
});
