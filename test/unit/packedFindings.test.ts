import { deepStrictEqual, strictEqual, throws } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileAnalysis } from '../../src/analysis/model';
import { DocumentStore } from '../../src/worker/documents';
import { packAnalysis, unpackAnalysis, type PackedAnalysis } from '../../src/worker/packedFindings';
import { analyze, analyzer } from './support/analyzer';

const SERVER = readFileSync(path.resolve('test/fixtures/careless-takehome/src/server.rs'), 'utf8');

/** What the host receives of an analysis: packed and cloned across the thread boundary. */
const received = (analysis: FileAnalysis | { analysis: PackedAnalysis; transfer: ArrayBuffer[] }): PackedAnalysis => {
  const { analysis: packed, transfer } = 'transfer' in analysis ? analysis : packAnalysis(analysis);
  return structuredClone(packed, { transfer });
};

describe('packed findings', () => {
  it('round-trip every field of a real analysis, concurrency models and specialised messages included', async () => {
    for (const file of ['server.rs', 'store.rs', 'compaction.rs']) {
      const analysis = await analyze(readFileSync(path.resolve('test/fixtures/careless-takehome/src', file), 'utf8'), `src/${file}`);
      const { analysis: packed, transfer } = packAnalysis(analysis);
      strictEqual(transfer[0], packed.findings.places.buffer);
      // What crosses the thread boundary: a structured clone, the buffer moved rather than copied.
      const received = structuredClone(packed, { transfer });
      strictEqual(packed.findings.places.length, 0, 'the buffer was transferred');
      strictEqual(received.findings.kept.buffer, received.findings.described.buffer, 'one buffer');
      deepStrictEqual(unpackAnalysis(received), analysis);
    }
  });

  it('keeps each distinct string once', async () => {
    const analysis = await analyze('fn f(a: Option<u8>, b: Option<u8>) -> u8 { a.unwrap() + b.unwrap() + a.unwrap() }\n', 'src/lib.rs');
    const { analysis: packed } = packAnalysis(analysis);
    strictEqual(packed.findings.strings.filter((s) => s === 'unwrap').length, 1);
    strictEqual(analysis.findings.filter((f) => f.rule === 'unwrap').length, 3);
  });

  /** server.rs opened and unpacked, then a new item with two findings (`let _ =` of a Result, an unwrap) written on a blank line past the middle: the items above stay, those below move down a line. */
  async function serverEdited() {
    const store = new DocumentStore(await analyzer());
    const before = unpackAnalysis(received(store.open('mem:server.rs', 'src/server.rs', 1, SERVER) as FileAnalysis));
    const lines = SERVER.split('\n');
    const blank = lines.findIndex((line, i) => i > lines.length / 2 && line === '' && /^(pub |fn |async |impl |#\[|\/\/\/)/.test(lines[i + 1]));
    const at = lines.slice(0, blank).join('\n').length + 1;
    const added = 'fn added() { let _ = std::env::args().next().unwrap(); }\n';
    const changed = store.change('mem:server.rs', 2, [{ rangeOffset: at, rangeLength: 0, text: added }]);
    const edited = SERVER.slice(0, at) + added + SERVER.slice(at);
    return { store, before, reply: received(packAnalysis(changed?.analysis as FileAnalysis, changed?.kept)), edited, fresh: await analyze(edited, 'src/server.rs') };
  }

  it('takes over the findings an edit only moved, and unpacks exactly what a fresh analysis finds', async () => {
    const { before, reply, fresh } = await serverEdited();
    const previous = [...before.findings];
    const unpacked = unpackAnalysis(reply, before.findings);
    deepStrictEqual(unpacked, fresh);
    strictEqual(unpacked.findings.filter((f) => previous.includes(f)).length, previous.length, 'every finding of the file before is taken over');
    strictEqual(unpacked.findings.length, previous.length + 2);
  });

  it('copies the kept findings of a stale reply, leaving those shown in place, and the next reply builds on the copies', async () => {
    const { store, before, reply, edited, fresh } = await serverEdited();
    const shown = structuredClone(before.findings);
    const stale = unpackAnalysis(reply, before.findings, { copyKept: true });
    deepStrictEqual(stale, fresh);
    deepStrictEqual(before.findings, shown, 'the findings shown did not move');
    strictEqual(stale.findings.filter((f) => before.findings.includes(f)).length, 0, 'no finding shown is taken over');
    const changed = store.change('mem:server.rs', 3, [{ rangeOffset: 0, rangeLength: 0, text: '\n' }]);
    const next = unpackAnalysis(received(packAnalysis(changed?.analysis as FileAnalysis, changed?.kept)), stale.findings);
    deepStrictEqual(next, await analyze(`\n${edited}`, 'src/server.rs'));
  });

  it('refuses a reply that keeps a finding the host does not have', async () => {
    const store = new DocumentStore(await analyzer());
    const text = 'fn a() { x.unwrap(); }\n\nfn b() { y.unwrap(); }\n';
    store.open('mem:c.rs', 'src/lib.rs', 1, text);
    const changed = store.change('mem:c.rs', 2, [{ rangeOffset: text.indexOf('fn b'), rangeLength: 0, text: '\n' }]);
    const reply = received(packAnalysis(changed?.analysis as FileAnalysis, changed?.kept));
    throws(() => unpackAnalysis(reply, []), /keeps finding 0 of 0/);
  });
});
