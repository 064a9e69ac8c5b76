import type { EditLatency } from '../api';

/** When a step of drawing a document's hints began, and the turn of the host's thread it ran in. */
export interface DrawStep {
  startedAt: number;
  turnStartedAt: number;
}

/**
 * What the benchmark and the tests time of each edit, from its flush to the worker to its hints
 * drawn. The parts that take part report to it; outside tests it is `NO_EDIT_TIMINGS`.
 */
export interface EditTimingRecorder {
  /** The worker answered the latest flush of a document's edits (`performance.now()` times). */
  replied(key: string, timing: { flushedAt: number; repliedAt: number; analysisMs: number }): void;
  /**
   * A step of drawing the document's hints ended; `drawn` when it was the last. A turn may hold
   * steps of other work before this document's, which block the thread as much: a turn counts up
   * to the end of this document's last step in it.
   */
  drew(key: string, step: DrawStep, drawn?: boolean): void;
  /** The edit's hints will not be drawn as timed (a reply not shown, a document no longer followed). */
  dropped(key: string): void;
}

export const NO_EDIT_TIMINGS: EditTimingRecorder = {
  replied: () => undefined,
  drew: () => undefined,
  dropped: () => undefined,
};

/** How many of the last edits' latencies are kept. */
const KEPT_LATENCIES = 50;

/** Records each edit's latency, for the integration tests and `npm run bench:editor`. */
export class EditLatencyRecorder implements EditTimingRecorder {
  /** For the last few flushes of edits, after the debounce, oldest first. */
  readonly editLatencies: EditLatency[] = [];
  private readonly drawing = new Map<string, { flushedAt: number; repliedAt: number; analysisMs: number; drawMs: number; longestDrawTurnMs: number; longestDrawTurnAt: number }>();

  replied(key: string, { flushedAt, repliedAt, analysisMs }: { flushedAt: number; repliedAt: number; analysisMs: number }): void {
    this.drawing.set(key, { flushedAt, repliedAt, analysisMs, drawMs: 0, longestDrawTurnMs: 0, longestDrawTurnAt: repliedAt });
  }

  drew(key: string, step: DrawStep, drawn = false): void {
    const timing = this.drawing.get(key);
    if (!timing) return;
    const now = performance.now();
    timing.drawMs += now - step.startedAt;
    const turnMs = now - step.turnStartedAt;
    if (turnMs > timing.longestDrawTurnMs) {
      timing.longestDrawTurnMs = turnMs;
      timing.longestDrawTurnAt = step.turnStartedAt;
    }
    if (!drawn) return;
    this.drawing.delete(key);
    const { flushedAt, repliedAt, analysisMs, drawMs, longestDrawTurnMs, longestDrawTurnAt } = timing;
    this.editLatencies.push({ flushedAt, workerMs: repliedAt - flushedAt, analysisMs, hintsMs: now - flushedAt, drawMs, longestDrawTurnMs, longestDrawTurnAt });
    if (this.editLatencies.length > KEPT_LATENCIES) this.editLatencies.shift();
  }

  dropped(key: string): void {
    this.drawing.delete(key);
  }
}
