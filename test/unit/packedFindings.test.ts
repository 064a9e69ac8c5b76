import { deepStrictEqual, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileAnalysis } from '../../src/analysis/model';
import { packAnalysis, unpackAnalysis } from '../../src/worker/packedFindings';
import { analyze } from './support/analyzer';

const SERVER = readFileSync(path.resolve('test/fixtures/careless-takehome/src/server.rs'), 'utf8');

/** What the host receives of an analysis: packed and cloned across the thread boundary. */
const received = (analysis: FileAnalysis) => structuredClone(packAnalysis(analysis).analysis);

describe('packed findings', () => {
  it('round-trip every field of a real analysis, concurrency models and specialised messages included', async () => {
    for (const file of ['server.rs', 'store.rs', 'compaction.rs']) {
      const analysis = await analyze(readFileSync(path.resolve('test/fixtures/careless-takehome/src', file), 'utf8'), `src/${file}`);
      const { analysis: packed, transfer } = packAnalysis(analysis);
      strictEqual(transfer[0], packed.findings.numbers.buffer);
      // What crosses the thread boundary: a structured clone, the buffer moved rather than copied.
      const received = structuredClone(packed, { transfer });
      strictEqual(packed.findings.numbers.length, 0, 'the buffer was transferred');
      deepStrictEqual(unpackAnalysis(received), analysis);
    }
  });

  it('keeps each distinct string once', async () => {
    const analysis = await analyze('fn f(a: Option<u8>, b: Option<u8>) -> u8 { a.unwrap() + b.unwrap() + a.unwrap() }\n', 'src/lib.rs');
    const { analysis: packed } = packAnalysis(analysis);
    strictEqual(packed.findings.strings.filter((s) => s === 'unwrap').length, 1);
    strictEqual(analysis.findings.filter((f) => f.rule === 'unwrap').length, 3);
  });

  it('takes over the findings an edit only moved, and unpacks exactly what a fresh unpack does', async () => {
    const before = unpackAnalysis(received(await analyze(SERVER, 'src/server.rs')));
    const previous = [...before.findings];
    const lines = SERVER.split('\n');
    const middle = Math.floor(lines.length / 2);
    // A new line in the middle with two findings (`let _ =` of a Result, an unwrap): those above stay, those below move down a line.
    const edited = [...lines.slice(0, middle), 'fn added() { let _ = std::env::args().next().unwrap(); }', ...lines.slice(middle)].join('\n');
    const after = await analyze(edited, 'src/server.rs');
    const unpacked = unpackAnalysis(received(after), before.findings);
    deepStrictEqual(unpacked, after);
    const reused = unpacked.findings.filter((f) => previous.includes(f)).length;
    strictEqual(reused, previous.length, 'every finding of the file before is taken over');
    strictEqual(unpacked.findings.length, previous.length + 2);
  });

  it('unpacks what a fresh unpack does whatever it is given as before: another file, fewer findings, none', async () => {
    const files = ['server.rs', 'store.rs', 'compaction.rs'];
    const analyses = await Promise.all(files.map(async (file) => analyze(readFileSync(path.resolve('test/fixtures/careless-takehome/src', file), 'utf8'), `src/${file}`)));
    for (const after of analyses) {
      for (const before of analyses) {
        const previous = unpackAnalysis(received(before)).findings;
        deepStrictEqual(unpackAnalysis(received(after), previous), after);
        deepStrictEqual(unpackAnalysis(received(after), unpackAnalysis(received(before)).findings.slice(1, -1)), after);
      }
      deepStrictEqual(unpackAnalysis(received(after), []), after);
    }
  });

  it('takes over no finding twice, and none that says something else at the same place', async () => {
    const pairs = [
      // Alike findings, one more after: the last is new, though it looks like those before it.
      ['fn f(a: Option<u8>) -> u8 { a.unwrap() + a.unwrap() }\n', 'fn f(a: Option<u8>) -> u8 { a.unwrap() + a.unwrap() + a.unwrap() }\n'],
      // The same signal at the same place, with a message naming another call.
      ['async fn f() { std::thread::sleep(d); }\n', 'async fn f() { std::fs::read(p); }\n'],
    ];
    for (const [first, second] of pairs) {
      const before = unpackAnalysis(received(await analyze(first)));
      const after = await analyze(second);
      const unpacked = unpackAnalysis(received(after), before.findings);
      deepStrictEqual(unpacked, after);
      strictEqual(new Set(unpacked.findings).size, unpacked.findings.length);
    }
  });
});
