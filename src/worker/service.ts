import { RustAnalyzer } from '../analysis/engine';
import { DocumentStore } from './documents';
import type { WorkerRequest, WorkerResponse } from './protocol';

/**
 * The worker's message loop, free of any platform: each adapter (worker_threads, Web Worker)
 * feeds it requests and posts its responses. Requests are handled strictly in order, so a reply
 * never overtakes an earlier one.
 */
export function createAnalysisService(post: (response: WorkerResponse) => void): (request: WorkerRequest) => void {
  let analyzer: RustAnalyzer | undefined;
  let documents: DocumentStore | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function handle(request: WorkerRequest): Promise<WorkerResponse> {
    if (request.kind === 'init') {
      analyzer?.dispose();
      analyzer = await RustAnalyzer.create(request.binaries, request.options);
      documents = new DocumentStore(analyzer);
      return { id: request.id, kind: 'ready' };
    }
    if (!analyzer || !documents) return { id: request.id, kind: 'failed', error: 'the worker was not initialised' };
    const started = Date.now();
    switch (request.kind) {
      case 'analyzeFile':
        return { id: request.id, kind: 'analyzed', outcome: analyzer.analyzeBytes(request.file, request.bytes) };
      case 'openDocument': {
        const analysis = documents.open(request.uri, request.file, request.version, request.text);
        return { id: request.id, kind: 'document', uri: request.uri, version: request.version, analysis, parseMs: Date.now() - started };
      }
      case 'changeDocument': {
        const analysis = documents.change(request.uri, request.version, request.edits);
        return { id: request.id, kind: 'document', uri: request.uri, version: request.version, analysis, parseMs: Date.now() - started };
      }
      case 'closeDocument':
        documents.close(request.uri);
        return { id: request.id, kind: 'closed' };
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
