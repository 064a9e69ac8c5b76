// Blind review's pure side: the review's blind record, and the scorecard's view and the exports
// masked, over the careless sample's real findings with a candidate's name put where names hide.
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import path from 'node:path';
import { scanDirectory } from '../../src/cli/scan';
import { blindOtherReview, blindReview, blindScorecardView, maskExport } from '../../src/presentation/blindView';
import type { RepositoryHistory } from '../../src/history/model';
import { historyCardView } from '../../src/presentation/scorecardHistory';
import { buildScorecard, categoryView } from '../../src/presentation/scorecardModel';
import { blindRecordWords, isBlind, revealCandidate, startBlind } from '../../src/rubric/blindRecord';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { reviewToJson, reviewToMarkdown } from '../../src/rubric/export';
import { chooseQuestion, emptyReview, parseReview, pinEvidence, updateCategory, type Review } from '../../src/rubric/review';
import { evidenceFor } from '../../src/rubric/scoring';
import { calibrate } from '../../src/team/calibration';
import { calibrationToMarkdown } from '../../src/team/calibrationMarkdown';
import { candidateCode } from '../../src/team/candidateCode';
import { candidateIdentities } from '../../src/team/identities';
import { createMasker } from '../../src/team/masking';

const NOW = new Date('2026-12-06T21:04:30Z');
const LATER = new Date('2026-12-06T22:40:00Z');
const SAMPLE = path.resolve('test/fixtures/careless-takehome');
const REMOTE = 'git@github.com:janedoe/kvstore.git';
/** Every way the candidate is named below; none may be left in what a blind review shows. */
const NAMES = /jane|doe\b|janedoe|jd@doe|"JD"/i;
const JANE = { name: 'Jane "JD" Doe', email: 'jd@doe.dev' };
/** A history whose only commit the candidate wrote, for the "How they worked" card. */
const HISTORY: RepositoryHistory = {
  history: {
    available: true,
    commits: [{ id: 'a'.repeat(40), author: JANE, committer: JANE, time: '2026-12-01T10:00:00+01:00', message: 'First version, by Jane', parents: [], files: 3, insertions: 120, deletions: 0, testFiles: 1, codeFiles: 2 }],
    summary: { commits: 1, first: '2026-12-01T10:00:00+01:00', last: '2026-12-01T10:00:00+01:00', spanHours: 0, dumps: [], tests: 'along-the-way', vagueMessages: [], authors: [JANE] },
  },
};

