// The Compare Candidates tab in a simulated DOM (happy-dom): the comparison of the two samples, as
// src/team/compare.ts builds it, posted in; the table it draws and the messages a click posts back.
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import path from 'node:path';
import { Window } from 'happy-dom';
import { scanDirectory } from '../../src/cli/scan';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { compareCandidates, type Comparison } from '../../src/team/compare';
import { CompareApp } from '../../src/webview/compare/app';
import type { CompareExtensionMessage, CompareVsCodeApi, CompareWebviewMessage } from '../../src/webview/compare/protocol';

class FakeVsCodeApi implements CompareVsCodeApi {
  readonly posted: CompareWebviewMessage[] = [];
  postMessage(message: CompareWebviewMessage): void {
    this.posted.push(message);
  }
}

async function samples(): Promise<Comparison> {
  const scan = (name: string) => scanDirectory(path.resolve('test/fixtures', name), { threads: 0, bundleDir: path.resolve('dist'), includeTests: true });
  const [careless, careful] = await Promise.all([scan('careless-takehome'), scan('careful-takehome')]);
  return compareCandidates(DEFAULT_RUBRIC, [
    { label: 'careless-takehome', findings: careless.findings, codeLines: careless.project.codeLines, reviews: [] },
    // A hostile folder name: it must show as text.
    { label: '<img src=x onerror=alert(1)>', findings: careful.findings, codeLines: careful.project.codeLines, reviews: [] },
  ]);
}

describe('Compare Candidates tab', () => {
  let window: Window;
  let api: FakeVsCodeApi;

  beforeEach(() => {
    window = new Window({ url: 'https://compare.test/' });
    Object.assign(globalThis, { window, document: window.document });
    api = new FakeVsCodeApi();
    const mount = window.document.createElement('main');
    window.document.body.append(mount);
    new CompareApp(api, mount as unknown as HTMLElement).start();
  });

  afterEach(async () => {
    await window.happyDOM.close();
    for (const name of ['window', 'document']) Reflect.deleteProperty(globalThis, name);
  });

  const receive = (message: CompareExtensionMessage) => window.dispatchEvent(new window.MessageEvent('message', { data: message }));
  const cells = (selector: string) => [...window.document.querySelectorAll(selector)].map((element) => element.textContent);

  it('draws a row per candidate, a column per category, and posts which cell was clicked', async () => {
    deepStrictEqual(api.posted, [{ type: 'ready' }]);
    const comparison = await samples();
    receive({ type: 'comparison', comparison, scanning: false, blind: false });
    deepStrictEqual(cells('thead th'), ['Candidate', 'Lines', 'Tests', ...DEFAULT_RUBRIC.categories.map((c) => c.title)]);
    deepStrictEqual(cells('tbody th'), ['careless-takehome', '<img src=x onerror=alert(1)>']);
    strictEqual(window.document.querySelector('tbody img'), null);
    strictEqual(cells('.status')[0], '2 candidates against Rust take-home (default).');

    const rows = [...window.document.querySelectorAll('tbody tr')];
    const errors = DEFAULT_RUBRIC.categories.findIndex((c) => c.id === 'error-handling');
    const careless = rows[0].querySelectorAll('td')[2 + errors];
    const cell = comparison.rows[0].categories['error-handling'];
    ok(cell.concern, 'the careless sample has an error-handling concern');
    ok(careless.textContent?.includes(`${cell.concern.file}:${cell.concern.line}`));
    const open = careless.querySelector('button');
    ok(open, 'a cell with a concern is a button');
    ok(open.title.startsWith(cell.reason));
    open.click();
    deepStrictEqual(api.posted.slice(1), [{ type: 'open', row: 0, categoryId: 'error-handling' }]);
  });

  it('says when it is blind and still scanning', async () => {
    receive({ type: 'comparison', comparison: await samples(), scanning: true, blind: true });
    strictEqual(cells('.status')[0], '2 candidates against Rust take-home (default), blind: candidates by code, names hidden; still scanning.');
  });
});
