import type { Baseline } from '../history/model';
import { baselineLabel } from './historyFacts';
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

/**
 * A commit the reviewer pinned as evidence of how the candidate worked, with what the history said
 * of it when pinned, so that the export reads without the repository.
 */
export interface PinnedCommit {
  /** The full object id. */
  commit: string;
  /** The first line of its message. */
  subject: string;
  /** Its author time, ISO 8601. */
  time: string;
  files: number;
  insertions: number;
  deletions: number;
  createdAt: string;
}

/**
 * The baseline the review was scored against: its findings on the lines unchanged since it were
 * left out of the evidence, the suggested levels and the questions. A folder inside the
 * repository is recorded relative to it; `label` names it as the card and the export do
 * ("commit 0123abc (start)", "folder starter").
 */
export type RecordedBaseline = { kind: 'commit'; commit: string; label: string } | { kind: 'folder'; path: string; label: string };

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
  /** Commits pinned from the "How they worked" card; absent from reviews saved before it. */
  commits?: PinnedCommit[];
  /** The follow-up questions drawn from the history that the reviewer chose to include. */
  historyQuestions?: string[];
  /** The baseline in force when the history was last read; absent without one, and in reviews saved before baselines. */
  baseline?: RecordedBaseline;
  recommendation?: Level;
  summary: string;
  updatedAt: string;
  /** Who wrote the review, as its JSON export records it: calibration tells two reviewers apart by it. */
  reviewer?: string;
  /** Set when the review was blind (the candidate's names hidden): when it started, and when it was revealed. */
  blind?: BlindRecord;
}

/** When a blind review started and, once the reviewer revealed the candidate, when that was (ISO 8601). */
export interface BlindRecord {
  startedAt: string;
  revealedAt?: string;
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

/** Pins a commit; pinning one already pinned changes nothing. */
export function pinCommit(review: Review, commit: PinnedCommit, now: Date): Review {
  const commits = review.commits ?? [];
  if (commits.some((c) => c.commit === commit.commit)) return review;
  return { ...review, commits: [...commits, commit], updatedAt: now.toISOString() };
}

export function unpinCommit(review: Review, commitId: string, now: Date): Review {
  return { ...review, commits: (review.commits ?? []).filter((c) => c.commit !== commitId), updatedAt: now.toISOString() };
}

/** Adds or removes a question drawn from the history from those the export includes. */
export function chooseHistoryQuestion(review: Review, text: string, chosen: boolean, now: Date): Review {
  return { ...review, historyQuestions: withChoice(review.historyQuestions ?? [], text, chosen), updatedAt: now.toISOString() };
}

/** The baseline the reader put in force, as the review records it: a folder under `repositoryRoot` by its path relative to it. */
export function baselineRecord(baseline: Baseline, repositoryRoot: string): RecordedBaseline {
  if (baseline.kind === 'commit') return { kind: 'commit', commit: baseline.commit, label: baselineLabel(baseline) };
  const root = repositoryRoot.replace(/\/+$/, '');
  const path = baseline.path.startsWith(`${root}/`) ? baseline.path.slice(root.length + 1) : baseline.path;
  return { kind: 'folder', path, label: baselineLabel({ kind: 'folder', path }) };
}

function sameBaseline(a: RecordedBaseline | undefined, b: RecordedBaseline | undefined): boolean {
  if (!a || !b) return a === b;
  const where = (x: RecordedBaseline) => (x.kind === 'commit' ? x.commit : x.path);
  return a.kind === b.kind && a.label === b.label && where(a) === where(b);
}

/** Records the baseline in force (undefined for none); the same review when it is already recorded, so that nothing is saved again. */
export function recordBaseline(review: Review, baseline: RecordedBaseline | undefined, now: Date): Review {
  if (sameBaseline(review.baseline, baseline)) return review;
  const { baseline: _previous, ...rest } = review;
  return { ...rest, ...(baseline ? { baseline } : {}), updatedAt: now.toISOString() };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isRange(v: unknown): v is EvidenceRange {
  return isObject(v) && ['startLine', 'startCharacter', 'endLine', 'endCharacter'].every((k) => Number.isInteger(v[k]) && (v[k] as number) >= 0);
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isRecordedBaseline(v: unknown): v is RecordedBaseline {
  if (!isObject(v) || !isString(v.label)) return false;
  return (v.kind === 'commit' && isString(v.commit)) || (v.kind === 'folder' && isString(v.path));
}

function isPinnedCommit(v: unknown): v is PinnedCommit {
  return isObject(v) && [v.commit, v.subject, v.time, v.createdAt].every(isString) && [v.files, v.insertions, v.deletions].every(isCount);
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
  if (value.commits !== undefined) {
    if (!Array.isArray(value.commits)) return { error: "the review's pinned commits are not a list" };
    for (const [i, item] of value.commits.entries()) if (!isPinnedCommit(item)) return { error: `pinned commit ${i + 1} is malformed` };
  }
  if (value.historyQuestions !== undefined && (!Array.isArray(value.historyQuestions) || !value.historyQuestions.every(isString))) {
    return { error: "the review's questions on the history are malformed" };
  }
  if (value.baseline !== undefined && !isRecordedBaseline(value.baseline)) return { error: "the review's baseline is malformed" };
  if (value.recommendation !== undefined && !['strong-no', 'no', 'yes', 'strong-yes'].includes(value.recommendation as string)) {
    return { error: `unknown recommendation ${JSON.stringify(value.recommendation)}` };
  }
  if (!isString(value.summary) || !isString(value.updatedAt)) return { error: 'the review has no summary or date' };
  if (value.reviewer !== undefined && !isString(value.reviewer)) return { error: 'the reviewer is not a name' };
  // Reviews from before blind review have no record, and are not blind.
  if (value.blind !== undefined && !(isObject(value.blind) && isString(value.blind.startedAt) && (value.blind.revealedAt === undefined || isString(value.blind.revealedAt)))) {
    return { error: 'the blind review record is malformed' };
  }
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
  return updateCategory(review, categoryId, { questions: withChoice(review.categories[categoryId]?.questions ?? [], text, chosen) }, now);
}

/** The chosen questions after choosing or unchoosing one, in the order they were chosen. */
function withChoice(questions: string[], text: string, chosen: boolean): string[] {
  if (!chosen) return questions.filter((q) => q !== text);
  return questions.includes(text) ? questions : [...questions, text];
}
