// What the rubric makes of the candidate's history: the readings shown alike by the card and the
// export, the follow-up questions, and the export's section. Histories made by hand as the git
// reader reports them (test/unit/support/history.ts).
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { reviewToJson, reviewToMarkdown, type ExportContext } from '../../src/rubric/export';
import { durationText, historyFacts, timeBoxHours, timeText } from '../../src/rubric/historyFacts';
import { historyQuestions } from '../../src/rubric/historyQuestions';
import { chooseHistoryQuestion, emptyReview, parseReview, pinCommit, recordBaseline, type Review } from '../../src/rubric/review';
import { CHANGE_COUNTS, commit, dumpHistory, pinnedCommit, stepsHistory, withBaseline } from './support/history';

const NOW = new Date('2026-11-24T10:30:00Z');

describe('the history in words', () => {
  it('says durations and times as a reviewer reads them, in the author\'s own clock', () => {
    deepStrictEqual([0.75, 6.5, 4, 31.5, 75].map(durationText), ['45 min', '6 h 30 min', '4 h', '31 h 30 min', '3 days 3 h']);
    deepStrictEqual(
      [timeText('2026-11-21T15:02:09+01:00'), timeText('2026-11-21T15:02:00Z'), timeText('yesterday')],
      ['2026-11-21 15:02 +01:00', '2026-11-21 15:02 UTC', 'yesterday'],
    );
  });

  it('reads a dump, tests at the end and a span far over the time-box as worth asking about', () => {
    deepStrictEqual(historyFacts(dumpHistory(), 4), [
      { label: 'Commits', text: '5, by 1 author', notable: false },
      { label: 'First commit', text: '2026-11-20 09:00 +01:00', notable: false },
      { label: 'Last commit', text: '2026-11-21 16:30 +01:00', notable: false },
      { label: 'Span', text: '31 h 30 min from the first commit to the last, against a time-box of 4 h', notable: true },
      { label: 'Steps', text: 'One dump: commit 4 holds 74% of the 1,460 lines changed', notable: true },
      { label: 'Tests', text: 'Came only at the end, after the code', notable: true },
      { label: 'Messages', text: '1 of 5 say nothing (“wip”)', notable: false },
    ]);
  });

  it('reads steps with their tests and explaining messages as nothing to ask about', () => {
    const facts = historyFacts(stepsHistory(), 4);
    deepStrictEqual(facts.filter((fact) => fact.notable), []);
    deepStrictEqual(facts.map((fact) => fact.text).slice(3), ['3 h from the first commit to the last, against a time-box of 4 h', 'In steps: the largest commit holds 27% of the lines changed', 'Came along with the code', 'Each says what changed']);
  });

  it("takes the rubric's time-box first, else the one the history was read with", () => {
    const history = dumpHistory();
    history.summary.expectedHours = 8;
    deepStrictEqual(
      [timeBoxHours({ ...DEFAULT_RUBRIC, expectedHours: 4 }, history), timeBoxHours(DEFAULT_RUBRIC, history), timeBoxHours(DEFAULT_RUBRIC, { available: false, reason: 'no .git' })],
      [4, 8, undefined],
    );
  });
});

describe('follow-up questions from the history', () => {
  it('asks about a dump, a span far over the time-box and tests at the end, naming the commit', () => {
    deepStrictEqual(historyQuestions(dumpHistory(), 4), [
      'Commit 4, “Replace the parser”, changed 1,080 of the 1,460 lines in one step — what made you change approach, and how did you check that nothing broke?',
      'The commits span 31 h 30 min against a time-box of 4 h — how did your time on it break down, and what would you have left out to fit the time-box?',
      'The tests came in the last commits, after the code — how did you check that the code worked while you were writing it?',
    ]);
  });

  it('asks nothing of a span within twice the time-box, or without one', () => {
    ok(!historyQuestions(dumpHistory(), 16).some((q) => q.includes('time-box')));
    ok(!historyQuestions(dumpHistory(), undefined).some((q) => q.includes('time-box')));
  });

  it('asks nothing of steps with their tests', () => {
    deepStrictEqual(historyQuestions(stepsHistory(), 4), []);
  });

  it('asks about one commit for the whole project, no tests, and messages that say little', () => {
    const one = { ...stepsHistory(), commits: [commit(1, '2026-11-20T10:00:00Z', 'everything', { testFiles: 0 })] };
    one.summary = { ...one.summary, commits: 1, dumps: [], tests: 'none', vagueMessages: [] };
    deepStrictEqual(historyQuestions(one, undefined), [
      'The whole project arrived in one commit — how did you work up to it, and what did your first working version look like?',
      'No commit added or changed a test — how did you convince yourself that the code works, and what would you test first?',
    ]);
    const vague = stepsHistory();
    vague.summary.vagueMessages = vague.commits.slice(0, 2).map((c) => c.id);
    deepStrictEqual(historyQuestions(vague, undefined), ['2 of the 4 commit messages say little — pick one of those commits and tell me what it changed and why.']);
  });

  it('quotes a message without the backticks the panel would read as code, and cuts a long one', () => {
    const history = dumpHistory();
    history.commits[3] = { ...history.commits[3], message: `Use \`nom\` ${'for everything '.repeat(8)}` };
    const [question] = historyQuestions(history, undefined);
    ok(question.startsWith("Commit 4, “Use 'nom' for everything for everything"), question);
    ok(question.includes('…”, changed'), question);
  });
});

