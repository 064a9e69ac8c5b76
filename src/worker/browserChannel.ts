import type { WorkerChannel } from './connection';
import type { WorkerResponse } from './protocol';

/** A Web Worker running the bundled `worker-browser.js`, for VS Code for the Web. */
export function webWorkerChannel(url: string): WorkerChannel {
  const worker = new Worker(url);
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => listener(event.data)),
    onExit: (listener) =>
      worker.addEventListener('error', (event: ErrorEvent) => listener(`the analysis worker failed: ${event.message || 'it could not be loaded'}`)),
    terminate: () => worker.terminate(),
  };
}
