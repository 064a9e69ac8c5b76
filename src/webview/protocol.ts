/**
 * The typed messages between the extension and the scorecard webview, and the view model the
 * webview draws. The webview never imports `vscode`; everything it shows arrives here as data,
 * and every string in it may come from the candidate's repository, so the webview escapes it.
 */
import type { EvidenceCounts, Level } from '../rubric/model';

export type { EvidenceCounts };

export type Polarity = 'strength' | 'concern' | 'info';

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
  context: 'code' | 'test' | 'bench' | 'example' | 'build';
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

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'setLevel'; categoryId: string; level?: Level }
  | { type: 'setNotes'; categoryId: string; notes: string }
  | { type: 'setRecommendation'; level?: Level }
  | { type: 'setSummary'; summary: string }
  | { type: 'chooseQuestion'; categoryId: string; text: string; chosen: boolean }
  | { type: 'open'; location: LocationView }
  | { type: 'unpin'; evidenceId: string }
  | { type: 'export'; format: 'markdown' | 'json'; to: 'clipboard' | 'file' }
  | { type: 'import' };

export type ExtensionMessage = { type: 'state'; view: ScorecardView } | { type: 'copied'; format: 'markdown' | 'json' };