describe('the history in the export', () => {
  function context(review: Review, history?: ExportContext['history']): ExportContext {
    return { review, rubric: { ...DEFAULT_RUBRIC, expectedHours: 4 }, reviewer: 'Ada', date: NOW, evidence: new Map(), source: () => undefined, ...(history ? { history } : {}) };
  }
  const section = (markdown: string) => markdown.slice(markdown.indexOf('## How they worked'), markdown.indexOf('\n## ', markdown.indexOf('## How they worked') + 1));

  it('writes what the history says, the baseline, the pinned commits and the chosen questions', () => {
    let review = emptyReview({ name: 'kvstore', remote: 'git@github.com:candidate/kvstore.git' }, 'abc', DEFAULT_RUBRIC, NOW);
    review = pinCommit(review, { ...pinnedCommit(4, NOW), subject: 'Replace the *parser* <b>' }, NOW);
    review = chooseHistoryQuestion(review, historyQuestions(dumpHistory(), 4)[0], true, NOW);
    const markdown = reviewToMarkdown(context(review, withBaseline(dumpHistory())));
    ok(markdown.indexOf('## Scorecard') < markdown.indexOf('## How they worked') && markdown.indexOf('## How they worked') < markdown.indexOf('## Ownership'), 'the section is not between the levels and the categories');
    strictEqual(
      section(markdown),
      [
        '## How they worked',
        '',
        '_Commit times and authors can be rewritten: a prompt for questions, not proof._',
        '',
        '- **Commits:** 5, by 1 author',
        '- **First commit:** 2026-11-20 09:00 +01:00',
        '- **Last commit:** 2026-11-21 16:30 +01:00',
        '- **Span:** 31 h 30 min from the first commit to the last, against a time-box of 4 h _(worth asking about)_',
        '- **Steps:** One dump: commit 4 holds 74% of the 1,460 lines changed _(worth asking about)_',
        '- **Tests:** Came only at the end, after the code _(worth asking about)_',
        '- **Messages:** 1 of 5 say nothing (“wip”)',
        '',
        "**Baseline:** commit 1111111 (start), in force: the lines unchanged since it are the starter's. The candidate changed 3 files: 1 added, 1 changed, 1 removed; +340 −102 lines.",
        '',
        '**Pinned commits:**',
        '',
        `- [\`4444444\`](https://github.com/candidate/kvstore/commit/${'4'.repeat(40)}) 2026-11-21 15:00 +01:00 “Replace the \\*parser\\* \\<b\\>” (+700 −380 in 5 files)`,
        '',
        '**Follow-up questions:**',
        '',
        '- Commit 4, “Replace the parser”, changed 1,080 of the 1,460 lines in one step — what made you change approach, and how did you check that nothing broke?',
        '',
      ].join('\n'),
    );
  });

  it('says why the history is not available, and leaves the section out when nothing is known of it', () => {
    const review = emptyReview({ name: 'kvstore' }, undefined, DEFAULT_RUBRIC, NOW);
    const markdown = reviewToMarkdown(context(review, { history: { available: false, reason: 'the folder has no .git' } }));
    ok(section(markdown).includes('History is not available: the folder has no .git'), section(markdown));
    ok(section(markdown).includes("**Baseline:** none: every line counts as the candidate's."), section(markdown));
    ok(!reviewToMarkdown(context(review)).includes('How they worked'));
  });

  it('says which baseline the review recorded when none is in force now, in the Markdown and the JSON', () => {
    const recorded = { kind: 'commit' as const, commit: '1'.repeat(40), label: 'commit 1111111 (start)' };
    const review = recordBaseline(emptyReview({ name: 'kvstore' }, 'abc', DEFAULT_RUBRIC, NOW), recorded, NOW);
    for (const history of [undefined, { history: dumpHistory() }]) {
      const markdown = reviewToMarkdown(context(review, history));
      ok(
        section(markdown).includes("**Baseline:** commit 1111111 (start), as the review recorded it: the levels were chosen with the lines unchanged since it set apart as the starter's."),
        section(markdown),
      );
      const exported = JSON.parse(reviewToJson(context(review, history))) as Record<string, unknown>;
      deepStrictEqual(exported.baseline, recorded);
      const imported = parseReview(exported);
      ok('review' in imported, JSON.stringify(imported));
      deepStrictEqual(imported.review.baseline, recorded);
    }
    // In force, the history's baseline is named as before, with what changed since it.
    ok(section(reviewToMarkdown(context(review, withBaseline(dumpHistory())))).includes("**Baseline:** commit 1111111 (start), in force: the lines unchanged since it are the starter's."));
  });

  it('carries the summary and the baseline in the JSON, and the pinned commits import back', () => {
    const review = pinCommit(emptyReview({ name: 'kvstore' }, 'abc', DEFAULT_RUBRIC, NOW), pinnedCommit(4, NOW), NOW);
    const exported = JSON.parse(reviewToJson(context(review, withBaseline(dumpHistory())))) as Record<string, unknown>;
    const history = exported.history as Record<string, unknown>;
    deepStrictEqual(history.summary, dumpHistory().summary);
    deepStrictEqual(history.baseline, { kind: 'commit', commit: '1'.repeat(40), label: 'start' });
    deepStrictEqual(history.changes, {
      ...CHANGE_COUNTS,
      files: [
        { path: 'src/parser.rs', status: 'added', added: 300, removed: 0 },
        { path: 'src/main.rs', status: 'changed', added: 40, removed: 12 },
        { path: 'src/old_parser.rs', status: 'removed', added: 0, removed: 90 },
      ],
    });
    const imported = parseReview(exported);
    ok('review' in imported, JSON.stringify(imported));
    deepStrictEqual(imported.review.commits, [pinnedCommit(4, NOW)]);
  });
});
