/**
 * What blind review does to what the extension shows and exports: every string masked (see
 * src/team/masking.ts), the repository named by its candidate code. Pure, so the extension's one
 * blind unit (src/extension/blindReview.ts) applies it and the tests check it without VS Code.
 */
import type { Review } from '../rubric/review';
import { maskStrings } from '../team/masking';
import type { CategoryView, QuestionView, ScorecardView } from './scorecardView';

export type Mask = (text: string) => string;

/**
 * Fields of the view that are not shown as text, or not only: ids and paths the panel sends back
 * (the category to set, the evidence to unpin, the file to open, which is the candidate's file as
 * the editor names it), enum values, and the reviewer's own notes and summary, which the panel
 * edits in place and would save back masked.
 */
const UNMASKED_FIELDS = new Set(['id', 'file', 'workspaceFolder', 'rule', 'polarity', 'context', 'level', 'recommendation', 'commit', 'notes', 'summary']);

function maskFields<T>(value: T, mask: Mask): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskFields(item, mask)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, UNMASKED_FIELDS.has(key) ? (item as unknown) : maskFields(item as unknown, mask)])) as T;
}

/**
 * A card's questions with those that read the same once masked as one: the panel chooses a question
 * by its text, so a question chosen while blind is saved masked, and would otherwise be listed
 * twice, once as offered and once as chosen.
 */
function mergeMaskedQuestions(questions: readonly QuestionView[]): QuestionView[] {
  const merged = new Map<string, QuestionView>();
  for (const question of questions) {
    const same = merged.get(question.text);
    if (!same) merged.set(question.text, question);
    else merged.set(question.text, { ...same, ...(same.location || !question.location ? {} : { location: question.location }), chosen: same.chosen || question.chosen });
  }
  return [...merged.values()];
}

/** The scorecard as a blind review shows it: no name of the candidate, the repository as its code, no remote. */
export function blindScorecardView(view: ScorecardView, mask: Mask, code: string): ScorecardView {
  const masked = maskFields(view, mask);
  return {
    ...masked,
    repository: { name: code, ...(view.repository.commit ? { commit: view.repository.commit } : {}) },
    categories: masked.categories.map((category): CategoryView => ({ ...category, questions: mergeMaskedQuestions(category.questions) })),
  };
}

/** The review as a blind export names it: by the candidate code, without the remote, whose path holds the candidate's account. */
export function blindReview(review: Review, code: string): Review {
  return { ...review, repository: { name: code } };
}

/** An export's text masked: Markdown as text, JSON string by string, so that it stays valid JSON however a name is escaped in it. */
export function maskExport(text: string, format: 'markdown' | 'json', mask: Mask): string {
  return format === 'json' ? `${JSON.stringify(maskStrings(JSON.parse(text) as unknown, mask), null, 2)}\n` : mask(text);
}

/**
 * A colleague's review as a blind calibration shows it: masked string by string, and named by the
 * candidate code when it is of the same repository (the same name or remote), so that a second
 * review of another repository still shows as one.
 */
export function blindOtherReview(other: Review, mine: Review['repository'], mask: Mask, code: string): Review {
  const { repository } = other;
  const same = repository.name === mine.name || repository.name === code || (repository.remote !== undefined && repository.remote === mine.remote);
  const masked = maskStrings(other, mask);
  return { ...masked, repository: same ? { name: code } : { name: masked.repository.name } };
}
