/**
 * What the extension's `activate` returns, for the integration tests and the in-editor benchmark,
 * and only to them: when VS Code runs the extension under tests (`ExtensionMode.Test`, which the
 * test launcher's `--extensionTestsPath` sets), else nothing. It lives outside src/extension so that they depend on this contract, not on the extension's
 * modules, and the test bundles do not carry their own copies of them.
 */
import type * as vscode from 'vscode';
import type { Finding, SkippedFile } from './analysis/model';
import type { RepositoryHistory } from './history/model';
import type { Rubric } from './rubric/model';
import type { Review } from './rubric/review';
import type { Comparison } from './team/compare';
import type { LocationView, ScorecardView } from './presentation/scorecardView';

export interface ScanSummary {
  files: number;
  skipped: SkippedFile[];
  ms: number;
  cancelled: boolean;
}

/**
 * Milliseconds from sending a document's edits to the worker: to its reply, and to its hints
 * drawn; the worker's own time on them; the drawing alone, on the host's thread, in all; and the
 * longest turn of that thread the drawing ran in. `flushedAt` and `longestDrawTurnAt` are when the
 * edits were sent and that turn began, on the host's `performance.now()` clock, so that a benchmark
 * can tell what else happened meanwhile (a garbage collection, a thread waiting for a core).
 */
export interface EditLatency {
  flushedAt: number;
  workerMs: number;
  analysisMs: number;
  hintsMs: number;
  drawMs: number;
  longestDrawTurnMs: number;
  longestDrawTurnAt: number;
}

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How the last read of the history ended: where it ran, how long it took from start to the store filled, and why it failed if it did. */
export interface HistoryReadRecord {
  in: 'worker';
  ms: number;
  /** The worker's own time on the read, by its clock. */
  workerMs?: number;
  /** "history could not be read: …", when the worker failed, died or ran out of time. */
  problem?: string;
}

/** The review of a repository, as saved in the extension's storage. */
export interface SavedReview {
  readonly current: Review;
  /** Where the review is saved. */
  readonly location: vscode.Uri;
}

export interface ExtensionApi {
  /** The workspace's findings, its scan, and the timing of each edit. */
  host: {
    scanWorkspace(): Thenable<ScanSummary>;
    /** For the last few flushes of edits, after the debounce. */
    readonly stats: { readonly editLatencies: readonly EditLatency[] };
    /** The files a scan would analyse now. */
    readonly files: { findAll(token: vscode.CancellationToken): Thenable<readonly { uri: vscode.Uri }[]> };
    findingsFor(uri: vscode.Uri): Finding[];
    allFindings(): { uri: vscode.Uri; findings: Finding[] }[];
    readonly skipped: SkippedFile[];
  };
  /** The status bar item's text and tooltip, as the reviewer sees them. */
  statusBar: { readonly text: string; readonly tooltip: string };
  /** What the extension wrote to its output channel lately, oldest first (an output channel cannot be read back). */
  log: { readonly recentLines: readonly string[] };
  /** The scorecard, as its panel is sent it, and what the panel's locations open. */
  scorecard: { view(): Promise<ScorecardView>; open(location: LocationView): Promise<void> };
  /** The review of the open repository. */
  reviews(): Promise<SavedReview>;
  /** Opens the review saved in `storage` as activation does: a test of a damaged file opens its own. */
  openReview(storage: vscode.Uri, repository: { name: string; root: vscode.Uri }, rubric: Rubric, log: Log): Promise<SavedReview & vscode.Disposable>;
  rubrics: {
    readonly current: Rubric;
    /** Why the custom rubric could not be used, if it could not. */
    readonly problem: string | undefined;
    reload(): Promise<void>;
  };
  /** Resolves when the scan started at activation has finished. */
  firstScan: Thenable<ScanSummary>;
  /** When `activate` ran, and when hints first reached the active editor (`Date.now()` times). */
  timings: { activatedAt: number; firstHintsAt?: number };
  /** The repository's history and baseline, once read after the first scan (undefined before). */
  history: { readonly current: RepositoryHistory | undefined; readonly lastRead: HistoryReadRecord | undefined };
  /** Blind review: whether the candidate's names are hidden, their code, and the status bar item saying so. */
  blind: { readonly active: boolean; readonly code: string | undefined; readonly statusText: string; ready(): Promise<void> };
  /** Compare Candidates: the comparison its tab is sent, and what a click on a cell opens. */
  compareCandidates: { comparison(): Promise<Comparison>; open(row: number, categoryId: string): Promise<void> };
}
