// The scorecard webview in a simulated DOM (happy-dom), driven as a reviewer and the extension
// would: states posted in, keys and clicks, and the messages it posts back through a fake
// `acquireVsCodeApi`.
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { Window } from 'happy-dom';
import { historyCardView } from '../../src/presentation/scorecardHistory';
import type { CategoryView, ScorecardView } from '../../src/presentation/scorecardView';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { emptyReview, pinCommit, recordBaseline, unpinCommit } from '../../src/rubric/review';
import { dumpHistory, withBaseline } from './support/history';
import { ScorecardApp } from '../../src/webview/app';
import type { ExtensionMessage, RequestOutcome, VsCodeApi, WebviewMessage } from '../../src/webview/protocol';
import type { UiState } from '../../src/webview/state';

/** What the webview's `acquireVsCodeApi()` returns, recording what the panel posts and saves. */
class FakeVsCodeApi implements VsCodeApi {
  readonly posted: WebviewMessage[] = [];
  saved: unknown;

  constructor(saved?: UiState) {
    this.saved = saved;
  }

  postMessage(message: WebviewMessage): void {
    this.posted.push(message);
  }

  getState(): unknown {
    return this.saved;
  }

  setState(state: UiState): void {
    this.saved = structuredClone(state);
  }

  /** The messages posted since the last call, but `ready`. */
  take(): WebviewMessage[] {
    return this.posted.splice(0).filter((message) => message.type !== 'ready');
  }
}

const DESCRIPTORS = { 'strong-no': 'Panics everywhere', no: 'Unwraps in the main path', yes: 'Errors carry context', 'strong-yes': 'Typed errors throughout' };

function category(id: string, title: string, overrides: Partial<CategoryView> = {}): CategoryView {
  return {
    id,
    title,
    weight: 2,
    descriptors: DESCRIPTORS,
    notes: '',
    counts: { concern: { code: 2, test: 0 }, strength: { code: 0, test: 0 }, info: { code: 0, test: 0 } },
    top: [
      { file: 'src/main.rs', line: 3, character: 4, endLine: 3, endCharacter: 12, rule: 'unwrap', polarity: 'concern', message: '`.unwrap()` panics', context: 'code' },
      { file: 'src/lib.rs', line: 9, character: 0, endLine: 9, endCharacter: 8, rule: 'expect', polarity: 'concern', message: '`.expect()` panics', context: 'code' },
    ],
    pinned: [],
    questions: [{ text: 'How are errors reported?', chosen: false }],
    ...overrides,
  };
}

function view(categories: CategoryView[] = [category('errors', 'Error Handling'), category('async', 'Async')], overrides: Partial<ScorecardView> = {}): ScorecardView {
  return {
    repository: { name: 'candidate', commit: '0123456789abcdef' },
    scan: { state: 'done', files: 3, skipped: 0 },
    rubric: { id: 'default', version: '1', title: 'Default' },
    summary: '',
    checklist: ['Read the README'],
    history: { history: { state: 'reading' }, pinned: [], questions: [] },
    categories,
    unassessed: categories.map((c) => c.title),
    ...overrides,
  };
}

