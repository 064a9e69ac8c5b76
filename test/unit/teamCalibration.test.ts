import { deepStrictEqual, strictEqual } from 'node:assert';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import type { Level } from '../../src/rubric/model';
import { emptyReview, parseReview, pinEvidence, setRecommendation, updateCategory, type PinnedEvidence, type Review } from '../../src/rubric/review';
import { calibrate, calibrationToJson, compareLevels, disagreements } from '../../src/team/calibration';
import { calibrationToMarkdown } from '../../src/team/calibrationMarkdown';

const NOW = new Date('2026-12-01T10:00:00Z');
const COMMIT = 'c0ffee0000000000000000000000000000000000';

function review(reviewer: string | undefined, levels: Record<string, Level>, notes: Record<string, string> = {}): Review {
  let r = emptyReview({ name: 'kv-takehome' }, COMMIT, DEFAULT_RUBRIC, NOW);
  for (const [id, level] of Object.entries(levels)) r = updateCategory(r, id, { level, notes: notes[id] ?? '' }, NOW);
  return reviewer === undefined ? r : { ...r, reviewer };
}

function pin(categoryId: string, startLine: number, note?: string): PinnedEvidence {
  return {
    id: `${categoryId}-${startLine}`,
    categoryId,
    file: 'src/server.rs',
    range: { startLine, startCharacter: 4, endLine: startLine, endCharacter: 20 },
    snippet: '    let v = map.get(k).unwrap();',
    ...(note ? { note } : {}),
    createdAt: NOW.toISOString(),
  };
}

