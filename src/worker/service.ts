import { RustAnalyzer } from '../analysis/engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

/**
 * The worker's message loop, free of any platform: each adapter (worker_threads, Web Worker)
 * feeds it requests and posts its responses. Requests are handled strictly in order, so a reply
 * never overtakes an earlier one.
 */
export function createAnalysisService(post: (response: WorkerResponse) => void): (request: WorkerRequest) => void {
  let analyzer: RustAnalyzer | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function handle(request: WorkerRequest): Promise<WorkerResponse> {
    switch (request.kind) {
      case 'init':
        analyzer?.dispose();
        analyzer = await RustAnalyzer.create(request.binaries, request.options);
        return { id: request.id, kind: 'ready' };
      case 'analyzeFile':
        if (!analyzer) return { id: request.id, kind: 'failed', error: 'the worker was not initialised' };
        return { id: request.id, kind: 'analyzed', outcome: analyzer.analyzeBytes(request.file, request.bytes) };
    }
  }

  return (request) => {
    queue = queue.then(async () => {
      try {
        post(await handle(request));
      } catch (error) {
        post({ id: request.id, kind: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    });
  };
}
