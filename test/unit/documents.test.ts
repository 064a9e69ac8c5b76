import { deepStrictEqual, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentStore, type TextEdit } from '../../src/worker/documents';
import { analyze, analyzer } from './support/analyzer';

const SOURCE = readFileSync(path.resolve('test/fixtures/careless-takehome/src/server.rs'), 'utf8');

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const SNIPPETS = ['x.unwrap()', ';\n', '{', '}', 'let a = b.clone();\n', '🦀', '', 'async fn f() { g().await }\n', '// c\n', '"s'];

describe('DocumentStore', () => {
  it('re-parses edits incrementally to the same findings as a fresh parse', async () => {
    const store = new DocumentStore(await analyzer());
    const next = random(42);
    let text = SOURCE;
    store.open('mem:server.rs', 'src/server.rs', 1, text);
    for (let version = 2; version < 60; version++) {
      // A batch of edits, each relative to the text the previous one left, as the editor sends them.
      const edits: TextEdit[] = [];
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
        const rangeOffset = Math.floor(next() * text.length);
        const rangeLength = Math.min(Math.floor(next() * 12), text.length - rangeOffset);
        const insert = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
        edits.push({ rangeOffset, rangeLength, text: insert });
        text = text.slice(0, rangeOffset) + insert + text.slice(rangeOffset + rangeLength);
      }
      const incremental = store.change('mem:server.rs', version, edits);
      const fresh = await analyze(text, 'src/server.rs');
      deepStrictEqual(incremental?.findings, fresh.findings, `after version ${version}`);
      strictEqual(store.versionOf('mem:server.rs'), version);
    }
    store.close('mem:server.rs');
  });

  it('removes a finding when the edit removes its cause', async () => {
    const store = new DocumentStore(await analyzer());
    const text = 'fn main() {\n    let port = args().next().unwrap();\n}\n';
    const opened = store.open('mem:a.rs', 'src/main.rs', 1, text);
    deepStrictEqual(opened?.findings.map((f) => f.rule), ['unwrap']);
    const at = text.indexOf('.unwrap()');
    const changed = store.change('mem:a.rs', 2, [{ rangeOffset: at, rangeLength: '.unwrap()'.length, text: '?' }]);
    deepStrictEqual(changed?.findings.map((f) => f.rule), ['try-operator']);
    store.close('mem:a.rs');
  });

  it('answers a change to an unknown document with nothing, so the host re-opens it', async () => {
    const store = new DocumentStore(await analyzer());
    strictEqual(store.change('mem:never.rs', 2, []), undefined);
  });
});
