import { isOwnCode, type Finding } from '../analysis/model';
import { signalById } from '../analysis/signals';
import { assessRubric } from '../rubric/assessment';
import type { Level, Rubric } from '../rubric/model';
import type { Review } from '../rubric/review';
import { normalizedRemote } from './candidateCode';

/** One candidate as the comparison reads them: the analysis of their folder, and the reviews of it. */
export interface CandidateAnalysis {
  /** The folder's name, or the candidate code in a blind comparison. */
  label: string;
  /** Every finding of the scan, test code included (the suggestions weigh what counts). */
  findings: readonly Finding[];
  /**
   * Lines of the candidate's own code (src/analysis/codeLines.ts). Where a baseline is given (the
   * starter code, src/history's Baseline), the caller passes the lines the candidate added to it,
   * and only the findings on those lines.
   */
  codeLines: number;
  reviews: readonly Review[];
  /** Set when a baseline was asked for. */
  baseline?: CandidateBaseline;
}

/**
 * The starter's part of a candidate where a baseline was asked for: the baseline their findings,
 * suggestions and code lines are counted since, and how many of the starter's findings were left
 * out; or why there was none for this candidate, and every line counts as theirs.
 */
export type CandidateBaseline = { label: string; findingsLeftOut: number } | { problem: string };

/** The concern a reviewer should read first in a category: the one that caps it, else the weightiest. */
export interface TellingConcern {
  rule: string;
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export interface CompareCell {
  suggested?: Level;
  /** Why that level, or why none: the suggestion's one-line reason. */
  reason: string;
  concern?: TellingConcern;
  /** The level each review gave, by reviewer, in the order the reviews came. */
  reviewed: { reviewer: string; level?: Level }[];
}

export interface CompareRow {
  candidate: string;
  codeLines: number;
  /** The test functions found (`#[test]` and its kin). */
  tests: number;
  /** By rubric category id, in the rubric's order. */
  categories: Record<string, CompareCell>;
  baseline?: CandidateBaseline;
}

/** Candidates side by side against one rubric: what `rust-review compare` and the Compare Candidates tab show. */
export interface Comparison {
  rubric: { id: string; version: string; title: string; categories: { id: string; title: string }[] };
  rows: CompareRow[];
  /** Set when a baseline was asked for: what its rows count, in a sentence. */
  baseline?: string;
}

/** What a comparison with a baseline counts, said in every format. */
export const BASELINE_NOTE =
  "Only the lines each candidate added or changed since their baseline count: the findings, the suggested levels and the lines of code leave the starter's out.";

function countTests(findings: readonly Finding[]): number {
  return findings.filter((f) => signalById(f.rule)?.countsOneTest).length;
}

function tellingConcern(ranked: readonly Finding[]): TellingConcern | undefined {
  // The evidence is ranked as the scorecard ranks it: concerns that cap come first, own code before tests.
  const first = ranked.find((f) => f.polarity === 'concern' && isOwnCode(f)) ?? ranked.find((f) => f.polarity === 'concern');
  return first && { rule: first.rule, file: first.file, line: first.range.start.line + 1, message: first.message };
}

/** A reviewer's name for the comparison: as the export records it, else the review's place in the list. */
function reviewerOf(review: Review, index: number): string {
  return review.reviewer?.trim() || `Reviewer ${index + 1}`;
}

/** One row per candidate, in the order given, each category's suggestion beside the levels reviewers gave. */
export function compareCandidates(rubric: Rubric, candidates: readonly CandidateAnalysis[]): Comparison {
  const rows = candidates.map((candidate): CompareRow => {
    const assessed = assessRubric(rubric, candidate.findings, candidate.codeLines);
    const categories = Object.fromEntries(
      assessed.map(({ category, evidence, suggestion }): [string, CompareCell] => {
        const concern = tellingConcern(evidence.findings);
        const cell: CompareCell = {
          ...(suggestion.level ? { suggested: suggestion.level } : {}),
          reason: suggestion.reason,
          ...(concern ? { concern } : {}),
          reviewed: candidate.reviews.map((review, i) => {
            const level = review.categories[category.id]?.level;
            return { reviewer: reviewerOf(review, i), ...(level ? { level } : {}) };
          }),
        };
        return [category.id, cell];
      }),
    );
    return { candidate: candidate.label, codeLines: candidate.codeLines, tests: countTests(candidate.findings), categories, ...(candidate.baseline ? { baseline: candidate.baseline } : {}) };
  });
  return {
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title, categories: rubric.categories.map((c) => ({ id: c.id, title: c.title })) },
    rows,
    ...(candidates.some((c) => c.baseline) ? { baseline: BASELINE_NOTE } : {}),
  };
}

/** Where a review was made: the repository's name and remote, as its export records them. */
export interface CandidateFolder {
  folderName: string;
  remote?: string;
}

/**
 * The reviews of one candidate among many: the same remote when both record one, else the same
 * repository name (the extension names a review by its workspace folder).
 */
export function reviewsOf(candidate: CandidateFolder, reviews: readonly Review[]): Review[] {
  return reviews.filter(({ repository }) =>
    candidate.remote && repository.remote ? normalizedRemote(candidate.remote) === normalizedRemote(repository.remote) : repository.name === candidate.folderName,
  );
}
