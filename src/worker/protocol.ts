import type { AnalyzerOptions } from '../analysis/engine';
import type { GrammarBinaries } from '../analysis/parser';
import type { TextEdit } from './documents';
import type { PackedOutcome } from './packedOutcome';
import type { PackedAnalysis } from './packedFindings';

/**
 * The typed messages between a host (the CLI's pool, the extension) and an analysis worker.
 * Requests carry an id; the worker answers each with the same id, in order. Only text and edits
 * cross the boundary, never trees.
 */
export type WorkerRequest =
  | { id: number; kind: 'init'; binaries: GrammarBinaries; options: AnalyzerOptions }
  | { id: number; kind: 'analyzeFile'; file: string; bytes: Uint8Array }
  | { id: number; kind: 'openDocument'; uri: string; file: string; version: number; text: string }
  | { id: number; kind: 'changeDocument'; uri: string; version: number; edits: TextEdit[] }
  | { id: number; kind: 'closeDocument'; uri: string };

export type WorkerResponse =
  | { id: number; kind: 'ready' }
  /** The findings and facts packed (see packedOutcome.ts): `unpackOutcome` gives the analyzer's outcome. */
  | { id: number; kind: 'analyzed'; outcome: PackedOutcome }
  /**
   * `analysis` is absent when the worker does not know the document (it was never opened).
   * `analysisMs`: the worker's own time on the request, parse and packing included.
   */
  | { id: number; kind: 'document'; uri: string; version: number; analysis?: PackedAnalysis; analysisMs: number }
  | { id: number; kind: 'closed' }
  | { id: number; kind: 'failed'; error: string };

/** A request before the sender numbers it. */
export type UnnumberedRequest = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
