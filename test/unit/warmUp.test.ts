import { PlacedRuns } from '../../src/analysis/anchoredFindings';
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readGrammarBinaries } from '../../src/cli/grammar';
import { DocumentStore } from '../../src/worker/documents';
import { ReceivedFindings } from '../../src/worker/packedFindings';
import type { UnnumberedRequest, WorkerResponse } from '../../src/worker/protocol';
import { createAnalysisService } from '../../src/worker/service';
import { longEnoughToWarmUp, WARM_UP_MIN_LINES, WARM_UP_URI, warmUp, warmUpEdits } from '../../src/worker/warmUp';
import { eventually } from '../support/eventually.mjs';
import { analyze, analyzer } from './support/analyzer';
import { fileAnalysisOf, placedAnalysis } from './support/received';

const SERVER = readFileSync(path.resolve('test/fixtures/careless-takehome/src/server.rs'), 'utf8');

/** A file long enough to be warmed up on: the fixture, repeated. */
function longFile(): string {
  const copies = Math.ceil(WARM_UP_MIN_LINES / SERVER.split('\n').length) + 1;
  return Array.from({ length: copies }, () => SERVER).join('\n');
}

const apply = (text: string, edit: { rangeOffset: number; rangeLength: number; text: string }) =>
  text.slice(0, edit.rangeOffset) + edit.text + text.slice(edit.rangeOffset + edit.rangeLength);

/** The worker's message loop, initialised, with what it posted; `send` numbers a request and returns its number, `answer` waits for the reply to it, `sent` counts the requests. */
function analysisService() {
  const posted: WorkerResponse[] = [];
  const handle = createAnalysisService((response) => posted.push(response));
  let id = 0;
  const send = (request: UnnumberedRequest) => {
    handle({ ...request, id: ++id });
    return id;
  };
  const answer = async (n: number) => {
    await eventually(() => posted.length, (count) => count >= n, `the answer to request ${n}`, 60_000, 5);
    return posted[n - 1];
  };
  send({ kind: 'init', binaries: readGrammarBinaries(), options: {} });
  return { posted, send, answer, sent: () => id };
}

