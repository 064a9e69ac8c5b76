import { PlacedRuns } from '../../src/analysis/anchoredFindings';
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentAnalysis } from '../../src/analysis/engine';
import { DocumentStore, type DocumentChange } from '../../src/worker/documents';
import { packDocument, ReceivedFindings, type PackedAnalysis } from '../../src/worker/packedFindings';
import { analyze, analyzer } from './support/analyzer';
import { placedAnalysis } from './support/received';

const SERVER = readFileSync(path.resolve('test/fixtures/careless-takehome/src/server.rs'), 'utf8');

/** What the host receives of a document's analysis: packed and cloned across the thread boundary. */
const received = (change: DocumentChange | DocumentAnalysis | undefined): PackedAnalysis => {
  if (!change) throw new Error('no analysis');
  const { analysis: packed, transfer } = 'newFrom' in change ? packDocument(change.analysis, change.newFrom) : packDocument(change);
  return structuredClone(packed, { transfer });
};

describe('packed findings', () => {
  it('round-trip every field of a real analysis, concurrency models and specialised messages included', async () => {
    const store = new DocumentStore(await analyzer());
    for (const file of ['server.rs', 'store.rs', 'compaction.rs']) {
      const text = readFileSync(path.resolve('test/fixtures/careless-takehome/src', file), 'utf8');
      const { analysis: packed, transfer } = packDocument(store.open(`mem:${file}`, `src/${file}`, 1, text) as DocumentAnalysis);
      strictEqual(transfer[0], packed.findings.places.buffer);
      // What crosses the thread boundary: a structured clone, the buffer moved rather than copied.
      const received = structuredClone(packed, { transfer });
      strictEqual(packed.findings.places.length, 0, 'the buffer was transferred');
      strictEqual(received.findings.groups.buffer, received.findings.described.buffer, 'one buffer');
      const host = new ReceivedFindings();
      const placedRuns = new PlacedRuns();
      const document = host.receive(received);
      ok(document);
      deepStrictEqual(placedAnalysis(document, placedRuns), await analyze(text, `src/${file}`));
    }
  });

  it('keeps each distinct string once', async () => {
    const store = new DocumentStore(await analyzer());
    const analysis = store.open('mem:lib.rs', 'src/lib.rs', 1, 'fn f(a: Option<u8>, b: Option<u8>) -> u8 { a.unwrap() + b.unwrap() + a.unwrap() }\n') as DocumentAnalysis;
    const { analysis: packed } = packDocument(analysis);
    strictEqual(packed.findings.strings.filter((s) => s === 'unwrap').length, 1);
    strictEqual(analysis.groups.flatMap((g) => g.findings).filter((f) => f.rule === 'unwrap').length, 3);
  });

  /** server.rs opened and received, then a new item with two findings (`let _ =` of a Result, an unwrap) written on a blank line past the middle: the items above stay, those below move down a line. */
  async function serverEdited() {
    const store = new DocumentStore(await analyzer());
    const host = new ReceivedFindings();
    const placedRuns = new PlacedRuns();
    const before = host.receive(received(store.open('mem:server.rs', 'src/server.rs', 1, SERVER)));
    ok(before);
    const lines = SERVER.split('\n');
    const blank = lines.findIndex((line, i) => i > lines.length / 2 && line === '' && /^(pub |fn |async |impl |#\[|\/\/\/)/.test(lines[i + 1]));
    const at = lines.slice(0, blank).join('\n').length + 1;
    const added = 'fn added() { let _ = std::env::args().next().unwrap(); }\n';
    const changed = store.change('mem:server.rs', 2, [{ rangeOffset: at, rangeLength: 0, text: added }]);
    const edited = SERVER.slice(0, at) + added + SERVER.slice(at);
    return { store, host, placedRuns, before, at, reply: received(changed), edited, fresh: await analyze(edited, 'src/server.rs') };
  }

  it('sends only the findings of the groups an edit analysed again, and the host places exactly what a fresh analysis finds', async () => {
    const { host, placedRuns, before, at, reply, fresh } = await serverEdited();
    const shown = placedAnalysis(before, placedRuns);
    strictEqual(reply.findings.places.length, 2 * 6, "the new item's two findings, and no other");
    const after = host.receive(reply);
    ok(after);
    const unpacked = placedAnalysis(after, placedRuns);
    deepStrictEqual(unpacked, fresh);
    const held = new Set(before.groups.map((g) => g.findings));
    strictEqual(after.groups.filter((g) => held.has(g.findings)).length, before.groups.length, 'every group of the file before is taken over, its findings as they were');
    strictEqual(unpacked.findings.length, shown.findings.length + 2);
    // The items above the edit did not move: their findings are the objects shown before.
    const above = shown.findings.filter((f) => f.startIndex < at);
    ok(above.length > 0);
    ok(above.every((f) => unpacked.findings.includes(f)), 'the findings above the edit are the same objects');
  });

  it('takes a stale reply in without moving the findings shown, and the next reply builds on it', async () => {
    const { store, host, placedRuns, before, reply, edited, fresh } = await serverEdited();
    const shown = placedAnalysis(before, placedRuns);
    const asShown = structuredClone(shown);
    const stale = host.receive(reply);
    ok(stale);
    deepStrictEqual(shown, asShown, 'the findings shown did not move');
    deepStrictEqual(placedAnalysis(stale, placedRuns), fresh);
    deepStrictEqual(shown, asShown, 'placing the stale reply moved none of the findings shown either');
    const changed = store.change('mem:server.rs', 3, [{ rangeOffset: 0, rangeLength: 0, text: '\n' }]);
    const next = host.receive(received(changed));
    ok(next);
    deepStrictEqual(placedAnalysis(next, placedRuns), await analyze(`\n${edited}`, 'src/server.rs'));
  });

  it('refuses a reply that keeps a group the host does not have', async () => {
    const store = new DocumentStore(await analyzer());
    const text = 'fn a() { x.unwrap(); }\n\nfn b() { y.unwrap(); }\n';
    store.open('mem:c.rs', 'src/lib.rs', 1, text);
    const changed = store.change('mem:c.rs', 2, [{ rangeOffset: text.indexOf('fn b'), rangeLength: 0, text: '\n' }]);
    strictEqual(new ReceivedFindings().receive(received(changed)), undefined);
  });
});
