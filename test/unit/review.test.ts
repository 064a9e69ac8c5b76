import { deepStrictEqual, ok } from 'node:assert';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { emptyReview, parseReview, pinEvidence, reviewKey, unpinEvidence, type PinnedEvidence } from '../../src/rubric/review';

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
    ];
    for (const [value, error] of cases) deepStrictEqual(parseReview(value), { error });
  });

  it('keys reviews by a stable hash of the repository', () => {
    deepStrictEqual(reviewKey('git@github.com:a/b.git'), reviewKey('git@github.com:a/b.git'));
    ok(reviewKey('a') !== reviewKey('b'));
  });
});
