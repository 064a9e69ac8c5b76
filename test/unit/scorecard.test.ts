import { deepStrictEqual } from 'node:assert';
import path from 'node:path';
import { scanDirectory } from '../../src/cli/scan';
import type { Finding } from '../../src/analysis/model';
import { historyCardView } from '../../src/presentation/scorecardHistory';
import { buildScorecard, categoryView } from '../../src/presentation/scorecardModel';
import { evidenceFor } from '../../src/rubric/scoring';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { chooseQuestion, emptyReview, pinEvidence, setRecommendation, updateCategory } from '../../src/rubric/review';

const NOW = new Date('2026-11-24T12:00:00Z');
const SAMPLE = path.resolve('test/fixtures/careless-takehome');

describe('scorecard view', () => {
  it('puts the evidence, a suggestion and questions from the code beside each category', async () => {
    const report = await scanDirectory(SAMPLE, { threads: 0, bundleDir: path.resolve('dist'), includeTests: true });
    let review = emptyReview({ name: 'careless' }, 'c0ffee', DEFAULT_RUBRIC, NOW);
    review = updateCategory(review, 'error-handling', { level: 'no', notes: 'unwraps everywhere' }, NOW);
    review = setRecommendation(review, 'no', NOW);
    review = pinEvidence(
      review,
      {
        id: 'p1',
        categoryId: 'concurrency',
        file: 'src/server.rs',
        range: { startLine: 107, startCharacter: 8, endLine: 107, endCharacter: 12 },
        commit: 'beef',
        snippet: 'let data = store.lock().unwrap();',
        createdAt: NOW.toISOString(),
      },
      NOW,
    );
    // The receivers as the rules report them, set here so that these questions do not depend on the rules' wording of a subject.
    const subjects: Record<string, string> = { 'src/client.rs:13': 'TcpStream::connect(addr)', 'src/client.rs:27': 'stream.write_all(line.as_bytes())' };
    const findings = report.findings.map(({ subject, ...f }) => {
      const given = subjects[`${f.file}:${f.range.start.line}`];
      return given ? { ...f, subject: given } : f;
    });
    const question = '`src/compaction.rs:15` … placeholder';
    review = chooseQuestion(review, 'async', question, true, NOW);
    const categories = DEFAULT_RUBRIC.categories.map((c) => categoryView(c, evidenceFor(c, findings, 1000), review));
    const view = buildScorecard({ review, rubric: DEFAULT_RUBRIC, categories, history: historyCardView(undefined, review, undefined), scan: { state: 'done', files: 8, skipped: 0 } });

    deepStrictEqual([view.recommendation, view.weightedScore, view.unassessed.length], ['no', 2, 6]);
    const errors = view.categories.find((c) => c.id === 'error-handling')!;
    // 27 unwraps, 7 expects, 2 map_err, a panic!, a todo! and a let _ in src/ and build.rs.
    deepStrictEqual([errors.level, errors.notes, errors.counts.concern], ['no', 'unwraps everywhere', { code: 39, test: 2 }]);
    // 39 concerns weighed per 1,000 lines, the todo! twice and the panic! one and a half times.
    deepStrictEqual(errors.suggestion, {
      level: 'strong-no',
      reason: "pervasive concerns (41 weighted per 1,000 lines of the crate's own code, mostly `unwrap` and `expect`); 1 kind of strength (`try-operator`)",
    });
    // Questions follow the ranked evidence: the unfinished handler, the panic, then the first unwrap.
    deepStrictEqual(
      errors.questions.map((q) => [q.text, q.chosen, q.location?.line]),
      [
        ["You're reading a file that may not exist. How do you handle it, and what does the user see when it is missing?", false, undefined],
        ['`src/server.rs:101`: unfinished code: `todo!`/`unimplemented!` panics when reached — which parts did you leave unfinished, and how did you decide what to finish first?', false, 100],
        ['`src/main.rs:76`: `panic!` ends the thread instead of returning an error — could a caller recover from this condition? Why panic rather than return an error?', false, 75],
        // A finding without a subject is asked its signal's own question.
        ['`build.rs:8`: `.unwrap()` panics on `None`/`Err` instead of handling it — what should happen here when this value is missing or the operation fails?', false, 7],
      ],
    );
    // Two of the client's many unwraps, then its expect: its question names the call it expects.
    const inClient = findings.filter((f) => f.file === 'src/client.rs');
    const client = categoryView(DEFAULT_RUBRIC.categories.find((c) => c.id === 'error-handling')!, evidenceFor(DEFAULT_RUBRIC.categories.find((c) => c.id === 'error-handling')!, inClient, 1000), review);
    deepStrictEqual(
      client.questions.slice(1).map((q) => [q.text, q.location?.line]),
      [
        ['`src/client.rs:17`: `.unwrap()` panics on `None`/`Err` instead of handling it — what should happen here when this value is missing or the operation fails?', 16],
        ['`src/client.rs:28` unwraps `stream.write_all(line.as_bytes())` — what should happen when it fails?', 27],
        ['`src/client.rs:14` expects `TcpStream::connect(addr)` — what should happen when the other side has gone away or the network fails?', 13],
      ],
    );
    // The unfinished request handler first, then the most serious finding of each other signal.
    deepStrictEqual(errors.top.map((f) => [f.rule, f.file, f.line]).slice(0, 3), [['todo', 'src/server.rs', 100], ['panic', 'src/main.rs', 75], ['unwrap', 'build.rs', 7]]);
    const concurrency = view.categories.find((c) => c.id === 'concurrency')!;
    deepStrictEqual(concurrency.pinned.map((p) => [p.file, p.line, p.olderCommit]), [['src/server.rs', 107, true]]);
    const asyncCard = view.categories.find((c) => c.id === 'async')!;
    // A chosen question stays listed even when no finding raises it any more.
    deepStrictEqual(asyncCard.questions.filter((q) => q.chosen).map((q) => q.text), [question]);
    const testing = view.categories.find((c) => c.id === 'testing')!;
    deepStrictEqual(testing.suggestion, { level: 'no', reason: 'happy-path unit tests only; nothing tests error paths and the public interface; every test asserts something' });
  });

  it("keeps each finding's workspace folder on its location, so that a path two folders hold opens in the right one", () => {
    const errors = DEFAULT_RUBRIC.categories.find((c) => c.id === 'error-handling')!;
    const unwrap = (line: number): Finding => ({
      rule: 'unwrap',
      category: 'error-handling',
      polarity: 'concern',
      severity: 'information',
      message: '`.unwrap()` panics',
      file: 'src/main.rs',
      range: { start: { line, character: 4 }, end: { line, character: 12 } },
      startIndex: 0,
      endIndex: 8,
      context: 'code',
    });
    const [inFirst, inSecond] = [unwrap(1), unwrap(2)];
    const folders = new Map([[inFirst, 'file:///work/first'], [inSecond, 'file:///work/second']]);
    const card = categoryView(errors, evidenceFor(errors, [inFirst, inSecond], 1000), emptyReview({ name: 'two' }, undefined, DEFAULT_RUBRIC, NOW), (f) => folders.get(f));
    deepStrictEqual(card.top.map((f) => [f.file, f.line, f.workspaceFolder]), [['src/main.rs', 1, 'file:///work/first'], ['src/main.rs', 2, 'file:///work/second']]);
    deepStrictEqual(card.questions.filter((q) => q.location).map((q) => [q.location?.line, q.location?.workspaceFolder]), [[1, 'file:///work/first'], [2, 'file:///work/second']]);
  });
});
