import { deepStrictEqual, ok } from 'node:assert';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import {
  baselineRecord,
  chooseHistoryQuestion,
  emptyReview,
  parseReview,
  pinCommit,
  pinEvidence,
  recordBaseline,
  reviewKey,
  unpinCommit,
  unpinEvidence,
  type PinnedCommit,
  type PinnedEvidence,
} from '../../src/rubric/review';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('review state', () => {
  const review = emptyReview({ name: 'kvstore' }, 'abc', DEFAULT_RUBRIC, NOW);
  const evidence: PinnedEvidence = {
    id: 'e1',
    categoryId: 'error-handling',
    file: 'src/main.rs',
    range: { startLine: 3, startCharacter: 4, endLine: 3, endCharacter: 12 },
    commit: 'abc',
    snippet: 'x.unwrap()',
    createdAt: NOW.toISOString(),
  };

  it('starts with every rubric category unscored', () => {
    deepStrictEqual(Object.keys(review.categories), DEFAULT_RUBRIC.categories.map((c) => c.id));
    deepStrictEqual(review.rubric, { id: 'rust-takehome-default', version: '1.0.0' });
  });

  it('pins and unpins evidence', () => {
    const pinned = pinEvidence(review, evidence, NOW);
    deepStrictEqual(pinned.evidence, [evidence]);
    deepStrictEqual(unpinEvidence(pinned, 'e1', NOW).evidence, []);
  });

  const commit: PinnedCommit = { commit: 'c7'.padEnd(40, '0'), subject: 'Replace the parser', time: '2026-11-20T15:02:00+01:00', files: 6, insertions: 420, deletions: 380, createdAt: NOW.toISOString() };

  it('pins a commit once, and unpins it', () => {
    const pinned = pinCommit(pinCommit(review, commit, NOW), commit, NOW);
    deepStrictEqual(pinned.commits, [commit]);
    deepStrictEqual(unpinCommit(pinned, commit.commit, NOW).commits, []);
  });

  it("chooses the history's questions apart from the categories'", () => {
    const chosen = chooseHistoryQuestion(chooseHistoryQuestion(review, 'Why one commit?', true, NOW), 'Why one commit?', true, NOW);
    deepStrictEqual(chosen.historyQuestions, ['Why one commit?']);
    deepStrictEqual(chooseHistoryQuestion(chosen, 'Why one commit?', false, NOW).historyQuestions, []);
    deepStrictEqual(Object.keys(chosen.categories), Object.keys(review.categories));
  });

  it('reads a review saved before commits could be pinned, and one with pinned commits', () => {
    const old = JSON.parse(JSON.stringify(review));
    deepStrictEqual(['commits' in old, 'historyQuestions' in old], [false, false]);
    deepStrictEqual(parseReview(old), { review: old });
    const written = JSON.parse(JSON.stringify(chooseHistoryQuestion(pinCommit(review, commit, NOW), 'Why?', true, NOW)));
    deepStrictEqual(parseReview(written), { review: written });
  });

  it('records the baseline it was scored against, and reads it back', () => {
    const start = baselineRecord({ kind: 'commit', commit: '1'.repeat(40), label: 'start' }, '/work/kv');
    deepStrictEqual(start, { kind: 'commit', commit: '1'.repeat(40), label: 'commit 1111111 (start)' });
    deepStrictEqual(baselineRecord({ kind: 'folder', path: '/work/kv/starter' }, '/work/kv/'), { kind: 'folder', path: 'starter', label: 'folder starter' });
    deepStrictEqual(baselineRecord({ kind: 'folder', path: '/srv/starter' }, '/work/kv'), { kind: 'folder', path: '/srv/starter', label: 'folder /srv/starter' });
    const later = new Date('2026-11-24T11:00:00Z');
    const recorded = recordBaseline(review, start, later);
    deepStrictEqual([recorded.baseline, recorded.updatedAt], [start, later.toISOString()]);
    ok(recordBaseline(recorded, { ...start }, new Date()) === recorded, 'the same baseline again changes nothing, so nothing is saved again');
    ok(recordBaseline(review, undefined, new Date()) === review, 'no baseline, none recorded: nothing changes');
    ok(!('baseline' in recordBaseline(recorded, undefined, later)), 'the reviewer chose none: the record goes');
    const written = JSON.parse(JSON.stringify(recorded));
    deepStrictEqual(parseReview(written), { review: written });
  });

  it('reads back what it wrote', () => {
    const written = JSON.parse(JSON.stringify(pinEvidence(review, evidence, NOW)));
    deepStrictEqual(parseReview(written), { review: written });
  });

  it('names the first problem of a damaged review', () => {
    const cases: [unknown, string][] = [
      ['text', 'the review is not a JSON object'],
      [{ ...review, schema: 2 }, 'unsupported review schema 2'],
      [{ ...review, categories: { ownership: { notes: 1, questions: [] } } }, 'category "ownership" is malformed'],
      [{ ...review, categories: { ownership: { notes: '', questions: [], level: 'maybe' } } }, 'category "ownership" has an unknown level "maybe"'],
      [{ ...review, evidence: [{ ...evidence, range: { startLine: -1 } }] }, 'evidence item 1 is malformed'],
      [{ ...review, recommendation: 'hire' }, 'unknown recommendation "hire"'],
      [{ ...review, commits: {} }, "the review's pinned commits are not a list"],
      [{ ...review, commits: [commit, { ...commit, insertions: -1 }] }, 'pinned commit 2 is malformed'],
      [{ ...review, historyQuestions: [1] }, "the review's questions on the history are malformed"],
      [{ ...review, baseline: { kind: 'commit', label: 'start' } }, "the review's baseline is malformed"],
      [{ ...review, baseline: { kind: 'tag', path: 'x', label: 'x' } }, "the review's baseline is malformed"],
    ];
    for (const [value, error] of cases) deepStrictEqual(parseReview(value), { error });
  });

  it('keys reviews by a stable hash of the repository', () => {
    deepStrictEqual(reviewKey('git@github.com:a/b.git'), reviewKey('git@github.com:a/b.git'));
    ok(reviewKey('a') !== reviewKey('b'));
  });
});
