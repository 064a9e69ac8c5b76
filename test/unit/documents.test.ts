import { PlacedRuns } from '../../src/analysis/anchoredFindings';
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentAnalysis } from '../../src/analysis/engine';
import type { FileAnalysis } from '../../src/analysis/model';
import { DocumentStore, type TextEdit } from '../../src/worker/documents';
import { packDocument, ReceivedFindings, type PackedAnalysis, type ReceivedDocument } from '../../src/worker/packedFindings';
import { analyze, analyzer } from './support/analyzer';
import { fileAnalysisOf, placedAnalysis } from './support/received';

/** Files whose items, tests, uses and attributes the random edits below cut through; an integration test has a finding of its own, outside its items. */
const SOURCES = [
  'careless-takehome/src/server.rs',
  'careless-takehome/src/compaction.rs',
  'careful-takehome/src/store.rs',
  'careful-takehome/src/lib.rs',
  'careful-takehome/tests/protocol_roundtrip.rs',
].map((file) => ({ file: file.slice(file.indexOf('/') + 1), text: readFileSync(path.resolve('test/fixtures', file), 'utf8') }));

/** A document's analysis as a file's, or undefined. */
const fileAnalysis = (analysis: DocumentAnalysis | undefined): FileAnalysis | undefined => analysis && fileAnalysisOf(analysis);

