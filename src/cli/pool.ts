import type { AnalyzerOptions, AnalysisOutcome } from '../analysis/engine';
import { compileGrammar, type GrammarBinaries } from '../analysis/parser';
import { transferable, WorkerConnection } from '../worker/connection';
import { unpackOutcome } from '../worker/packedOutcome';
import { nodeWorkerChannel } from '../worker/nodeChannel';

/** Files sent to a worker before its first answer comes back, so it never waits on the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * A pool of worker threads, each with its own parser. Files are handed out a few at a time per
 * worker, so a slow file never holds back the others and no worker waits for its next file.
 */
export class AnalysisPool {
  private constructor(
    private readonly workers: WorkerConnection[],
    private readonly ready: Promise<unknown>,
  ) {}

  /**
   * Starts the workers and returns at once; they get ready while the caller does other work, and
   * `analyzeAll` waits for them. The grammar is compiled once here and the modules posted to every
   * worker, which then share its compiled code instead of each compiling it anew.
   */
  static start(script: string, size: number, binaries: GrammarBinaries, options: AnalyzerOptions): AnalysisPool {
    const workers = Array.from({ length: size }, () => new WorkerConnection(nodeWorkerChannel(script)));
    const ready = compileGrammar(binaries).then((compiled) => Promise.all(workers.map((w) => w.request({ kind: 'init', binaries: compiled, options }, 'ready'))));
    // Failure is reported by analyzeAll; until then it must not count as unhandled.
    ready.catch(() => undefined);
    return new AnalysisPool(workers, ready);
  }

  /**
   * Analyses every file, in the order given (handing out the largest first was measured: on std it
   * took more CPU time and memory, as the largest files were analysed at once, and on tokio no less
   * time). `read` supplies bytes lazily so that only files in flight are held in memory, and
   * returns undefined for a file it could not read (and has reported).
   */
  async analyzeAll(files: readonly string[], read: (file: string) => Uint8Array | undefined, onOutcome: (outcome: AnalysisOutcome) => void): Promise<void> {
    await this.ready;
    let next = 0;
    const drain = async (worker: WorkerConnection): Promise<void> => {
      while (next < files.length) {
        const file = files[next++];
        const contents = read(file);
        if (!contents) continue;
        const { bytes, transfer } = transferable(contents);
        const response = await worker.request({ kind: 'analyzeFile', file, bytes }, 'analyzed', transfer);
        onOutcome(unpackOutcome(response.outcome));
      }
    };
    await Promise.all(this.workers.flatMap((worker) => Array.from({ length: IN_FLIGHT_PER_WORKER }, () => drain(worker))));
  }

  close(): void {
    for (const worker of this.workers) worker.close();
  }
}
