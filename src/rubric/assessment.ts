import type { Finding } from '../analysis/model';
import type { Rubric, RubricCategory } from './model';
import { evidenceForEach, suggestLevel, type CategoryEvidence, type Suggestion } from './scoring';

/** One rubric category as the analysis sees it: its ranked evidence and the level that evidence suggests. */
export interface CategoryAssessment {
  category: RubricCategory;
  evidence: CategoryEvidence;
  suggestion: Suggestion;
}

/** Each category of the rubric with its evidence ranked and its suggestion, in the rubric's order. */
export function assessRubric(rubric: Rubric, findings: readonly Finding[], codeLines: number): CategoryAssessment[] {
  const evidence = evidenceForEach(rubric.categories, findings, codeLines);
  return rubric.categories.map((category, i) => ({ category, evidence: evidence[i], suggestion: suggestLevel(category, evidence[i]) }));
}
