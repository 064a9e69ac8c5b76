import type { Level, Rubric } from './model';

/** A zero-based range in a file, as the editor shows it. */
export interface EvidenceRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** A piece of code the reviewer pinned to a category, with where and when it was. */
export interface PinnedEvidence {
  id: string;
  categoryId: string;
  /** Relative to the repository root, with `/`. */
  file: string;
  range: EvidenceRange;
  /** The commit the code was read at, when the repository has one. */
  commit?: string;
  snippet: string;
  /** The signal that raised it, for evidence pinned from a hint. */
  signal?: string;
  message?: string;
  note?: string;
  createdAt: string;
}

export interface CategoryReview {
  level?: Level;
  notes: string;
  /** The follow-up questions the reviewer chose to include. */
  questions: string[];
}

export interface Review {
  schema: 1;
  repository: { name: string; remote?: string };
  commit?: string;
  rubric: { id: string; version: string };
  categories: Record<string, CategoryReview>;
  evidence: PinnedEvidence[];
  recommendation?: Level;
  summary: string;
  updatedAt: string;
  /** Who wrote the review, as its JSON export records it: calibration tells two reviewers apart by it. */
  reviewer?: string;
}

export function emptyReview(repository: Review['repository'], commit: string | undefined, rubric: Rubric, now: Date): Review {
  return {
    schema: 1,
    repository,
    ...(commit ? { commit } : {}),
    rubric: { id: rubric.id, version: rubric.version },
    categories: Object.fromEntries(rubric.categories.map((c) => [c.id, { notes: '', questions: [] }])),
    evidence: [],
    summary: '',
    updatedAt: now.toISOString(),
  };
}

export function pinEvidence(review: Review, evidence: PinnedEvidence, now: Date): Review {
  return { ...review, evidence: [...review.evidence, evidence], updatedAt: now.toISOString() };
}

export function unpinEvidence(review: Review, evidenceId: string, now: Date): Review {
  return { ...review, evidence: review.evidence.filter((e) => e.id !== evidenceId), updatedAt: now.toISOString() };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isRange(v: unknown): v is EvidenceRange {
  return isObject(v) && ['startLine', 'startCharacter', 'endLine', 'endCharacter'].every((k) => Number.isInteger(v[k]) && (v[k] as number) >= 0);
}

/**
 * Checks that parsed JSON is a review this version can use, naming the first problem found. It is
 * applied to everything read back (the autosave, an imported file), which may be truncated or old.
 */
export function parseReview(value: unknown): { review: Review } | { error: string } {
  if (!isObject(value)) return { error: 'the review is not a JSON object' };
  if (value.schema !== 1) return { error: `unsupported review schema ${JSON.stringify(value.schema)}` };
  if (!isObject(value.repository) || !isString(value.repository.name)) return { error: 'the review names no repository' };
  if (!isObject(value.rubric) || !isString(value.rubric.id) || !isString(value.rubric.version)) return { error: 'the review names no rubric' };
  if (!isObject(value.categories)) return { error: 'the review has no categories' };
  for (const [id, category] of Object.entries(value.categories)) {
    if (!isObject(category) || !isString(category.notes) || !Array.isArray(category.questions) || !category.questions.every(isString)) {
      return { error: `category "${id}" is malformed` };
    }
    if (category.level !== undefined && !['strong-no', 'no', 'yes', 'strong-yes'].includes(category.level as string)) {
      return { error: `category "${id}" has an unknown level ${JSON.stringify(category.level)}` };
    }
  }
  if (!Array.isArray(value.evidence)) return { error: 'the review has no evidence list' };
  for (const [i, item] of value.evidence.entries()) {
    if (!isObject(item) || !isString(item.id) || !isString(item.categoryId) || !isString(item.file) || !isRange(item.range) || !isString(item.snippet)) {
      return { error: `evidence item ${i + 1} is malformed` };
    }
  }
  if (value.recommendation !== undefined && !['strong-no', 'no', 'yes', 'strong-yes'].includes(value.recommendation as string)) {
    return { error: `unknown recommendation ${JSON.stringify(value.recommendation)}` };
  }
  if (!isString(value.summary) || !isString(value.updatedAt)) return { error: 'the review has no summary or date' };
  if (value.reviewer !== undefined && !isString(value.reviewer)) return { error: 'the reviewer is not a name' };
  return { review: value as unknown as Review };
}

/** A short, stable name for a repository's review file (FNV-1a of its identity). */
export function reviewKey(identity: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < identity.length; i++) {
    hash ^= identity.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Changes one category's level, notes or chosen questions; a category the review lacks (a new rubric's) is added. */
export function updateCategory(review: Review, categoryId: string, change: Partial<CategoryReview>, now: Date): Review {
  const current = review.categories[categoryId] ?? { notes: '', questions: [] };
  const next: CategoryReview = { ...current, ...change };
  if (next.level === undefined) delete next.level;
  return { ...review, categories: { ...review.categories, [categoryId]: next }, updatedAt: now.toISOString() };
}

/** Sets or clears the overall recommendation, which is always the reviewer's own choice. */
export function setRecommendation(review: Review, level: Level | undefined, now: Date): Review {
  const { recommendation: _previous, ...rest } = review;
  return { ...rest, ...(level ? { recommendation: level } : {}), updatedAt: now.toISOString() };
}

export function setSummary(review: Review, summary: string, now: Date): Review {
  return { ...review, summary, updatedAt: now.toISOString() };
}

/** Adds or removes a follow-up question from those the export includes. */
export function chooseQuestion(review: Review, categoryId: string, text: string, chosen: boolean, now: Date): Review {
  const current = review.categories[categoryId]?.questions ?? [];
  const questions = chosen ? (current.includes(text) ? current : [...current, text]) : current.filter((q) => q !== text);
  return updateCategory(review, categoryId, { questions }, now);
}