describe('team review: calibration', () => {
  it('marks two levels apart or more, and one level across the yes/no line', () => {
    deepStrictEqual(compareLevels('strong-no', 'yes'), { levels: ['strong-no', 'yes'], gap: 2, disagreement: 'levels-apart' });
    deepStrictEqual(compareLevels('strong-no', 'strong-yes'), { levels: ['strong-no', 'strong-yes'], gap: 3, disagreement: 'levels-apart' });
    deepStrictEqual(compareLevels('no', 'yes'), { levels: ['no', 'yes'], gap: 1, disagreement: 'crosses-yes-no' });
    deepStrictEqual(compareLevels('yes', 'strong-yes'), { levels: ['yes', 'strong-yes'], gap: 1 });
    deepStrictEqual(compareLevels('strong-no', 'no'), { levels: ['strong-no', 'no'], gap: 1 });
    deepStrictEqual(compareLevels('yes', 'yes'), { levels: ['yes', 'yes'], gap: 0 });
    deepStrictEqual(compareLevels(undefined, 'yes'), { levels: [undefined, 'yes'] });
  });

  it('merges the pair\'s pinned evidence, with who pinned what', () => {
    let a = review('Ann', {});
    let b = review('Bob', {});
    a = pinEvidence(a, pin('error-handling', 10, 'panics on a missing key'), NOW);
    a = pinEvidence(a, pin('concurrency', 30), NOW);
    b = pinEvidence(b, pin('error-handling', 10, 'fine: the key was checked above'), NOW);
    b = pinEvidence(b, pin('error-handling', 12), NOW);
    const { evidence } = calibrate(a, b, DEFAULT_RUBRIC);
    deepStrictEqual(
      evidence.map((e) => [e.categoryId, e.range.startLine, e.pinnedBy]),
      [
        ['error-handling', 10, [{ reviewer: 'Ann', note: 'panics on a missing key' }, { reviewer: 'Bob', note: 'fine: the key was checked above' }]],
        ['concurrency', 30, [{ reviewer: 'Ann' }]],
        ['error-handling', 12, [{ reviewer: 'Bob' }]],
      ],
    );
  });

  it('tells reviewers apart when their exports give the same name or none, and warns of different repositories and rubrics', () => {
    const same = calibrate(review('Ann', {}), review('Ann', {}), DEFAULT_RUBRIC);
    deepStrictEqual(same.reviewers, ['Ann (A)', 'Ann (B)']);
    deepStrictEqual(calibrate(review(undefined, {}), review(undefined, {}), DEFAULT_RUBRIC).reviewers, ['Reviewer A', 'Reviewer B']);
    const other = { ...review('Bob', {}), repository: { name: 'other' }, rubric: { id: 'team', version: '2' } };
    deepStrictEqual(calibrate(review('Ann', {}), other, DEFAULT_RUBRIC).warnings, [
      'the reviews are of different repositories: kv-takehome and other',
      'Bob used the rubric team 2, not rust-takehome-default 1.0.0',
    ]);
  });

  it('writes the debrief\'s Markdown: the disagreements, the table, the notes side by side, the evidence', () => {
    let a = review('Ann <b>Lee</b>', { ownership: 'yes', 'error-handling': 'strong-no', testing: 'no', design: 'yes' }, { 'error-handling': '27 `unwrap`s on input.' });
    let b = review('Bob', { ownership: 'strong-yes', 'error-handling': 'yes', testing: 'yes', async: 'no' }, { testing: 'Tests the protocol.' });
    a = setRecommendation(pinEvidence(a, pin('error-handling', 10, 'panics'), NOW), 'no', NOW);
    b = setRecommendation(pinEvidence(b, pin('error-handling', 10), NOW), 'yes', NOW);
    const calibration = calibrate(a, b, DEFAULT_RUBRIC);
    deepStrictEqual(disagreements(calibration), ['Error Handling', 'Testing & Debuggability', 'the recommendation']);
    strictEqual(
      calibrationToMarkdown(calibration),
      `# Calibration: kv-takehome

Two reviews of kv-takehome, by Ann \\<b\\>Lee\\</b\\> and Bob, against Rust take-home (default) (\`rust-takehome-default\` 1.0.0).

**3 disagreements to talk through:** Error Handling, Testing & Debuggability, the recommendation.

| Category | Ann \\<b\\>Lee\\</b\\> | Bob | Disagreement |
| --- | --- | --- | --- |
| Ownership & Borrowing | Yes | Strong Yes |  |
| Lifetimes | Not assessed | Not assessed |  |
| Error Handling | Strong No | Yes | **2 levels apart** |
| Concurrency (shared state vs message passing) | Not assessed | Not assessed |  |
| Async | Not assessed | No |  |
| Testing & Debuggability | No | Yes | **across the yes/no line** |
| Design & Operations | Yes | Not assessed |  |
| **Recommendation** | No | Yes | **across the yes/no line** |

## Notes

### Error Handling: Strong No and Yes, 2 levels apart

**Ann \\<b\\>Lee\\</b\\>:** 27 \`unwrap\`s on input.

**Bob:** _No notes._

### Testing & Debuggability: No and Yes, across the yes/no line

**Ann \\<b\\>Lee\\</b\\>:** _No notes._

**Bob:** Tests the protocol.

## Pinned evidence

- \`src/server.rs:11\` (Error Handling), pinned by Ann \\<b\\>Lee\\</b\\> and Bob
  - Ann \\<b\\>Lee\\</b\\>: panics
  \`\`\`rust
  let v = map.get(k).unwrap();
  \`\`\`
`,
    );
  });

  it('writes JSON that holds the whole comparison, and reads the reviewer from an export', () => {
    const exported = JSON.parse(JSON.stringify({ ...review(undefined, { testing: 'no' }), reviewer: 'Ann', exportedAt: NOW.toISOString() })) as unknown;
    const parsed = parseReview(exported);
    if ('error' in parsed) throw new Error(parsed.error);
    strictEqual(parsed.review.reviewer, 'Ann');
    deepStrictEqual(parseReview({ ...(exported as object), reviewer: 7 }), { error: 'the reviewer is not a name' });
    const json = JSON.parse(calibrationToJson(calibrate(parsed.review, review('Bob', { testing: 'strong-yes' }), DEFAULT_RUBRIC))) as { categories: { id: string }[] };
    deepStrictEqual(json.categories.find((c) => c.id === 'testing'), { id: 'testing', title: 'Testing & Debuggability', levels: ['no', 'strong-yes'], gap: 2, disagreement: 'levels-apart', notes: ['', ''] });
  });
});
