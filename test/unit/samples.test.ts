import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding, ScanReport } from '../../src/analysis/model';
import { scanDirectory } from '../../src/cli/scan';

const FIXTURES = path.resolve('test/fixtures');
const BUNDLE = path.resolve('dist');

function line(f: Finding): string {
  const { start, end } = f.range;
  return `${f.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.rule} [${f.context}] ${f.message}`;
}

/**
 * Each sample take-home is checked against its exact list of findings, test code included. After
 * a deliberate change to the rules, `UPDATE_GOLDEN=1 npm run test:unit` rewrites the lists; review
 * the diff before committing it.
 */
function scan(sample: string): Promise<ScanReport> {
  return scanDirectory(path.join(FIXTURES, sample), { includeTests: true, threads: 0, bundleDir: BUNDLE });
}

function checkGolden(sample: string, report: ScanReport): void {
  const golden = path.join(FIXTURES, `${sample}.findings.txt`);
  const actual = report.findings.map(line);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, `${actual.join('\n')}\n`);
  deepStrictEqual(actual, readFileSync(golden, 'utf8').trimEnd().split('\n'));
}

const at = (report: ScanReport, file: string, lineNumber: number) =>
  report.findings.filter((f) => f.file === file && f.range.start.line + 1 === lineNumber).map((f) => f.rule);

describe('sample take-homes', () => {
  let careless: ScanReport;
  let careful: ScanReport;
  before(async () => {
    careless = await scan('careless-takehome');
    careful = await scan('careful-takehome');
  });

  it('the careless one matches its exact list of findings', () => {
    ok(careless.findings.length > 150);
    checkGolden('careless-takehome', careless);
  });

  it('the careful one matches its exact list of findings', () => {
    ok(careful.findings.length > 300);
    checkGolden('careful-takehome', careful);
  });

  it('finds the careless patterns a reviewer must see', () => {
    const count = (rule: string) => careless.findings.filter((f) => f.rule === rule && f.context !== 'test').length;
    // 51 unwraps in all: 22 on locks, 2 in tests, 27 elsewhere (the build script's 2 among them).
    deepStrictEqual([count('unwrap'), count('lock-unwrap'), count('expect')], [27, 22, 7]);
    deepStrictEqual(at(careless, 'src/server.rs', 108).includes('guard-across-await'), true);
    deepStrictEqual(count('elidable-lifetime'), 2);
    deepStrictEqual(at(careless, 'src/compaction.rs', 14), ['blocking-in-async']);
    deepStrictEqual(at(careless, 'src/server.rs', 11), ['static-mut']);
    deepStrictEqual(count('arc-mutex') > 0 && count('channel') === 0, true);
    strictEqual(careless.findings.find((f) => f.file === 'build.rs')?.context, 'build');
  });

  it('does not count unwraps in comments, doc comments or strings', () => {
    for (const [file, lineNumber] of [
      ['src/main.rs', 14],
      ['src/store.rs', 26],
      ['src/protocol.rs', 31],
      ['src/server.rs', 53],
      ['src/compaction.rs', 51],
    ] as const) {
      deepStrictEqual(at(careless, file, lineNumber), [], `${file}:${lineNumber}`);
    }
  });

  it('finds the careful patterns a reviewer must see', () => {
    const count = (rule: string) => careful.findings.filter((f) => f.rule === rule).length;
    deepStrictEqual(count('unwrap'), 6); // all in the bench
    ok(careful.findings.filter((f) => f.rule === 'unwrap').every((f) => f.context === 'bench'));
    deepStrictEqual([count('elidable-lifetime'), count('required-lifetime')], [0, 2]);
    deepStrictEqual([count('guard-across-await'), count('arc-mutex'), count('static-mut')], [0, 0, 0]);
    ok(count('channel') >= 3 && count('spawn-blocking') === 2 && count('property-test') === 1 && count('doc-test') === 1);
    // std::fs inside spawn_blocking runs off the runtime: not a blocking call in async code.
    deepStrictEqual(careful.findings.filter((f) => f.rule === 'blocking-in-async'), []);
    deepStrictEqual(at(careful, 'tests/protocol_roundtrip.rs', 1), ['integration-test-file']);
  });

  it('summarises each project', () => {
    deepStrictEqual(
      [careless.project.crates.map((c) => [c.name, c.edition]), careless.files, careless.skipped],
      [[['kvstore', '2021']], 7, []],
    );
    deepStrictEqual([careful.project.files, careful.project.filesWithSyntaxErrors], [9, 0]);
  });
});
