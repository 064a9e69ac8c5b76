import type { Finding } from '../analysis/model';
import { signalById, SIGNALS } from '../analysis/signals';
import { LEVEL_SCORES, type EvidenceCounts, type Level, type Rubric, type RubricCategory } from './model';
import type { Review } from './review';

export interface CategoryEvidence {
  counts: EvidenceCounts;
  /** The category's findings, the ones to look at first first: concerns in the crate's own code. */
  findings: Finding[];
}

const POLARITY_RANK = { concern: 0, strength: 1, info: 2 } as const;

/** Test, bench and example code are held to a lower standard than the crate's own code. */
export function isOwnCode(finding: Finding): boolean {
  return finding.context === 'code' || finding.context === 'build';
}

export function evidenceFor(category: RubricCategory, findings: readonly Finding[]): CategoryEvidence {
  const signals = new Set(category.signals);
  const mine = findings.filter((f) => signals.has(f.rule));
  const counts: EvidenceCounts = { concern: { code: 0, test: 0 }, strength: { code: 0, test: 0 }, info: { code: 0, test: 0 } };
  for (const finding of mine) counts[finding.polarity][isOwnCode(finding) ? 'code' : 'test']++;
  // Concerns before strengths before info; within each, the crate's code, then its build script, then the rest.
  const rank = (f: Finding) => POLARITY_RANK[f.polarity] * 3 + (f.context === 'code' ? 0 : f.context === 'build' ? 1 : 2);
  const sorted = [...mine].sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.startIndex - b.startIndex));
  return { counts, findings: sorted };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const countsOneTest = (signal: string) => signalById(signal)?.countsOneTest === true;

/** A suggestion for a category judged by what tests exist. */
function suggestTesting(findings: Finding[]): { level: Level; reason: string } {
  const tests = findings.filter((f) => countsOneTest(f.rule)).length;
  const found = new Set(findings.map((f) => f.rule));
  const kinds = SIGNALS.flatMap((s) => (s.testKind && found.has(s.id) ? [s.testKind] : []));
  const beyondUnit = kinds.length > 0 ? `, with ${kinds.join(', ')}` : '';
  if (tests === 0) return { level: 'strong-no', reason: 'no tests found' };
  if (tests < 3) return { level: 'no', reason: `only ${plural(tests, 'test')}${beyondUnit}` };
  if (tests >= 5 && kinds.length > 0) return { level: 'strong-yes', reason: `${plural(tests, 'test')}${beyondUnit}` };
  return { level: 'yes', reason: `${plural(tests, 'test')}${beyondUnit || ', unit tests only'}` };
}

/**
 * A level the evidence suggests, with the reason, for the reviewer to accept or not: it is never
 * applied by itself. Serious concerns (warnings such as blocking calls in async code or `static mut`)
 * weigh most; strengths offset ordinary concerns. No evidence, no suggestion.
 */
export function suggestLevel(category: RubricCategory, evidence: CategoryEvidence): { level: Level; reason: string } | undefined {
  const own = evidence.findings.filter(isOwnCode);
  if (category.signals.some(countsOneTest)) return suggestTesting(evidence.findings);
  const concerns = own.filter((f) => f.polarity === 'concern');
  const serious = concerns.filter((f) => f.severity === 'warning' || f.severity === 'error').length;
  const strengths = own.filter((f) => f.polarity === 'strength').length;
  if (concerns.length + strengths === 0) return undefined;
  const reason = `${plural(concerns.length, 'concern')}${serious > 0 ? ` (${serious} serious)` : ''} and ${plural(strengths, 'strength')} in the crate's own code`;
  if (serious >= 3 || (concerns.length >= 10 && strengths * 2 < concerns.length)) return { level: 'strong-no', reason };
  if (serious >= 1 || concerns.length > strengths) return { level: 'no', reason };
  if (strengths >= 3 && concerns.length * 3 <= strengths) return { level: 'strong-yes', reason };
  return { level: 'yes', reason };
}

/** The weighted mean of the scored categories, 1 (Strong No) to 4 (Strong Yes); undefined when none is scored. */
export function weightedScore(review: Review, rubric: Rubric): number | undefined {
  let total = 0;
  let weights = 0;
  for (const category of rubric.categories) {
    const level = review.categories[category.id]?.level;
    if (!level) continue;
    total += LEVEL_SCORES[level] * category.weight;
    weights += category.weight;
  }
  return weights === 0 ? undefined : Math.round((total / weights) * 100) / 100;
}

/** The categories of the rubric that the review has not scored yet. */
export function unassessed(review: Review, rubric: Rubric): RubricCategory[] {
  return rubric.categories.filter((c) => !review.categories[c.id]?.level);
}