describe('warm-up', () => {
  it('is for documents of a thousand lines or more', async () => {
    strictEqual(longEnoughToWarmUp(await analyze('fn f() {}\n'.repeat(WARM_UP_MIN_LINES - 1))), false);
    strictEqual(longEnoughToWarmUp(await analyze('fn f() {}\n'.repeat(WARM_UP_MIN_LINES))), true);
  });

  it('types a line at places spread through the document, each taken out again', () => {
    const text = longFile();
    const edits = warmUpEdits(text, 24);
    strictEqual(edits.length, 48);
    const places = edits.filter((_, i) => i % 2 === 0).map((e) => e.rangeOffset);
    ok(places.every((at, i) => i === 0 || at > places[i - 1]), 'each place after the one before');
    ok(places.every((at) => at === 0 || text[at - 1] === '\n'), 'each at the start of a line');
    ok(places[0] < text.length / 24 && places[23] > (text.length * 22) / 24, 'from the top to the bottom');
    let edited = text;
    for (const [i, edit] of edits.entries()) {
      edited = apply(edited, edit);
      if (i % 2 === 1) strictEqual(edited, text);
    }
  });

  it('edits of a copy leave the original document and its findings as they were', async () => {
    const store = new DocumentStore(await analyzer());
    const text = SERVER;
    const original = store.open('mem:original.rs', 'src/server.rs', 1, text);
    const asOpened = structuredClone(original);
    strictEqual(store.copy('mem:original.rs', 'mem:copy.rs'), text);
    // Lines added at the top move every group of the copy.
    store.change('mem:copy.rs', 2, [{ rangeOffset: 0, rangeLength: 0, text: '\n\n\n' }]);
    deepStrictEqual(original, asOpened);
    strictEqual(store.versionOf('mem:original.rs'), 1);
    // The original's next edit builds on its own findings: moved by the copy's edit, they would be three lines off.
    const at = text.indexOf('\n', text.length / 2) + 1;
    const changed = store.change('mem:original.rs', 2, [{ rangeOffset: at, rangeLength: 0, text: '// note\n' }]);
    deepStrictEqual(changed && fileAnalysisOf(changed.analysis), await analyze(apply(text, { rangeOffset: at, rangeLength: 0, text: '// note\n' }), 'src/server.rs'));
    strictEqual(store.copy('mem:closed.rs', 'mem:copy2.rs'), undefined);
  });

  it('types into a copy only while no request waits, then drops the copy', async () => {
    const store = new DocumentStore(await analyzer());
    store.open('mem:long.rs', 'src/server.rs', 1, longFile());
    let idle = false;
    const warming = warmUp(store, 'mem:long.rs', () => idle, () => true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    strictEqual(store.versionOf(WARM_UP_URI), undefined, 'no copy while requests wait');
    idle = true;
    strictEqual(await warming, 48);
    strictEqual(store.versionOf(WARM_UP_URI), undefined);
    strictEqual(store.versionOf('mem:long.rs'), 1);
    strictEqual(await warmUp(store, 'mem:long.rs', () => true, () => false), 0, 'nothing once the store is replaced');
    strictEqual(await warmUp(store, 'mem:closed.rs', () => true, () => true), 0, 'nothing of a document closed meanwhile');
  });

  it('starts in the worker once, when the first document long enough opens', async () => {
    let typedIntoCopy = 0;
    // The store's own method, taken off its class to count the warm-up's edits and put back after.
    const change = Object.getOwnPropertyDescriptor(DocumentStore.prototype, 'change')?.value as DocumentStore['change'];
    DocumentStore.prototype.change = function (this: DocumentStore, ...args: Parameters<DocumentStore['change']>) {
      if (args[0] === WARM_UP_URI) typedIntoCopy++;
      return change.apply(this, args);
    };
    try {
      const worker = analysisService();
      const open = (uri: string, text: string) => worker.answer(worker.send({ kind: 'openDocument', uri, file: 'src/server.rs', version: 1, text }));
      // Time for a warm-up, were one started: its 48 edits of a 1,000-line file take a few hundred ms.
      const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));
      await open('mem:short.rs', SERVER);
      await settle();
      strictEqual(typedIntoCopy, 0, 'no warm-up for a short document');
      await open('mem:long.rs', longFile());
      await eventually(() => typedIntoCopy, (edits) => edits >= 48, 'the warm-up of the first long document', 20_000, 10);
      strictEqual(typedIntoCopy, 48, 'a warm-up for the first long one');
      await open('mem:long2.rs', longFile());
      await settle();
      strictEqual(typedIntoCopy, 48, 'and only once');
    } finally {
      DocumentStore.prototype.change = change;
    }
  });

  it('runs in the worker after a long document opens, answering every request as before and sending nothing of its own', async () => {
    const { posted, send, answer, sent } = analysisService();
    let text = longFile();
    send({ kind: 'openDocument', uri: 'mem:long.rs', file: 'src/server.rs', version: 1, text });
    const opened = await answer(2);
    const host = new ReceivedFindings();
    const placedRuns = new PlacedRuns();
    ok(host.receive((opened as Extract<WorkerResponse, { kind: 'document' }>).analysis!));
    // Edits while the warm-up types into its copy between them.
    for (let version = 2; version <= 6; version++) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      const edit = { rangeOffset: text.indexOf('\n', (text.length * version) / 8) + 1, rangeLength: 0, text: '    let late = x.unwrap();\n' };
      text = apply(text, edit);
      send({ kind: 'changeDocument', uri: 'mem:long.rs', version, edits: [edit] });
      const reply = (await answer(version + 1)) as Extract<WorkerResponse, { kind: 'document' }>;
      strictEqual(reply.version, version);
      const held = host.receive(reply.analysis!);
      ok(held, 'built on the reply before, not on an edit of the warm-up');
      deepStrictEqual(placedAnalysis(held, placedRuns), await analyze(text, 'src/server.rs'), `version ${version}`);
    }
    // Time for the rest of the warm-up: it posts nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    strictEqual(posted.length, sent());
  });
});
