import type { WorkerChannel } from './connection';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** A Web Worker running a bundled script, for VS Code for the Web: `worker-browser.js` (the analysis) unless told otherwise. */
export function webWorkerChannel<Out = WorkerRequest, In = WorkerResponse>(url: string, name = 'the analysis worker'): WorkerChannel<Out, In> {
  const worker = new Worker(url);
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<In>) => listener(event.data)),
    onExit: (listener) => worker.addEventListener('error', (event: ErrorEvent) => listener(`${name} failed: ${event.message || 'it could not be loaded'}`)),
    terminate: () => worker.terminate(),
  };
}
