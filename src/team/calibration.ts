import { LEVEL_SCORES, LEVEL_TITLES, type Level, type Rubric } from '../rubric/model';
import type { EvidenceRange, PinnedEvidence, Review } from '../rubric/review';

/**
 * Why two levels need a talk in the debrief: two levels apart or more, or one level apart across
 * the line between the two "no" levels and the two "yes" levels, where the decision changes.
 */
export type Disagreement = 'levels-apart' | 'crosses-yes-no';

/** The two reviewers' levels for one thing (a category or the recommendation), and whether they disagree. */
export interface LevelPair {
  levels: [Level | undefined, Level | undefined];
  /** How many levels apart, when both gave one. */
  gap?: number;
  disagreement?: Disagreement;
}

export interface CategoryCalibration extends LevelPair {
  id: string;
  title: string;
  notes: [string, string];
}

/** A piece of evidence either reviewer pinned, once, with who pinned it and what each wrote of it. */
export interface MergedEvidence {
  categoryId: string;
  file: string;
  range: EvidenceRange;
  snippet: string;
  commit?: string;
  pinnedBy: { reviewer: string; note?: string }[];
}

/** Two reviews of one candidate side by side: what the Copy Calibration Summary and `rust-review calibrate` show. */
export interface Calibration {
  repository: string;
  rubric: { id: string; version: string; title: string };
  reviewers: [string, string];
  /** What makes the comparison doubtful: two repositories, two rubrics. */
  warnings: string[];
  categories: CategoryCalibration[];
  recommendation: LevelPair;
  evidence: MergedEvidence[];
}

const YES_SIDE = (level: Level) => LEVEL_SCORES[level] >= LEVEL_SCORES.yes;

/** Whether two levels disagree enough to talk about (see Disagreement). */
export function compareLevels(a: Level | undefined, b: Level | undefined): LevelPair {
  if (!a || !b) return { levels: [a, b] };
  const gap = Math.abs(LEVEL_SCORES[a] - LEVEL_SCORES[b]);
  const disagreement: Disagreement | undefined = gap >= 2 ? 'levels-apart' : gap === 1 && YES_SIDE(a) !== YES_SIDE(b) ? 'crosses-yes-no' : undefined;
  return { levels: [a, b], gap, ...(disagreement ? { disagreement } : {}) };
}

/** The reviewers' names, as their exports record them, told apart when they are the same or missing. */
function reviewerNames(a: Review, b: Review): [string, string] {
  const first = a.reviewer?.trim() || 'Reviewer A';
  const second = b.reviewer?.trim() || 'Reviewer B';
  return first === second ? [`${first} (A)`, `${second} (B)`] : [first, second];
}

const sameRange = (x: EvidenceRange, y: EvidenceRange) =>
  x.startLine === y.startLine && x.startCharacter === y.startCharacter && x.endLine === y.endLine && x.endCharacter === y.endCharacter;

/** The pair's pinned evidence, each place once: the same category, file and range is the same evidence. */
function mergeEvidence(a: readonly PinnedEvidence[], b: readonly PinnedEvidence[], names: [string, string]): MergedEvidence[] {
  const merged: MergedEvidence[] = [];
  const pins = [...a.map((item) => ({ item, reviewer: names[0] })), ...b.map((item) => ({ item, reviewer: names[1] }))];
  for (const { item, reviewer } of pins) {
    const note = item.note ?? item.message;
    const by = { reviewer, ...(note ? { note } : {}) };
    const same = merged.find((m) => m.categoryId === item.categoryId && m.file === item.file && sameRange(m.range, item.range));
    if (same) {
      if (!same.pinnedBy.some((p) => p.reviewer === reviewer)) same.pinnedBy.push(by);
      continue;
    }
    merged.push({ categoryId: item.categoryId, file: item.file, range: item.range, snippet: item.snippet, ...(item.commit ? { commit: item.commit } : {}), pinnedBy: [by] });
  }
  return merged;
}

/**
 * Two reviews of one candidate compared category by category, in the rubric's order (a category
 * only a review has comes after, by its id), with their pinned evidence merged.
 */
export function calibrate(a: Review, b: Review, rubric: Rubric): Calibration {
  const names = reviewerNames(a, b);
  const warnings: string[] = [];
  if (a.repository.name !== b.repository.name || (a.repository.remote && b.repository.remote && a.repository.remote !== b.repository.remote)) {
    warnings.push(`the reviews are of different repositories: ${a.repository.name} and ${b.repository.name}`);
  }
  if (a.commit && b.commit && a.commit !== b.commit) warnings.push(`the reviews read different commits: ${a.commit.slice(0, 7)} and ${b.commit.slice(0, 7)}`);
  for (const review of [a, b]) {
    if (review.rubric.id !== rubric.id || review.rubric.version !== rubric.version) {
      warnings.push(`${review === a ? names[0] : names[1]} used the rubric ${review.rubric.id} ${review.rubric.version}, not ${rubric.id} ${rubric.version}`);
    }
  }
  const ids = [...rubric.categories.map((c) => c.id), ...[...Object.keys(a.categories), ...Object.keys(b.categories)].sort()];
  const categories = [...new Set(ids)].map((id): CategoryCalibration => {
    const [x, y] = [a.categories[id], b.categories[id]];
    return {
      id,
      title: rubric.categories.find((c) => c.id === id)?.title ?? id,
      ...compareLevels(x?.level, y?.level),
      notes: [x?.notes.trim() ?? '', y?.notes.trim() ?? ''],
    };
  });
  return {
    repository: a.repository.name,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    reviewers: names,
    warnings,
    categories,
    recommendation: compareLevels(a.recommendation, b.recommendation),
    evidence: mergeEvidence(a.evidence, b.evidence, names),
  };
}

/** The categories the pair should talk about, and the recommendation when it is one of them. */
export function disagreements(calibration: Calibration): string[] {
  return [
    ...calibration.categories.filter((c) => c.disagreement).map((c) => c.title),
    ...(calibration.recommendation.disagreement ? ['the recommendation'] : []),
  ];
}

export function calibrationToJson(calibration: Calibration): string {
  return `${JSON.stringify(calibration, null, 2)}\n`;
}

export const levelTitle = (level: Level | undefined) => (level ? LEVEL_TITLES[level] : 'Not assessed');

/** A disagreement in words, "2 levels apart" or "across the yes/no line"; empty when the pair agrees enough. */
export function disagreementWords(pair: LevelPair): string {
  if (pair.disagreement === 'levels-apart') return `${pair.gap} levels apart`;
  return pair.disagreement === 'crosses-yes-no' ? 'across the yes/no line' : '';
}