/** What the host receives of a packed analysis: a structured clone, its buffer transferred. */
function received({ analysis, transfer }: { analysis: PackedAnalysis; transfer: ArrayBuffer[] }): PackedAnalysis {
  return structuredClone(analysis, { transfer });
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * What an edit may type: code with findings, block and item boundaries, and what reaches other
 * items (`use`, a test attribute, a file-wide `#![cfg(test)]`, a doc comment), so that the
 * item-by-item re-analysis of an edit must agree with a fresh analysis of the whole file.
 */
const SNIPPETS = [
  'x.unwrap()',
  ';\n',
  '{',
  '}',
  'let a = b.clone();\n',
  '🦀',
  '',
  'async fn f() { g().await }\n',
  '// c\n',
  '"s',
  'use std::fs::read_to_string;\n',
  '#[test]\n',
  '#[cfg(test)]\nmod t {\n',
  '#![cfg(test)]\n',
  '/// Docs.\npub fn h() {}\n',
  'fn k() { std::thread::sleep(d); read_to_string(p).unwrap(); }\n',
  'println!("{}", y.expect("e"));\n',
  '\n\n',
];

describe('DocumentStore', () => {
  it('re-analyses edits incrementally to the same findings and counts as a fresh analysis, and a host that unpacks each reply holds them too', async () => {
    const store = new DocumentStore(await analyzer());
    const next = random(42);
    for (const source of SOURCES) {
      let { text } = source;
      const uri = `mem:${source.file}`;
      // What the extension host holds: each reply taken in on the one before (see OpenDocumentSync.accept).
      let analysed = store.open(uri, source.file, 1, text) as DocumentAnalysis;
      const host = new ReceivedFindings();
      const placedRuns = new PlacedRuns();
      let held = host.receive(received(packDocument(analysed))) as ReceivedDocument;
      for (let version = 2; version < 50; version++) {
        // A batch of edits, each relative to the text the previous one left, as the editor sends them.
        const edits: TextEdit[] = [];
        for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
          const rangeOffset = Math.floor(next() * text.length);
          const rangeLength = Math.min(Math.floor(next() * 12), text.length - rangeOffset);
          const insert = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
          edits.push({ rangeOffset, rangeLength, text: insert });
          text = text.slice(0, rangeOffset) + insert + text.slice(rangeOffset + rangeLength);
        }
        const incremental = store.change(uri, version, edits);
        ok(incremental, `${source.file} after version ${version}`);
        const fresh = await analyze(text, source.file);
        deepStrictEqual(fileAnalysis(incremental?.analysis), fresh, `${source.file} after version ${version}`);
        strictEqual(store.versionOf(uri), version);
        strictEqual(incremental.newFrom, analysed.nextSerial, 'built on the analysis before');
        // Every group the worker kept (its findings the same objects) is one the host keeps too, and no other.
        const keptByWorker = new Map(analysed.groups.map((g) => [g.serial, g.findings]));
        analysed = incremental.analysis;
        const keptByHost = new Map(held.groups.map((g) => [g.serial, g.findings]));
        const taken = host.receive(received(packDocument(incremental.analysis, incremental.newFrom)));
        ok(taken, `the host has every group the reply for version ${version} keeps`);
        held = taken;
        const unpacked = placedAnalysis(held, placedRuns);
        deepStrictEqual(unpacked, fresh, `the host's findings of ${source.file} after version ${version}`);
        strictEqual(new Set(unpacked.findings).size, unpacked.findings.length, 'no finding object is placed twice');
        deepStrictEqual(
          held.groups.map((g) => keptByHost.get(g.serial) === g.findings),
          analysed.groups.map((g) => keptByWorker.get(g.serial) === g.findings),
        );
      }
      store.close(uri);
    }
  });

  it('removes a finding when the edit removes its cause', async () => {
    const store = new DocumentStore(await analyzer());
    const text = 'fn main() {\n    let port = args().next().unwrap();\n}\n';
    const opened = fileAnalysis(store.open('mem:a.rs', 'src/main.rs', 1, text));
    deepStrictEqual(opened?.findings.map((f) => f.rule), ['unwrap']);
    const at = text.indexOf('.unwrap()');
    const changed = store.change('mem:a.rs', 2, [{ rangeOffset: at, rangeLength: '.unwrap()'.length, text: '?' }]);
    deepStrictEqual(fileAnalysis(changed?.analysis)?.findings.map((f) => f.rule), ['try-operator']);
    store.close('mem:a.rs');
  });

  it('moves the findings of items after a batch of edits that add and remove lines, as a fresh analysis places them', async () => {
    const store = new DocumentStore(await analyzer());
    const item = (name: string) => `fn ${name}() {\n    let v = x.unwrap();\n    let w = v.clone();\n}\n`;
    let text = `${['a', 'b', 'c', 'd'].map(item).join('')}fn e() {} fn f() { z.unwrap(); }\n`;
    store.open('mem:b.rs', 'src/lib.rs', 1, text);
    // Edits in the order the editor sends them, each before `c`, `d` and `f`: two add rows, one takes
    // two away. The last ends on the line `f` is on, so the columns of `f`'s finding move too.
    const edits: TextEdit[] = [];
    const edit = (at: number, rangeLength: number, inserted: string) => {
      edits.push({ rangeOffset: at, rangeLength, text: inserted });
      text = text.slice(0, at) + inserted + text.slice(at + rangeLength);
    };
    edit(text.indexOf('fn a') + 'fn a() {'.length, 0, '\n\n\n');
    edit(text.indexOf('    let w = v.clone();\n}\nfn c'), '    let w = v.clone();\n}\n'.length, '}\n');
    edit(text.indexOf('fn b'), 0, '// moved\n');
    edit(text.indexOf('fn e() {') + 'fn e() {'.length, 0, ' 1;');
    const changed = fileAnalysis(store.change('mem:b.rs', 2, edits)?.analysis);
    deepStrictEqual(changed, await analyze(text, 'src/lib.rs'));
    deepStrictEqual(
      changed?.findings.filter((f) => f.rule === 'unwrap').map((f) => f.range.start),
      [
        { line: 4, character: 14 },
        { line: 9, character: 14 },
        { line: 12, character: 14 },
        { line: 16, character: 14 },
        { line: 19, character: 24 },
      ],
    );
    store.close('mem:b.rs');
  });

  it('follows typing in a file with CRLF line ends, as a fresh analysis of its text finds', async () => {
    const store = new DocumentStore(await analyzer());
    // A file saved on Windows: the editor keeps its CRLF line ends, in its text and in what it types.
    let text = SOURCES[0].text.replace(/\n/g, '\r\n');
    const unwraps = (analysis: FileAnalysis | undefined) => analysis?.findings.filter((f) => f.rule === 'unwrap').length;
    const opened = unwraps(fileAnalysis(store.open('mem:crlf.rs', 'src/server.rs', 1, text)));
    const middle = text.indexOf('\r\n', text.length / 2) + 2;
    const typed = '    let typed = input.parse::<u32>().unwrap();\r\n';
    // Each step an edit of the text the one before left: a line typed and taken out again, lines
    // added at the top, and a `use` changed, which has every item analysed again.
    const steps: ((current: string) => TextEdit)[] = [
      () => ({ rangeOffset: middle, rangeLength: 0, text: typed }),
      () => ({ rangeOffset: middle, rangeLength: typed.length, text: '' }),
      () => ({ rangeOffset: 0, rangeLength: 0, text: '// header\r\n\r\n' }),
      (current) => ({ rangeOffset: current.indexOf('collections'), rangeLength: 'collections'.length, text: 'sync' }),
    ];
    const unwrapsAfter: (number | undefined)[] = [];
    for (const [i, step] of steps.entries()) {
      const edit = step(text);
      text = text.slice(0, edit.rangeOffset) + edit.text + text.slice(edit.rangeOffset + edit.rangeLength);
      const changed = fileAnalysis(store.change('mem:crlf.rs', i + 2, [edit])?.analysis);
      deepStrictEqual(changed, await analyze(text, 'src/server.rs'), `after step ${i + 1}`);
      unwrapsAfter.push(unwraps(changed));
    }
    deepStrictEqual(unwrapsAfter.slice(0, 2), [(opened ?? 0) + 1, opened], 'the typed unwrap is found, then gone');
  });

  it('re-analyses every item after an edit of a file whose top-level `#![cfg(test)]` sits under an error root', async () => {
    const store = new DocumentStore(await analyzer());
    // Half-typed code that leaves the file no `source_file`: its root is an error, and the stray
    // `#![cfg(test)]` on it still makes every item test code, `b`'s output too.
    let text = 'pub async fn run(addr: async fn f() { g;\nring, store: St) {\n    let listener = bind(addr)\n    .#![cfg(test)]\n\nfn b() {\n    println!("b");\n}\n';
    const opened = fileAnalysis(store.open('mem:broken.rs', 'src/lib.rs', 1, text));
    deepStrictEqual(opened?.findings.filter((f) => f.rule === 'print-output'), []);
    const at = text.indexOf('println!');
    const typed = 'let v = w.clone();\n    ';
    text = text.slice(0, at) + typed + text.slice(at);
    const changed = store.change('mem:broken.rs', 2, [{ rangeOffset: at, rangeLength: 0, text: typed }]);
    deepStrictEqual(fileAnalysis(changed?.analysis), await analyze(text, 'src/lib.rs'));
  });

  it('answers a change to an unknown document with nothing, so the host re-opens it', async () => {
    const store = new DocumentStore(await analyzer());
    strictEqual(store.change('mem:never.rs', 2, []), undefined);
  });
});
