import { deepStrictEqual, match, ok, strictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RustAnalyzer } from '../../src/analysis/engine';
import { readGrammarBinaries } from '../../src/cli/grammar';
import { scanDirectory } from '../../src/cli/scan';
import { analyzer } from './support/analyzer';

describe('hostile input', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'rust-review-hostile-'));
    const write = (file: string, data: string | Uint8Array) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), data);
    };
    write('src/binary.rs', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]));
    write('src/latin1.rs', Uint8Array.from([...new TextEncoder().encode('// caf'), 0xe9, 0x0a]));
    write('src/parens.rs', '('.repeat(2_500_000) + ')'.repeat(2_500_000));
    write('src/empty.rs', '');
    write('src/broken.rs', 'fn main( { let x = y.unwrap(); \n impl for { ');
    write('src/ok.rs', 'fn ok() -> Option<u8> { Some(1).unwrap(); None }\n');
    write('src/<script>alert(1)</script>.rs', 'fn f() { panic!("</script>") }\n');
    symlinkSync('..', path.join(root, 'src/loop'));
    symlinkSync('b.rs', path.join(root, 'src/a.rs'));
    symlinkSync('a.rs', path.join(root, 'src/b.rs'));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('finishes the scan, reports every skip with its reason and analyses the rest', async () => {
    for (const threads of [0, 2]) {
      const report = await scanDirectory(root, { threads, bundleDir: path.resolve('dist'), includeTests: true });
      deepStrictEqual(
        report.skipped.map((s) => [s.file, s.reason]),
        [
          ['src/a.rs', 'unreadable'],
          ['src/b.rs', 'unreadable'],
          ['src/binary.rs', 'binary'],
          ['src/latin1.rs', 'not-utf8'],
          ['src/loop', 'symlink'],
          ['src/parens.rs', 'too-large'],
        ],
        `with ${threads} threads`,
      );
      strictEqual(report.skipped.find((s) => s.file === 'src/parens.rs')?.detail, '4.8 MiB is over the 1 MiB limit');
      deepStrictEqual(
        report.findings.map((f) => `${f.file} ${f.rule}`),
        ['src/<script>alert(1)</script>.rs panic', 'src/broken.rs unwrap', 'src/ok.rs unwrap'],
      );
      strictEqual(report.project.filesWithSyntaxErrors, 1);
    }
  });

  it('still finds what it can in deeply nested and broken code', async () => {
    const nested = `fn main() { let x = ${'('.repeat(50_000)}a.unwrap()${')'.repeat(50_000)}; }`;
    const outcome = (await analyzer()).analyzeText('src/nested.rs', nested);
    ok(outcome.analysis, 'analysed');
    const truncated = (await analyzer()).analyzeText('src/cut.rs', 'fn f() { x.expect("a"); y.unwrap(); }\nfn g(a: &String');
    deepStrictEqual(truncated.analysis?.findings.map((f) => f.rule), ['expect', 'unwrap', 'ref-owned-param']);
    strictEqual(truncated.analysis?.stats.hasSyntaxErrors, true);
  });

  it('the robustness run (npm run robustness) reads what the CLI reads, counts each skip and finds no exception', () => {
    const result = spawnSync(process.execPath, [path.resolve('out/scripts/robustness.js'), '--workers', '1', root], { encoding: 'utf8', timeout: 50_000 });
    strictEqual(result.status, 0, `${result.stdout}${result.stderr}`);
    // The walker reads links to files through, and leaves the looping links and the link to a folder out.
    match(result.stdout, /^ {2}files: {6}7 \.rs files, /m);
    match(result.stdout, /^ {2}analysed: {3}4 files, .*, 3 findings$/m);
    match(result.stdout, /^ {2}skipped: {4}3 \(/m);
    for (const [reason, file] of [['binary', 'src/binary.rs'], ['not-utf8', 'src/latin1.rs'], ['too-large', 'src/parens.rs']]) {
      match(result.stdout, new RegExp(`^ {4}${reason}: ${file} \\(`, 'm'));
    }
    match(result.stdout, /^ {2}exceptions: 0$/m);
  });

  it('gives up on a file whose parse runs over the time budget, and says so', async () => {
    const impatient = await RustAnalyzer.create(readGrammarBinaries(), { parseTimeoutMs: 0, maxFileBytes: 8 * 1024 * 1024 });
    const outcome = impatient.analyzeText('src/big.rs', 'fn f() { x.unwrap(); }\n'.repeat(100_000));
    deepStrictEqual(outcome.skipped, { file: 'src/big.rs', reason: 'parse-timeout', detail: 'parsing took over 0 ms' });
    impatient.dispose();
  });
});
