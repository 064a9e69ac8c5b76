import { deepStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evidenceSummary, fileLineLabel, questionText, scanStatus, shortCommit, splitPath, unassessedWarning, weightedScoreHint } from '../../src/presentation/scorecardText';
import type { EvidenceCounts } from '../../src/presentation/scorecardView';
import { inlineCodeParts } from '../../src/presentation/text';
import { replyTo } from '../../src/webview/protocol';
import { indexAfterKey, levelAfterChoosing, mayReplaceFieldText, readUiState } from '../../src/webview/state';

function counts(concern: [number, number], strength: [number, number], info: [number, number] = [0, 0]): EvidenceCounts {
  return {
    concern: { code: concern[0], test: concern[1] },
    strength: { code: strength[0], test: strength[1] },
    info: { code: info[0], test: info[1] },
  };
}

describe('scorecard text', () => {
  it('shortens a commit to seven characters and says when there is none', () => {
    deepStrictEqual([shortCommit('3f9c2a17be41d0e9c8a7'), shortCommit(undefined), shortCommit('')], ['3f9c2a1', 'no commit', 'no commit']);
  });

  it('describes the scan', () => {
    strictEqual(scanStatus({ state: 'scanning', files: 3, skipped: 0 }), 'Scanning…');
    strictEqual(scanStatus({ state: 'done', files: 14, skipped: 2 }), '14 files analysed, 2 skipped');
    strictEqual(scanStatus({ state: 'done', files: 1, skipped: 0 }), '1 file analysed, 0 skipped');
  });

  it('splits evidence counts into code and tests, leaving out what is zero', () => {
    strictEqual(evidenceSummary(counts([5, 1], [2, 0])), '5 concerns · 2 strengths in code; 1 concern in tests');
    strictEqual(evidenceSummary(counts([1, 0], [0, 3], [2, 0])), '1 concern · 2 info in code; 3 strengths in tests');
    strictEqual(evidenceSummary(counts([0, 2], [0, 0])), '2 concerns in tests');
    strictEqual(evidenceSummary(counts([0, 0], [0, 0])), 'No findings');
  });

  it('counts lines from 1 in locations and keeps the file name apart from its folder', () => {
    strictEqual(fileLineLabel({ file: 'src/store.rs', line: 0, character: 0, endLine: 0, endCharacter: 3 }), 'src/store.rs:1');
    deepStrictEqual(splitPath('src/a/b.rs'), { folder: 'src/a/', name: 'b.rs' });
    deepStrictEqual(splitPath('build.rs'), { folder: '', name: 'build.rs' });
  });

  it('shows the place of a question drawn from the code once, as its link, not again in its text', () => {
    const at = { file: 'src/client.rs', line: 13, character: 4, endLine: 13, endCharacter: 30 };
    strictEqual(questionText({ text: '`src/client.rs:14` expects `connect(addr)` — what should happen?', location: at }), 'expects `connect(addr)` — what should happen?');
    // A signal's own question follows the place with a colon.
    strictEqual(questionText({ text: '`src/client.rs:14`: `.unwrap()` panics — what then?', location: at }), '`.unwrap()` panics — what then?');
    // Without a link the text keeps its place, and a place other than the link's stays.
    strictEqual(questionText({ text: '`src/client.rs:14` expects `x` — why?' }), '`src/client.rs:14` expects `x` — why?');
    strictEqual(questionText({ text: '`src/main.rs:2` expects `x` — why?', location: at }), '`src/main.rs:2` expects `x` — why?');
    strictEqual(questionText({ text: 'How do you handle a missing file?', location: at }), 'How do you handle a missing file?');
  });

  it('shows the weighted score as a hint only when there is one', () => {
    strictEqual(weightedScoreHint(2.57), 'Weighted score 2.6 / 4 — a hint, not the recommendation');
    strictEqual(weightedScoreHint(undefined), undefined);
    strictEqual(weightedScoreHint(Number.NaN), undefined);
  });

  it('warns about unassessed categories only when there are some', () => {
    strictEqual(unassessedWarning(['Async', 'Lifetimes']), 'Not assessed yet: Async, Lifetimes');
    strictEqual(unassessedWarning([]), undefined);
  });

  it('marks backtick-quoted code in rubric text', () => {
    deepStrictEqual(inlineCodeParts('Uses `unwrap()` on `Result`.'), [
      { text: 'Uses ', code: false },
      { text: 'unwrap()', code: true },
      { text: ' on ', code: false },
      { text: 'Result', code: true },
      { text: '.', code: false },
    ]);
    deepStrictEqual(inlineCodeParts('an odd ` backtick'), [{ text: 'an odd ` backtick', code: false }]);
    deepStrictEqual(inlineCodeParts(''), []);
  });
});