describe('blind review', () => {
  it('records when a review went blind and when it was revealed, and a revealed review stays revealed', () => {
    const review = emptyReview({ name: 'kvstore' }, undefined, DEFAULT_RUBRIC, NOW);
    strictEqual(isBlind(review), false);
    const blind = startBlind(review, NOW);
    deepStrictEqual([isBlind(blind), blind.blind], [true, { startedAt: NOW.toISOString() }]);
    const revealed = revealCandidate(blind, LATER);
    deepStrictEqual([isBlind(revealed), revealed.blind], [false, { startedAt: NOW.toISOString(), revealedAt: LATER.toISOString() }]);
    strictEqual(startBlind(revealed, LATER), revealed);
    strictEqual(revealCandidate(review, LATER), review);
    deepStrictEqual(
      [blindRecordWords(blind.blind!), blindRecordWords(revealed.blind!)],
      ['blind from 2026-12-06 21:04 UTC, not revealed at the export', 'blind from 2026-12-06 21:04 UTC, revealed 2026-12-06 22:40 UTC'],
    );
  });

  it('reads reviews from before blind review, and names a malformed blind record', () => {
    const old = JSON.parse(JSON.stringify(emptyReview({ name: 'kvstore' }, undefined, DEFAULT_RUBRIC, NOW))) as Review;
    deepStrictEqual(parseReview(old), { review: old });
    const revealed = revealCandidate(startBlind(old, NOW), LATER);
    deepStrictEqual(parseReview(revealed), { review: revealed });
    for (const blind of [true, { revealedAt: 'x' }, { startedAt: 'x', revealedAt: 3 }]) {
      deepStrictEqual(parseReview({ ...old, blind }), { error: 'the blind review record is malformed' });
    }
  });

  describe('over the careless sample', () => {
    const identities = candidateIdentities({
      people: [JANE],
      remote: REMOTE,
      license: 'Copyright (c) 2026 Jane Doe\n',
    });
    const code = candidateCode({ remote: REMOTE, folderName: 'kvstore-jane' });
    const mask = createMasker(identities, code);

    async function scorecard() {
      const report = await scanDirectory(SAMPLE, { threads: 0, bundleDir: path.resolve('dist'), includeTests: true });
      let review = startBlind(emptyReview({ name: 'kvstore-jane', remote: REMOTE }, 'c0ffee', DEFAULT_RUBRIC, NOW), NOW);
      review = updateCategory(review, 'error-handling', { level: 'no', notes: 'Asked Jane about it' }, NOW);
      const snippet = '// Written by Jane "JD" Doe <jd@doe.dev>\nlet data = store.lock().unwrap();';
      review = pinEvidence(review, { id: 'p1', categoryId: 'concurrency', file: 'src/server.rs', range: { startLine: 107, startCharacter: 8, endLine: 108, endCharacter: 12 }, snippet, note: 'Doe holds the lock', createdAt: NOW.toISOString() }, NOW);
      const evidence = new Map(DEFAULT_RUBRIC.categories.map((c) => [c.id, evidenceFor(c, report.findings, 1000)]));
      // A question that names the candidate, as a generated one does when their name is in the code.
      const offered = DEFAULT_RUBRIC.categories.find((c) => c.id === 'testing')!;
      const rubric = { ...DEFAULT_RUBRIC, categories: DEFAULT_RUBRIC.categories.map((c) => (c === offered ? { ...c, question: 'Jane, how did you test the store?' } : c)) };
      const categories = rubric.categories.map((c) => categoryView(c, evidence.get(c.id)!, review));
      const view = buildScorecard({ review, rubric, categories, history: historyCardView(HISTORY, review, undefined), scan: { state: 'done', files: 8, skipped: 0 } });
      return { review, rubric, evidence, view };
    }

    it('shows the scorecard without a name, the repository as its code, and locations that still open', async () => {
      const { view } = await scorecard();
      ok(NAMES.test(JSON.stringify(view)), 'the unmasked view names the candidate');
      const blind = blindScorecardView(view, mask, code);
      const { notes: _notes, ...shown } = blind.categories.find((c) => c.id === 'error-handling')!;
      const others = blind.categories.filter((c) => c.id !== 'error-handling');
      strictEqual(NAMES.test(JSON.stringify({ ...blind, categories: [shown, ...others] })), false);
      deepStrictEqual(blind.repository, { name: code, commit: 'c0ffee' });
      // The reviewer's own notes are theirs, edited in place: the export masks them, the panel does not.
      strictEqual(blind.categories.find((c) => c.id === 'error-handling')!.notes, 'Asked Jane about it');
      const pinned = blind.categories.find((c) => c.id === 'concurrency')!.pinned[0];
      deepStrictEqual([pinned.file, pinned.line, pinned.note], ['src/server.rs', 107, `${code} holds the lock`]);
      deepStrictEqual(
        blind.categories.flatMap((c) => c.top).map((f) => f.file),
        view.categories.flatMap((c) => c.top).map((f) => f.file),
      );
    });

    it('lists a question chosen while blind once, chosen, as the panel saved it', async () => {
      const { review, rubric, evidence } = await scorecard();
      const masked = `${code}, how did you test the store?`;
      const chosen = chooseQuestion(review, 'testing', masked, true, NOW);
      const categories = rubric.categories.map((c) => categoryView(c, evidence.get(c.id)!, chosen));
      const view = buildScorecard({ review: chosen, rubric, categories, history: historyCardView(HISTORY, chosen, undefined), scan: { state: 'done', files: 8, skipped: 0 } });
      const testing = blindScorecardView(view, mask, code).categories.find((c) => c.id === 'testing')!;
      deepStrictEqual(testing.questions.filter((q) => q.text === masked).map((q) => q.chosen), [true]);
    });

    it('exports Markdown and JSON without a name, saying the review was blind', async () => {
      const { review, rubric, evidence } = await scorecard();
      const context = { review: blindReview(review, code), rubric, reviewer: 'Ada Lovelace', date: LATER, evidence, source: () => undefined, history: HISTORY };
      const markdown = maskExport(reviewToMarkdown(context), 'markdown', mask);
      strictEqual(NAMES.test(markdown), false, markdown);
      ok(markdown.startsWith(`# Rust take-home review: ${code}\n`));
      ok(markdown.includes('- **Blind review:** blind from 2026-12-06 21:04 UTC, not revealed at the export\n'));
      const json = maskExport(reviewToJson(context), 'json', mask);
      strictEqual(NAMES.test(json), false, json);
      const exported = JSON.parse(json) as Review;
      deepStrictEqual([exported.repository, exported.blind, exported.reviewer], [{ name: code }, { startedAt: NOW.toISOString() }, 'Ada Lovelace']);
      ok('review' in parseReview(exported), 'the blind export imports');
    });

    it("calibrates against a colleague's review that names the candidate without a name, and keeps another repository apart", async () => {
      const { review, rubric, evidence } = await scorecard();
      const context = { review: blindReview(review, code), rubric, reviewer: 'Ada Lovelace', date: LATER, evidence, source: () => undefined };
      const mine = parseReview(JSON.parse(maskExport(reviewToJson(context), 'json', mask)));
      ok('review' in mine);
      let theirs = updateCategory(emptyReview({ name: 'kvstore-jane', remote: REMOTE }, 'c0ffee', rubric, NOW), 'error-handling', { level: 'strong-yes', notes: 'Jane Doe handles errors well' }, NOW);
      theirs = { ...theirs, reviewer: 'Grace Hopper' };
      const markdown = mask(calibrationToMarkdown(calibrate(mine.review, blindOtherReview(theirs, review.repository, mask, code), rubric)));
      strictEqual(NAMES.test(markdown), false, markdown);
      ok(markdown.startsWith(`# Calibration: ${code}\n`));
      ok(markdown.includes(`| Error Handling | No | Strong Yes | **2 levels apart** |`), markdown);
      ok(markdown.includes(`**Grace Hopper:** ${code} handles errors well`));
      const elsewhere = blindOtherReview({ ...theirs, repository: { name: 'another-candidate' } }, review.repository, mask, code);
      deepStrictEqual(elsewhere.repository, { name: 'another-candidate' });
    });
  });
});
