// The view model of the scorecard's "How they worked" card, from histories made by hand as the git
// reader reports them (test/unit/support/history.ts).
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { historyCardView, MAX_TIMELINE_COMMITS } from '../../src/presentation/scorecardHistory';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { chooseHistoryQuestion, emptyReview, pinCommit, recordBaseline } from '../../src/rubric/review';
import { CHANGE_COUNTS, commit, dumpHistory, pinnedCommit, stepsHistory, withBaseline } from './support/history';

const NOW = new Date('2026-11-24T10:30:00Z');

describe('the "How they worked" card', () => {
  const review = emptyReview({ name: 'kvstore' }, 'abc', DEFAULT_RUBRIC, NOW);

  it('says the history is being read, then why it is not available', () => {
    deepStrictEqual(historyCardView(undefined, review, 4), { history: { state: 'reading' }, pinned: [], questions: [] });
    deepStrictEqual(historyCardView({ history: { available: false, reason: 'the folder has no .git (a zip or a web editor)' } }, review, 4), {
      history: { state: 'unavailable', reason: 'the folder has no .git (a zip or a web editor)' },
      pinned: [],
      questions: [],
    });
  });

  it('shows the baseline the review recorded until one is in force, then the one in force', () => {
    const recorded = recordBaseline(review, { kind: 'folder', path: 'starter', label: 'folder starter' }, NOW);
    deepStrictEqual(historyCardView(undefined, recorded, 4).baseline, { state: 'recorded', label: 'folder starter' });
    deepStrictEqual(historyCardView({ history: dumpHistory(), noProposal: 'one author' }, recorded, 4).baseline, { state: 'recorded', label: 'folder starter' });
    strictEqual(historyCardView(withBaseline(dumpHistory()), recorded, 4).baseline?.state, 'in-force');
  });

  it('places the commits by time and sizes them by lines changed, so the dump stands out', () => {
    const view = historyCardView({ history: dumpHistory() }, pinCommit(review, pinnedCommit(4, NOW), NOW), 4);
    strictEqual(view.history.state, 'available');
    if (view.history.state !== 'available') return;
    const { commits } = view.history;
    deepStrictEqual(
      commits.map((c) => [c.number, c.at.toFixed(3), c.size.toFixed(3), c.dump, c.tests, c.vague, c.pinned]),
      [
        [1, '0.000', '0.111', false, false, false, false],
        [2, '0.021', '0.065', false, false, true, false],
        [3, '0.048', '0.102', false, false, false, false],
        [4, '0.952', '1.000', true, false, false, true],
        [5, '1.000', '0.074', false, true, false, false],
      ],
    );
    deepStrictEqual([commits[2].subject, commits[2].time], ['Parse commands with a hand-written tokenizer', '2026-11-20 10:30 +01:00']);
    strictEqual(view.history.timeBoxAt?.toFixed(3), (4 / 31.5).toFixed(3));
    strictEqual(
      view.history.description,
      '5 commits, from 2026-11-20 09:00 +01:00 to 2026-11-21 16:30 +01:00. Commit 4 stands out, with at least half of the lines changed. Tests changed in commit 5. The time-box ends 13% of the way along.',
    );
    deepStrictEqual(view.pinned, [{ id: pinnedCommit(4, NOW).commit, number: 4, subject: 'Replace the parser', time: '2026-11-21 15:00 +01:00', files: 5, insertions: 700, deletions: 380 }]);
  });

  it('spaces commits of one instant evenly, and keeps only the latest commits of a long history', () => {
    const history = stepsHistory();
    history.commits = Array.from({ length: MAX_TIMELINE_COMMITS + 50 }, (_, i) => commit(i + 1, '2026-11-20T10:00:00Z', `step ${i + 1}`));
    history.summary.commits = history.commits.length;
    const view = historyCardView({ history }, review, undefined);
    if (view.history.state !== 'available') throw new Error(view.history.state);
    deepStrictEqual([view.history.commits.length, view.history.earlier, view.history.commits[0].number, view.history.commits[0].at, view.history.commits.at(-1)?.at], [MAX_TIMELINE_COMMITS, 50, 51, 0, 1]);
    ok(view.history.description.startsWith(`${MAX_TIMELINE_COMMITS} commits (the latest; 50 earlier ones are left off)`), view.history.description);
  });

  it('offers the questions, keeps a chosen one the history no longer raises, and lists a pinned commit it no longer holds', () => {
    let chosen = chooseHistoryQuestion(review, 'An older question', true, NOW);
    chosen = pinCommit(chosen, { ...pinnedCommit(2, NOW), commit: 'f'.repeat(40) }, NOW);
    const view = historyCardView({ history: dumpHistory() }, chosen, undefined);
    deepStrictEqual(
      view.questions.map((q) => [q.text.slice(0, 30), q.chosen]),
      [
        ['Commit 4, “Replace the parser”', false],
        ['The tests came in the last com', false],
        ['An older question', true],
      ],
    );
    strictEqual(view.pinned[0].number, undefined);
  });

  it('shows the baseline in force and what the candidate changed, each file opening at its first line of theirs', () => {
    const view = historyCardView(withBaseline(dumpHistory()), review, undefined);
    deepStrictEqual(view.baseline, {
      state: 'in-force',
      label: 'commit 1111111 (start)',
      changes: {
        ...CHANGE_COUNTS,
        files: [
          { file: 'src/parser.rs', status: 'added', added: 300, removed: 0, location: { file: 'src/parser.rs', line: 0, character: 0, endLine: 0, endCharacter: 0 } },
          { file: 'src/main.rs', status: 'changed', added: 40, removed: 12, location: { file: 'src/main.rs', line: 9, character: 0, endLine: 9, endCharacter: 0 } },
          { file: 'src/old_parser.rs', status: 'removed', added: 0, removed: 90 },
        ],
      },
    });
  });

  it('shows a proposed baseline and why, until the reviewer confirms it', () => {
    const proposal = { baseline: { kind: 'commit' as const, commit: dumpHistory().commits[0].id, label: '1111111' }, reason: 'the root commit is by another author than the later ones' };
    deepStrictEqual(historyCardView({ history: dumpHistory(), proposal }, review, undefined).baseline, {
      state: 'proposed',
      label: 'commit 1111111',
      reason: 'the root commit is by another author than the later ones',
    });
    deepStrictEqual(historyCardView({ history: dumpHistory(), baseline: { kind: 'folder', path: 'starter/' } }, review, undefined).baseline, { state: 'in-force', label: 'folder starter/' });
  });
});
