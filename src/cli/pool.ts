import type { AnalyzerOptions, AnalysisOutcome } from '../analysis/engine';
import type { GrammarBinaries } from '../analysis/parser';
import { transferable, WorkerConnection } from '../worker/connection';
import { nodeWorkerChannel } from '../worker/nodeChannel';

/** Files sent to a worker before its first answer comes back, so it never waits on the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * A pool of worker threads, each with its own parser. Files are handed out a few at a time per
 * worker, so a slow file never holds back the others and no worker waits for its next file.
 */
export class AnalysisPool {
  private constructor(private readonly workers: WorkerConnection[]) {}

  static async start(script: string, size: number, binaries: GrammarBinaries, options: AnalyzerOptions): Promise<AnalysisPool> {
    const pool = new AnalysisPool(Array.from({ length: size }, () => new WorkerConnection(nodeWorkerChannel(script))));
    try {
      await Promise.all(pool.workers.map((w) => w.request({ kind: 'init', binaries, options }, 'ready')));
    } catch (error) {
      pool.close();
      throw error;
    }
    return pool;
  }

  /**
   * Analyses every file; `read` supplies bytes lazily so that only files in flight are held in
   * memory, and returns undefined for a file it could not read (and has reported).
   */
  async analyzeAll(
    files: readonly string[],
    read: (file: string) => Uint8Array | undefined,
    onOutcome: (outcome: AnalysisOutcome) => void,
  ): Promise<void> {
    let next = 0;
    const drain = async (worker: WorkerConnection): Promise<void> => {
      while (next < files.length) {
        const file = files[next++];
        const contents = read(file);
        if (!contents) continue;
        const { bytes, transfer } = transferable(contents);
        const response = await worker.request({ kind: 'analyzeFile', file, bytes }, 'analyzed', transfer);
        onOutcome(response.outcome);
      }
    };
    await Promise.all(this.workers.flatMap((worker) => Array.from({ length: IN_FLIGHT_PER_WORKER }, () => drain(worker))));
  }

  close(): void {
    for (const worker of this.workers) worker.close();
  }
}
