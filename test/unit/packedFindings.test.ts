import { deepStrictEqual, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packAnalysis, unpackAnalysis } from '../../src/worker/packedFindings';
import { analyze } from './support/analyzer';

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
});
