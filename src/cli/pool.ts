import { Worker } from 'node:worker_threads';
import type { AnalyzerOptions, AnalysisOutcome } from '../analysis/engine';
import type { GrammarBinaries } from '../analysis/parser';
import type { UnnumberedRequest, WorkerResponse } from '../worker/protocol';

type Pending = { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void };

/** One analysis worker thread and its outstanding requests, answered in order. */
class AnalysisThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(script: string) {
    this.worker = new Worker(script);
    this.worker.on('message', (response: WorkerResponse) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      waiting?.resolve(response);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the analysis worker exited with code ${code}`)));
  }

  request(message: UnnumberedRequest, transfer: ArrayBuffer[] = []): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * A pool of worker threads, each with its own parser, fed one file at a time so a slow file never
 * holds back the others.
 */
export class AnalysisPool {
  private constructor(private readonly threads: AnalysisThread[]) {}

  static async start(script: string, size: number, binaries: GrammarBinaries, options: AnalyzerOptions): Promise<AnalysisPool> {
    const threads = Array.from({ length: size }, () => new AnalysisThread(script));
    const pool = new AnalysisPool(threads);
    try {
      await Promise.all(threads.map((t) => expect(t.request({ kind: 'init', binaries, options }), 'ready')));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Analyses every file; `read` supplies bytes lazily so that only files in flight are held in memory. */
  async analyzeAll(
    files: readonly string[],
    read: (file: string) => Promise<Uint8Array>,
    onOutcome: (outcome: AnalysisOutcome) => void,
  ): Promise<void> {
    let next = 0;
    const drain = async (thread: AnalysisThread): Promise<void> => {
      while (next < files.length) {
        const file = files[next++];
        const bytes = await read(file);
        const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        const response = await expect(thread.request({ kind: 'analyzeFile', file, bytes: new Uint8Array(buffer) }, [buffer]), 'analyzed');
        onOutcome(response.outcome);
      }
    };
    await Promise.all(this.threads.map(drain));
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}

async function expect<K extends WorkerResponse['kind']>(reply: Promise<WorkerResponse>, kind: K): Promise<Extract<WorkerResponse, { kind: K }>> {
  const response = await reply;
  if (response.kind === 'failed') throw new Error(response.error);
  if (response.kind !== kind) throw new Error(`the analysis worker answered ${response.kind} where ${kind} was expected`);
  return response as Extract<WorkerResponse, { kind: K }>;
}
