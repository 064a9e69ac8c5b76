/**
 * The view model of the scorecard: what the extension builds (scorecardModel.ts) and the webview
 * draws. Plain data; every string in it may come from the candidate's repository, so whoever draws
 * it escapes it.
 */
import type { CodeContext, Polarity } from '../analysis/model';
import type { EvidenceCounts, Level } from '../rubric/model';

export type { EvidenceCounts };

/** A place in the code, relative to the repository root; lines and characters are zero-based. */
export interface LocationView {
  file: string;
  /** The workspace folder (its URI) the file is relative to, for a finding: a multi-root workspace may hold the same path twice. Without it, the first folder. */
  workspaceFolder?: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface FindingView extends LocationView {
  rule: string;
  polarity: Polarity;
  message: string;
  context: CodeContext;
}

export interface PinnedView extends LocationView {
  id: string;
  snippet: string;
  note?: string;
  message?: string;
  /** Pinned at another commit than the one under review. */
  olderCommit: boolean;
}

export interface QuestionView {
  text: string;
  location?: LocationView;
  chosen: boolean;
}

export interface CategoryView {
  id: string;
  title: string;
  weight: number;
  descriptors: Record<Level, string>;
  level?: Level;
  notes: string;
  counts: EvidenceCounts;
  /** The findings a reviewer should look at first: concerns in the crate's own code first. */
  top: FindingView[];
  /** What the evidence suggests; without a level, why none is suggested (too little evidence, or mixed). */
  suggestion?: { level?: Level; reason: string };
  pinned: PinnedView[];
  questions: QuestionView[];
}

export interface ScorecardView {
  repository: { name: string; commit?: string; remote?: string };
  scan: { state: 'scanning' | 'done'; files: number; skipped: number };
  rubric: { id: string; version: string; title: string; problem?: string };
  recommendation?: Level;
  /** The weighted mean of the scored categories, 1 to 4: a hint, never the recommendation. */
  weightedScore?: number;
  summary: string;
  checklist: string[];
  categories: CategoryView[];
  /** Titles of the categories not assessed yet. */
  unassessed: string[];
}
