import type { AnalyzerOptions, AnalysisOutcome } from '../analysis/engine';
import type { GrammarBinaries } from '../analysis/parser';

/**
 * The typed messages between a host (the CLI's pool, the extension) and an analysis worker.
 * Requests carry an id; the worker answers each with the same id, in order.
 */
export type WorkerRequest =
  | { id: number; kind: 'init'; binaries: GrammarBinaries; options: AnalyzerOptions }
  | { id: number; kind: 'analyzeFile'; file: string; bytes: Uint8Array };

export type WorkerResponse =
  | { id: number; kind: 'ready' }
  | { id: number; kind: 'analyzed'; outcome: AnalysisOutcome }
  | { id: number; kind: 'failed'; error: string };

/** A request before the sender numbers it. */
export type UnnumberedRequest = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