describe('scorecard webview', () => {
  let window: Window;
  let api: FakeVsCodeApi;

  /** Opens the panel as VS Code would, with a saved UI state if given. */
  function open(saved?: UiState): void {
    api = new FakeVsCodeApi(saved);
    const mount = window.document.createElement('main');
    window.document.body.append(mount);
    new ScorecardApp(api, mount as unknown as HTMLElement).start();
  }

  function receive(message: ExtensionMessage): void {
    window.dispatchEvent(new window.MessageEvent('message', { data: message }));
  }

  const $ = <T extends Element = HTMLElement>(selector: string, from: ParentNode = window.document as unknown as ParentNode): T => {
    const found = from.querySelector<T>(selector);
    ok(found, `no element matches ${selector}`);
    return found;
  };
  const all = <T extends Element = HTMLElement>(selector: string, from: ParentNode = window.document as unknown as ParentNode): T[] => [...from.querySelectorAll<T>(selector)];
  const active = () => window.document.activeElement as unknown as HTMLElement | null;
  const card = (title: string) => all('section.card').find((section) => $('.card-title-text', section).textContent === title)!;
  const radios = (group: string) => all(`[role="radiogroup"][aria-label="${group}"] [role="radio"]`);
  const radioTitles = (group: string) => radios(group).map((radio) => $('.level-title', radio).textContent);

  /**
   * A key pressed on the focused element, with the browser's default action unless a handler
   * prevented it: Tab moves to the next element in the tab order, Enter and Space activate a button.
   */
  function press(key: string, shift = false): void {
    const target = active() ?? (window.document.body as unknown as HTMLElement);
    const event = new window.KeyboardEvent('keydown', { key, shiftKey: shift, bubbles: true, cancelable: true });
    target.dispatchEvent(event as unknown as Event);
    if (event.defaultPrevented) return;
    if (key === 'Tab') {
      const order = all('button, textarea, input, summary, [tabindex]').filter((element) => element.tabIndex >= 0 && !element.closest('[hidden]'));
      const next = order[order.indexOf(target) + (shift ? -1 : 1)];
      next?.focus();
    } else if ((key === 'Enter' || key === ' ') && target.tagName === 'BUTTON') target.click();
  }

  /** Types into a text field as a reviewer does: the text changes and an `input` event fires. */
  function type(field: HTMLTextAreaElement, text: string): void {
    field.focus();
    field.value += text;
    field.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
  }

  beforeEach(() => {
    window = new Window({ url: 'https://scorecard.test/' });
    Object.assign(globalThis, { window, document: window.document, requestAnimationFrame: window.requestAnimationFrame.bind(window) });
  });

  afterEach(async () => {
    await window.happyDOM.close();
    for (const name of ['window', 'document', 'requestAnimationFrame']) Reflect.deleteProperty(globalThis, name);
  });

  it('says it is ready, then draws the state it receives', () => {
    open();
    deepStrictEqual(api.posted, [{ type: 'ready' }]);
    receive({ type: 'state', view: view() });
    strictEqual($('.repo-name').textContent, 'candidate');
    deepStrictEqual(all('.card-title-text').map((title) => title.textContent), ['Error Handling', 'Async']);
    strictEqual($('.counts', card('Error Handling')).textContent, '2 concerns in code');
  });

  it("opens a finding's place, in its own workspace folder, with the location's fields alone", () => {
    open({ expanded: ['errors'], checklistOpen: false, commitsOpen: false, scrollY: 0 });
    const errors = category('errors', 'Error Handling');
    errors.top = [{ ...errors.top[0], workspaceFolder: 'file:///work/second' }, errors.top[1]];
    receive({ type: 'state', view: view([errors]) });
    const [first, second] = all<HTMLButtonElement>('.findings .location', card('Error Handling'));
    strictEqual(first.title, 'Open src/main.rs:4');
    first.click();
    second.click();
    deepStrictEqual(api.take(), [
      { type: 'open', location: { file: 'src/main.rs', workspaceFolder: 'file:///work/second', line: 3, character: 4, endLine: 3, endCharacter: 12 } },
      { type: 'open', location: { file: 'src/lib.rs', line: 9, character: 0, endLine: 9, endCharacter: 8 } },
    ]);
  });

  it('treats text from the repository as text, never as markup', () => {
    open();
    receive({ type: 'state', view: view([category('errors', '<img src=x onerror=alert(1)>')]) });
    strictEqual($('.card-title-text').textContent, '<img src=x onerror=alert(1)>');
    strictEqual(all('img').length, 0);
  });

  describe('the level groups', () => {
    beforeEach(() => {
      open();
      receive({ type: 'state', view: view() });
    });

    it('are one tab stop each: the chosen level, or the first', () => {
      receive({ type: 'state', view: view([category('errors', 'Error Handling', { level: 'yes' }), category('async', 'Async')]) });
      deepStrictEqual(
        radios('Error Handling: level').map((radio) => radio.tabIndex),
        [-1, -1, 0, -1],
      );
      deepStrictEqual(
        radios('Async: level').map((radio) => radio.tabIndex),
        [0, -1, -1, -1],
      );
    });

    it('move the focus with the arrow keys, wrapping around, without choosing', () => {
      const group = 'Error Handling: level';
      radios(group)[0].focus();
      const focusedTitle = () => $('.level-title', active()!).textContent;
      press('ArrowRight');
      strictEqual(focusedTitle(), radioTitles(group)[1]);
      press('ArrowDown');
      strictEqual(focusedTitle(), radioTitles(group)[2]);
      press('ArrowLeft');
      press('ArrowUp');
      press('ArrowUp');
      strictEqual(focusedTitle(), radioTitles(group)[3]);
      press('Home');
      strictEqual(focusedTitle(), radioTitles(group)[0]);
      press('End');
      strictEqual(focusedTitle(), radioTitles(group)[3]);
      // The focused level is the group's tab stop, and none is chosen yet.
      deepStrictEqual(
        radios(group).map((radio) => [radio.tabIndex, radio.getAttribute('aria-checked')]),
        [
          [-1, 'false'],
          [-1, 'false'],
          [-1, 'false'],
          [0, 'false'],
        ],
      );
      deepStrictEqual(api.take(), []);
    });

    it('show the descriptor of the level the focus is on', () => {
      radios('Error Handling: level')[1].focus();
      strictEqual($('.level-line', card('Error Handling')).textContent, 'No: Unwraps in the main path');
    });

    it('choose the focused level with Space or Enter, and clear it when chosen again', () => {
      const group = radios('Error Handling: level');
      group[0].focus();
      press('ArrowRight');
      press(' ');
      deepStrictEqual(api.take(), [{ type: 'setLevel', categoryId: 'errors', level: 'no' }]);
      strictEqual(group[1].getAttribute('aria-checked'), 'true');
      press('Enter');
      deepStrictEqual(api.take(), [{ type: 'setLevel', categoryId: 'errors', level: undefined }]);
      strictEqual(group[1].getAttribute('aria-checked'), 'false');
    });

    it('let Tab leave the group rather than move within it', () => {
      const group = radios('Overall recommendation');
      group[0].focus();
      press('ArrowRight');
      press('Tab');
      ok(!group.includes(active()!), 'Tab moved to another level of the group');
      press('Tab', true);
      strictEqual(active(), group[1]);
    });

    it('post the overall recommendation', () => {
      radios('Overall recommendation')[2].click();
      deepStrictEqual(api.take(), [{ type: 'setRecommendation', level: 'yes' }]);
    });
  });

  describe('across updates', () => {
    beforeEach(() => {
      open({ expanded: ['errors'], checklistOpen: false, commitsOpen: false, scrollY: 0 });
      receive({ type: 'state', view: view() });
    });

    it('keeps the focus on a level while the state confirms another', () => {
      const group = radios('Error Handling: level');
      group[2].click();
      group[2].focus();
      receive({ type: 'state', view: view([category('errors', 'Error Handling', { level: 'yes', notes: 'from another window' }), category('async', 'Async')]) });
      strictEqual(active(), group[2]);
      strictEqual(group[2].getAttribute('aria-checked'), 'true');
    });

    it('puts the focus back on the same control when its list is rebuilt', () => {
      const before = all<HTMLButtonElement>('.findings .location', card('Error Handling'));
      before[1].focus();
      const changed = category('errors', 'Error Handling');
      changed.top = changed.top.map((finding) => ({ ...finding, message: `${finding.message} (changed)` }));
      receive({ type: 'state', view: view([changed, category('async', 'Async')]) });
      const after = all<HTMLButtonElement>('.findings .location', card('Error Handling'));
      ok(!after.includes(before[1]), 'the list was not rebuilt');
      strictEqual(active(), after[1]);
    });

    it('puts the focus on a neighbour when the focused control is gone', () => {
      const removable = category('errors', 'Error Handling', {
        pinned: [
          { id: 'a', file: 'src/a.rs', line: 0, character: 0, endLine: 0, endCharacter: 1, snippet: 'a()', olderCommit: false },
          { id: 'b', file: 'src/b.rs', line: 0, character: 0, endLine: 0, endCharacter: 1, snippet: 'b()', olderCommit: false },
        ],
      });
      receive({ type: 'state', view: view([removable, category('async', 'Async')]) });
      const unpin = $('[aria-label="Remove pinned evidence at src/a.rs:1"]');
      unpin.click();
      deepStrictEqual(api.take(), [{ type: 'unpin', evidenceId: 'a' }]);
      unpin.focus();
      receive({ type: 'state', view: view([{ ...removable, pinned: removable.pinned.slice(1) }, category('async', 'Async')]) });
      ok(active()?.closest('.pinned'), `the focus left the pinned evidence for ${active()?.outerHTML}`);
    });

    it('does not overwrite a note while the reviewer types it, and posts it on leaving the field', () => {
      const notes = $<HTMLTextAreaElement>('textarea', card('Error Handling'));
      type(notes, 'Unwraps in');
      receive({ type: 'state', view: view([category('errors', 'Error Handling', { notes: 'older text' }), category('async', 'Async')]) });
      strictEqual(notes.value, 'Unwraps in');
      strictEqual(active(), notes);
      type(notes, ' main');
      notes.blur();
      deepStrictEqual(api.take(), [{ type: 'setNotes', categoryId: 'errors', notes: 'Unwraps in main' }]);
    });

    it('shows the saved note of a field nobody has typed into, focused or not', () => {
      const notes = $<HTMLTextAreaElement>('textarea', card('Error Handling'));
      notes.focus();
      receive({ type: 'state', view: view([category('errors', 'Error Handling', { notes: 'saved earlier' }), category('async', 'Async')]) });
      strictEqual(notes.value, 'saved earlier');
      notes.blur();
      deepStrictEqual(api.take(), []);
    });

    it('posts a note after a pause in typing', async () => {
      const notes = $<HTMLTextAreaElement>('textarea', card('Error Handling'));
      type(notes, 'pause here');
      deepStrictEqual(api.take(), []);
      await new Promise((resolve) => setTimeout(resolve, 400));
      deepStrictEqual(api.take(), [{ type: 'setNotes', categoryId: 'errors', notes: 'pause here' }]);
    });

    it('keeps which cards are open in the saved UI state', () => {
      strictEqual($('.card-toggle', card('Error Handling')).getAttribute('aria-expanded'), 'true');
      strictEqual($('.card-toggle', card('Async')).getAttribute('aria-expanded'), 'false');
      $('.card-toggle', card('Async')).click();
      deepStrictEqual((api.saved as UiState).expanded, ['errors', 'async']);
    });
  });

  describe('the "How they worked" card', () => {
    const review = emptyReview({ name: 'candidate' }, 'abc', DEFAULT_RUBRIC, new Date('2026-11-24T10:00:00Z'));
    const history = withBaseline(dumpHistory());
    const commitId = (n: number) => String(n).repeat(40);
    const pinnedFourth = pinCommit(review, { commit: commitId(4), subject: 'Replace the parser', time: '2026-11-21T15:00:00+01:00', files: 5, insertions: 700, deletions: 380, createdAt: '' }, new Date());
    const withHistory = (card = historyCardView(history, review, 4)) => view(undefined, { history: card });
    const historyCard = () => $('section.history-card');
    const pinButton = (n: number) => $(`[aria-label="Pin commit ${n} as evidence"]`);

    beforeEach(() => {
      open();
      receive({ type: 'state', view: withHistory() });
    });

    it('comes before the categories, and says that times and authors can be rewritten', () => {
      const sections = all('.scorecard > section').map((section) => section.className);
      ok(sections.indexOf('history-card') < sections.indexOf('categories'), sections.join(', '));
      strictEqual($('h2', historyCard()).textContent, 'How they worked');
      ok($('.caveat').textContent?.includes('can be rewritten: a prompt for questions, not proof'));
    });

    it('draws the commits as an SVG image with a title and a description, the dump largest and the commits with tests square', () => {
      const svg = $('svg.timeline', historyCard());
      strictEqual(svg.getAttribute('role'), 'img');
      const [titleId, descriptionId] = svg.getAttribute('aria-labelledby')!.split(' ');
      strictEqual(window.document.getElementById(titleId)?.textContent, 'Commit timeline');
      ok(window.document.getElementById(descriptionId)?.textContent?.includes('Commit 4 stands out'));
      const marks = all('.commit-mark', svg as unknown as ParentNode);
      strictEqual(marks.length, 5);
      const dump = $('.commit-mark.dump', svg as unknown as ParentNode);
      strictEqual(dump.tagName.toLowerCase(), 'circle');
      const radii = all('circle.commit-mark', svg as unknown as ParentNode).map((mark) => Number(mark.getAttribute('r')));
      strictEqual(Math.max(...radii), Number(dump.getAttribute('r')));
      deepStrictEqual(all('rect.commit-mark', svg as unknown as ParentNode).map((mark) => mark.querySelector('title')?.textContent), ['Commit 5: Add tests for the parser, 2026-11-21 16:30 +01:00, +80 −0']);
      ok($('.timeline-time-box', svg as unknown as ParentNode));
    });

    it('lists what the history says, marking what is worth asking about, and every commit for the keyboard and screen readers', () => {
      const facts = all('.facts dd').map((fact) => [fact.textContent, fact.classList.contains('notable')]);
      deepStrictEqual(facts[4], ['Worth asking about: One dump: commit 4 holds 74% of the 1,460 lines changed', true]);
      deepStrictEqual(all('.commit-item').map((item) => item.getAttribute('value')), ['1', '2', '3', '4', '5']);
      ok($('.commit-item.dump').textContent?.includes('Replace the parser'));
      deepStrictEqual(all('.commit-item .tag').map((tag) => tag.textContent), ['vague message', 'dump', 'tests']);
    });

    it('pins a commit with its button, shows it pinned, and keeps the focus on that button', () => {
      pinButton(4).focus();
      press('Enter');
      deepStrictEqual(api.take(), [{ type: 'pinCommit', commitId: commitId(4) }]);
      receive({ type: 'state', view: withHistory(historyCardView(history, pinnedFourth, 4)) });
      strictEqual(pinButton(4).getAttribute('aria-pressed'), 'true');
      strictEqual(active(), pinButton(4));
      ok($('.pinned-commits').textContent?.includes('Commit 4 · 2026-11-21 15:00 +01:00 · +700 −380 in 5 files'));
      press(' ');
      deepStrictEqual(api.take(), [{ type: 'unpinCommit', commitId: commitId(4) }]);
    });

    it('unpins from the list of pinned commits, and puts the focus on its heading when the list is empty', () => {
      receive({ type: 'state', view: withHistory(historyCardView(history, pinnedFourth, 4)) });
      const unpin = $('[aria-label="Unpin commit 4"]');
      unpin.focus();
      unpin.click();
      deepStrictEqual(api.take(), [{ type: 'unpinCommit', commitId: commitId(4) }]);
      receive({ type: 'state', view: withHistory(historyCardView(history, unpinCommit(pinnedFourth, commitId(4), new Date()), 4)) });
      strictEqual($('.pinned-commits').textContent, 'Nothing pinned. Pin a commit from the list above.');
      strictEqual(active()?.textContent, 'Pinned commits');
    });

    it("posts the history's questions chosen for the export", () => {
      const box = all<HTMLInputElement>('input[type="checkbox"]', historyCard())[0];
      box.click();
      deepStrictEqual(api.take(), [{ type: 'chooseHistoryQuestion', text: historyCardView(history, review, 4).questions[0].text, chosen: true }]);
    });

    it('shows the baseline in force and what the candidate changed, each file a click from its code, and runs the baseline command', () => {
      strictEqual($('.baseline-line').textContent, 'In force: commit 1111111 (start)');
      strictEqual($('.changes summary').textContent, 'What the candidate changed: 3 files: 1 added, 1 changed, 1 removed; +340 −102 lines');
      const [added, changed] = all<HTMLButtonElement>('.changed-files .location');
      changed.click();
      deepStrictEqual(api.take(), [{ type: 'open', location: { file: 'src/main.rs', line: 9, character: 0, endLine: 9, endCharacter: 0 } }]);
      strictEqual(added.title, 'Open src/parser.rs:1');
      ok($('.removed-file').textContent === 'src/old_parser.rs', 'a removed file is listed as text');
      all<HTMLButtonElement>('button').find((control) => control.textContent === 'Choose baseline…')!.click();
      deepStrictEqual(api.take(), [{ type: 'chooseBaseline' }]);
    });

    it('names the baseline the review was scored against while none is in force', () => {
      const recorded = recordBaseline(review, { kind: 'commit', commit: commitId(1), label: 'commit 1111111 (start)' }, new Date());
      receive({ type: 'state', view: withHistory(historyCardView(undefined, recorded, 4)) });
      strictEqual($('.baseline-line').textContent, 'Scored against: commit 1111111 (start)Recorded with the review; not in force now.');
    });

    it('says which folder the card is about in a multi-root workspace, and nothing of it otherwise', () => {
      ok($<HTMLElement>('.first-folder').hidden, 'hidden in a single folder');
      receive({ type: 'state', view: withHistory({ ...historyCardView(history, review, 4), firstFolder: 'alice-takehome' }) });
      strictEqual($('.first-folder').textContent, "In this multi-root workspace, the card is about the first folder, alice-takehome. The starter's lines are set apart in each folder that has a baseline of its own.");
      ok(!$<HTMLElement>('.first-folder').hidden);
    });

    it('keeps whether the list of commits is open in the saved UI state', () => {
      const details = $<HTMLDetailsElement>('details.commits');
      details.open = true;
      details.dispatchEvent(new window.Event('toggle') as unknown as Event);
      strictEqual((api.saved as UiState).commitsOpen, true);
    });

    it('says why the history is not available, and the rest of the scorecard works', () => {
      receive({ type: 'state', view: withHistory(historyCardView({ history: { available: false, reason: 'the folder has no .git, as in a zip or a web editor' } }, review, 4)) });
      strictEqual($('.history-unavailable').textContent, ' History is not available: the folder has no .git, as in a zip or a web editor');
      strictEqual(all('svg.timeline').length, 0);
      ok($<HTMLDetailsElement>('details.commits').hidden);
      strictEqual($('.baseline-line').textContent, 'No baseline: every line counts as the candidate’s.');
      radios('Error Handling: level')[1].click();
      deepStrictEqual(api.take(), [{ type: 'setLevel', categoryId: 'errors', level: 'no' }]);
    });

    it('treats commit messages as text, never as markup', () => {
      const hostile = dumpHistory();
      hostile.commits[3] = { ...hostile.commits[3], message: '<img src=x onerror=alert(1)>' };
      receive({ type: 'state', view: withHistory(historyCardView({ history: hostile }, review, 4)) });
      strictEqual(all('img').length, 0);
      strictEqual($('.commit-item.dump .commit-subject').textContent, '<img src=x onerror=alert(1)>');
    });
  });

  describe('export and import', () => {
    beforeEach(() => {
      open();
      receive({ type: 'state', view: view() });
    });

    const exportButton = (name: string) => all<HTMLButtonElement>('.export button').find((control) => control.textContent === name)!;
    /** The sequence number of the one request posted since the last look. */
    const requestId = () => {
      const [request] = api.take();
      ok(request && 'id' in request, `not a request: ${JSON.stringify(request)}`);
      return request.id;
    };
    /** The extension's reply to the request posted last, once the panel has taken it in. */
    const reply = async (outcome: RequestOutcome) => {
      receive({ type: 'reply', id: requestId(), outcome });
      await Promise.resolve();
    };

    it('posts each as a request with its own sequence number, after the typing not posted yet', () => {
      type($<HTMLTextAreaElement>('textarea.notes'), 'summary so far');
      exportButton('Copy Markdown').click();
      exportButton('Copy JSON').click();
      exportButton('Save…').click();
      exportButton('Import…').click();
      deepStrictEqual(api.take(), [
        { type: 'setSummary', summary: 'summary so far' },
        { type: 'export', format: 'markdown', to: 'clipboard', id: 1 },
        { type: 'export', format: 'json', to: 'clipboard', id: 2 },
        { type: 'export', format: 'json', to: 'file', id: 3 },
        { type: 'import', id: 4 },
      ]);
    });

    it('says the review was copied when the reply says so', async () => {
      exportButton('Copy JSON').click();
      strictEqual($('.export-status').textContent, '');
      await reply({ status: 'done' });
      strictEqual($('.export-status').textContent, 'JSON copied to the clipboard.');
      strictEqual($('.export-error').textContent, '');
    });

    it('shows a failure in an alert, and clears it when the next request is made', async () => {
      exportButton('Import…').click();
      const error = 'review.json cannot be imported: the file is not JSON (Unexpected end of JSON input).';
      await reply({ status: 'failed', error });
      const alert = $('[role="alert"]');
      strictEqual(alert.textContent, error);
      strictEqual(alert.className, 'export-error');
      strictEqual($('.export-status').textContent, '');
      exportButton('Copy Markdown').click();
      strictEqual(alert.textContent, '');
    });

    it('ignores a reply that answers no request waiting', async () => {
      exportButton('Copy Markdown').click();
      const id = requestId();
      receive({ type: 'reply', id: id + 1, outcome: { status: 'failed', error: 'not ours' } });
      receive({ type: 'reply', id, outcome: { status: 'done' } });
      receive({ type: 'reply', id, outcome: { status: 'failed', error: 'answered twice' } });
      await Promise.resolve();
      strictEqual($('.export-error').textContent, '');
      strictEqual($('.export-status').textContent, 'Markdown copied to the clipboard.');
    });

    it('shows nothing when the reviewer cancelled', async () => {
      exportButton('Save…').click();
      await reply({ status: 'cancelled' });
      strictEqual($('.export-error').textContent, '');
      strictEqual($('.export-status').textContent, '');
    });
  });
});