describe('scorecard controls', () => {
  it('clears a level chosen again, and otherwise chooses it', () => {
    deepStrictEqual([levelAfterChoosing(undefined, 'yes'), levelAfterChoosing('no', 'yes'), levelAfterChoosing('yes', 'yes')], ['yes', 'yes', undefined]);
  });

  it('moves through the level buttons with arrows, wrapping, and with Home and End', () => {
    deepStrictEqual(
      ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'].map((key) => indexAfterKey(key, 3, 4)),
      [0, 0, 2, 2, 0, 3],
    );
    strictEqual(indexAfterKey('ArrowLeft', 0, 4), 3);
    strictEqual(indexAfterKey('Enter', 1, 4), undefined);
  });

  it('never replaces text the reviewer is typing or has not posted yet', () => {
    // Typing: focused, with or without unsent text.
    strictEqual(mayReplaceFieldText({ value: 'abcd', synced: 'abc', focused: true, typedInto: true }, 'abc'), false);
    strictEqual(mayReplaceFieldText({ value: 'abc', synced: 'abc', focused: true, typedInto: true }, 'imported'), false);
    // Left the field with text still waiting to be posted.
    strictEqual(mayReplaceFieldText({ value: 'abcd', synced: 'abc', focused: false, typedInto: true }, 'abc'), false);
    // Idle and in step with the extension: a new text (an import, an undo) is shown.
    strictEqual(mayReplaceFieldText({ value: 'abc', synced: 'abc', focused: false, typedInto: true }, 'imported'), true);
    strictEqual(mayReplaceFieldText({ value: 'same', synced: 'old', focused: false, typedInto: true }, 'same'), false);
  });

  it('fills a field with the first state even when it has the focus, unless the reviewer typed into it', () => {
    // A reopened window can put the focus in the summary before the saved review arrives.
    strictEqual(mayReplaceFieldText({ value: '', synced: undefined, focused: true, typedInto: false }, 'saved summary'), true);
    strictEqual(mayReplaceFieldText({ value: '', synced: undefined, focused: true, typedInto: true }, 'saved summary'), true);
    strictEqual(mayReplaceFieldText({ value: 'typed first', synced: undefined, focused: true, typedInto: true }, 'saved summary'), false);
  });

  it('always shows the extension\'s text in a field nobody has typed into, focused or not', () => {
    // An earlier state (an empty review, before the saved one was read) must not pin the field once it has the focus.
    strictEqual(mayReplaceFieldText({ value: '', synced: '', focused: true, typedInto: false }, 'saved summary'), true);
    strictEqual(mayReplaceFieldText({ value: 'old', synced: 'old', focused: true, typedInto: false }, 'imported'), true);
    strictEqual(mayReplaceFieldText({ value: '', synced: '', focused: true, typedInto: true }, 'saved summary'), false);
  });

  it('reads back a saved UI state and ignores what it does not recognise', () => {
    deepStrictEqual(readUiState({ expanded: ['async', 3, 'testing'], checklistOpen: true, commitsOpen: true, scrollY: 120 }), {
      expanded: ['async', 'testing'],
      checklistOpen: true,
      commitsOpen: true,
      scrollY: 120,
    });
    // A state saved before the history card had no commitsOpen.
    deepStrictEqual(readUiState({ expanded: [], checklistOpen: true, scrollY: 0 }), { expanded: [], checklistOpen: true, commitsOpen: false, scrollY: 0 });
    deepStrictEqual(readUiState(undefined), { expanded: [], checklistOpen: false, commitsOpen: false, scrollY: 0 });
    deepStrictEqual(readUiState({ expanded: 'async', checklistOpen: 'yes', commitsOpen: 1, scrollY: -5 }), { expanded: [], checklistOpen: false, commitsOpen: false, scrollY: 0 });
  });
});

describe('scorecard webview source', () => {
  // The view model carries the candidate's file names, code and a custom rubric's text: the webview
  // must only ever insert them as text. This keeps HTML-parsing and code-running sinks out of it.
  it('has no HTML-parsing or code-evaluating calls', () => {
    const dir = path.resolve('src/webview');
    const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval|Function|createContextualFragment|setHTMLUnsafe|parseFromString)\b\s*(\(|\+?=)|\bnew\s+Function\b|setAttribute\(\s*['"]on/;
    const offending = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        readFileSync(path.join(dir, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ where: `${file}:${index + 1}`, line }))
          .filter(({ line }) => sinks.test(line)),
      );
    deepStrictEqual(offending, []);
  });
});

describe('scorecard requests, the extension side', () => {
  it('answers a request under its sequence number with what became of it', async () => {
    deepStrictEqual(await replyTo({ type: 'import', id: 7 }, () => Promise.resolve({ status: 'done' })), { type: 'reply', id: 7, outcome: { status: 'done' } });
    deepStrictEqual(await replyTo({ type: 'export', format: 'json', to: 'file', id: 8 }, () => Promise.resolve({ status: 'cancelled' })), {
      type: 'reply',
      id: 8,
      outcome: { status: 'cancelled' },
    });
    const broken = { status: 'failed', error: 'review.json cannot be imported: the file is not JSON (Unexpected token).' } as const;
    deepStrictEqual(await replyTo({ type: 'import', id: 9 }, () => Promise.resolve(broken)), { type: 'reply', id: 9, outcome: broken });
  });

  it('turns a failure into a sentence the panel shows', async () => {
    const fail = () => Promise.reject(new Error('the clipboard is not available'));
    deepStrictEqual(await replyTo({ type: 'export', format: 'markdown', to: 'clipboard', id: 1 }, fail), {
      type: 'reply',
      id: 1,
      outcome: { status: 'failed', error: 'The review could not be copied: the clipboard is not available' },
    });
    deepStrictEqual((await replyTo({ type: 'export', format: 'json', to: 'file', id: 2 }, fail)).outcome, {
      status: 'failed',
      error: 'The review could not be saved: the clipboard is not available',
    });
    deepStrictEqual((await replyTo({ type: 'import', id: 3 }, () => Promise.reject(new Error('disk full')))).outcome, { status: 'failed', error: 'The review could not be imported: disk full' });
  });
});
