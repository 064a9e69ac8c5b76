import { Worker } from 'node:worker_threads';
import type { WorkerChannel } from './connection';
import type { WorkerResponse } from './protocol';

/** A worker_threads worker running the bundled `worker-node.js`. */
export function nodeWorkerChannel(script: string): WorkerChannel {
  const worker = new Worker(script);
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.on('message', (response: WorkerResponse) => listener(response)),
    onExit: (listener) => {
      let reported = false;
      const report = (reason: string) => {
        if (!reported) listener(reason);
        reported = true;
      };
      worker.on('error', (error) => report(`the analysis worker failed: ${error.message}`));
      worker.on('exit', (code) => report(`the analysis worker exited with code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
