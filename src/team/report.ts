import type { Finding } from '../analysis/model';
import type { RepositoryHistory } from '../history/model';
import { assessRubric } from '../rubric/assessment';
import type { ExportContext } from '../rubric/export';
import { LEVEL_TITLES, type Rubric } from '../rubric/model';
import { emptyReview, type Review } from '../rubric/review';

/** What the hiring scorecard is made from without VS Code: a folder's analysis, and a review when there is one. */
export interface ReportInput {
  rubric: Rubric;
  repository: Review['repository'];
  commit?: string;
  findings: readonly Finding[];
  codeLines: number;
  /** A review exported as JSON; without one, the scorecard is the analysis alone, every level open. */
  review?: Review;
  date: Date;
  source: ExportContext['source'];
  /** The repository's history, read as the extension reads it, for the "How they worked" section. */
  history?: RepositoryHistory;
}

/**
 * The context Copy Review exports from (src/rubric/export.ts), so that `rust-review report` prints
 * the same scorecard: the review's levels, notes and pinned evidence as they are, the analysis's
 * evidence under every category, and for each category the review left without a level or a note,
 * what the analysis suggests and why, marked as the analysis's and not the reviewer's.
 */
export function reportContext(input: ReportInput): ExportContext {
  const assessed = assessRubric(input.rubric, input.findings, input.codeLines);
  const review = input.review ?? emptyReview(input.repository, input.commit, input.rubric, input.date);
  const categories = { ...review.categories };
  for (const { category, suggestion } of assessed) {
    const state = categories[category.id];
    if (state?.level || state?.notes.trim()) continue;
    const said = suggestion.level ? `suggests **${LEVEL_TITLES[suggestion.level]}**: ${suggestion.reason}` : `suggests no level: ${suggestion.reason}`;
    categories[category.id] = { questions: state?.questions ?? [], notes: `_Not assessed by a reviewer._ The analysis ${said}.` };
  }
  return {
    review: { ...review, categories },
    rubric: input.rubric,
    reviewer: input.review?.reviewer?.trim() ?? '',
    date: input.date,
    evidence: new Map(assessed.map(({ category, evidence }) => [category.id, evidence])),
    source: input.source,
    ...(input.history ? { history: input.history } : {}),
  };
}
