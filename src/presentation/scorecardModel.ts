import type { Finding } from '../analysis/model';
import { dedent } from '../rubric/markdown';
import type { Rubric, RubricCategory } from '../rubric/model';
import { generateQuestions } from '../rubric/questions';
import type { Review } from '../rubric/review';
import { suggestLevel, unassessed, weightedScore, type CategoryEvidence } from '../rubric/scoring';
import type { CategoryView, FindingView, HistoryCardView, LocationView, ScorecardView } from './scorecardView';

/** How many analysis locations each card shows. */
const TOP_LOCATIONS = 5;

export interface ScorecardInputs {
  review: Review;
  rubric: Rubric;
  rubricProblem?: string;
  /** A card for each category of the rubric, in its order (see categoryView). */
  categories: CategoryView[];
  /** The "How they worked" card (see historyCardView). */
  history: HistoryCardView;
  scan: ScorecardView['scan'];
}

/** The workspace folder (its URI) that holds a finding's file, when the caller knows it. */
export type FolderOf = (finding: Finding) => string | undefined;

function locationOf(finding: Finding, folderOf: FolderOf): LocationView {
  const { start, end } = finding.range;
  const workspaceFolder = folderOf(finding);
  return { file: finding.file, ...(workspaceFolder === undefined ? {} : { workspaceFolder }), line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
}

function findingView(finding: Finding, folderOf: FolderOf): FindingView {
  return { ...locationOf(finding, folderOf), rule: finding.rule, polarity: finding.polarity, message: finding.message, context: finding.context };
}

/**
 * One category's card: the reviewer's level and notes so far, and beside them the evidence, a
 * suggested level and questions drawn from the candidate's code. Pure, so it is unit-tested and the
 * same whether or not the panel is open.
 */
export function categoryView(category: RubricCategory, found: CategoryEvidence, review: Review, folderOf: FolderOf = () => undefined): CategoryView {
  const state = review.categories[category.id] ?? { notes: '', questions: [] };
  const generated = generateQuestions(found.findings);
  const offered = [
    { text: category.question, location: undefined as LocationView | undefined },
    ...generated.map((q) => ({ text: q.text, location: locationOf(q.finding, folderOf) })),
  ];
  // A chosen question stays listed even when the code that raised it has changed since.
  const chosenElsewhere = state.questions.filter((q) => !offered.some((o) => o.text === q)).map((text) => ({ text, location: undefined }));
  const suggestion = suggestLevel(category, found);
  return {
    id: category.id,
    title: category.title,
    weight: category.weight,
    descriptors: category.descriptors,
    ...(state.level ? { level: state.level } : {}),
    notes: state.notes,
    counts: found.counts,
    top: found.findings.slice(0, TOP_LOCATIONS).map((finding) => findingView(finding, folderOf)),
    ...(suggestion ? { suggestion } : {}),
    pinned: review.evidence
      .filter((e) => e.categoryId === category.id)
      .map((e) => ({
        id: e.id,
        file: e.file,
        line: e.range.startLine,
        character: e.range.startCharacter,
        endLine: e.range.endLine,
        endCharacter: e.range.endCharacter,
        snippet: dedent(e.snippet),
        ...(e.note ? { note: e.note } : {}),
        ...(e.message ? { message: e.message } : {}),
        olderCommit: e.commit !== undefined && review.commit !== undefined && e.commit !== review.commit,
      })),
    questions: [...offered, ...chosenElsewhere].map((q) => ({ ...q, chosen: state.questions.includes(q.text) })),
  };
}

/** What the scorecard shows: the review as scored so far, with the categories' cards. */
export function buildScorecard(inputs: ScorecardInputs): ScorecardView {
  const { review, rubric, categories } = inputs;
  const score = weightedScore(review, rubric);
  return {
    repository: { name: review.repository.name, ...(review.commit ? { commit: review.commit } : {}), ...(review.repository.remote ? { remote: review.repository.remote } : {}) },
    scan: inputs.scan,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title, ...(inputs.rubricProblem ? { problem: inputs.rubricProblem } : {}) },
    ...(review.recommendation ? { recommendation: review.recommendation } : {}),
    ...(score !== undefined ? { weightedScore: score } : {}),
    summary: review.summary,
    checklist: rubric.checklist,
    history: inputs.history,
    categories,
    unassessed: unassessed(review, rubric).map((c) => c.title),
  };
}
