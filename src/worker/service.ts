import { RustAnalyzer } from '../analysis/engine';
import { errorMessage } from '../analysis/errorMessage';
import { DocumentStore, type DocumentChange } from './documents';
import { packOutcome } from './packedOutcome';
import { packDocument } from './packedFindings';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { longEnoughToWarmUp, warmUp } from './warmUp';

/**
 * The worker's message loop, free of any platform: each adapter (worker_threads, Web Worker)
 * feeds it requests and posts its responses. Requests are handled strictly in order, so a reply
 * never overtakes an earlier one.
 */
export function createAnalysisService(post: (response: WorkerResponse, transfer: ArrayBuffer[]) => void): (request: WorkerRequest) => void {
  let analyzer: RustAnalyzer | undefined;
  let documents: DocumentStore | undefined;
  let queue: Promise<void> = Promise.resolve();
  /** Requests received and not yet answered. */
  let waiting = 0;
  let warmingStarted = false;

  /** A document's reply, its findings packed into a buffer that is transferred. */
  function documentReply(request: { id: number; uri: string; version: number }, result: DocumentChange | undefined, started: number): [WorkerResponse, ArrayBuffer[]] {
    const packed = result && packDocument(result.analysis, result.newFrom);
    const response: WorkerResponse = { id: request.id, kind: 'document', uri: request.uri, version: request.version, analysis: packed?.analysis, analysisMs: performance.now() - started };
    return [response, packed?.transfer ?? []];
  }

  async function handle(request: WorkerRequest): Promise<WorkerResponse | [WorkerResponse, ArrayBuffer[]]> {
    if (request.kind === 'init') {
      analyzer?.dispose();
      analyzer = await RustAnalyzer.create(request.binaries, request.options);
      documents = new DocumentStore(analyzer);
      return { id: request.id, kind: 'ready' };
    }
    if (!analyzer || !documents) return { id: request.id, kind: 'failed', error: 'the worker was not initialised' };
    const started = performance.now();
    switch (request.kind) {
      case 'analyzeFile': {
        const { outcome, transfer } = packOutcome(analyzer.analyzeBytes(request.file, request.bytes));
        return [{ id: request.id, kind: 'analyzed', outcome }, transfer];
      }
      case 'openDocument': {
        const analysis = documents.open(request.uri, request.file, request.version, request.text);
        if (analysis && !warmingStarted && longEnoughToWarmUp(analysis.summary)) {
          warmingStarted = true;
          const store = documents;
          void warmUp(store, request.uri, () => waiting === 0, () => documents === store);
        }
        return documentReply(request, analysis && { analysis, newFrom: 0 }, started);
      }
      case 'changeDocument':
        return documentReply(request, documents.change(request.uri, request.version, request.edits), started);
      case 'closeDocument':
        documents.close(request.uri);
        return { id: request.id, kind: 'closed' };
    }
  }

  return (request) => {
    waiting++;
    queue = queue.then(async () => {
      try {
        const reply = await handle(request);
        if (Array.isArray(reply)) post(...reply);
        else post(reply, []);
      } catch (error) {
        post({ id: request.id, kind: 'failed', error: errorMessage(error) }, []);
      } finally {
        waiting--;
      }
    });
  };
}
