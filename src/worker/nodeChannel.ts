import { Worker } from 'node:worker_threads';
import type { WorkerChannel } from './connection';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** A worker_threads worker running a bundled script: `worker-node.js` (the analysis) unless told otherwise. */
export function nodeWorkerChannel<Out = WorkerRequest, In = WorkerResponse>(script: string, name = 'the analysis worker'): WorkerChannel<Out, In> {
  const worker = new Worker(script);
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.on('message', (response: In) => listener(response)),
    onExit: (listener) => {
      let reported = false;
      const report = (reason: string) => {
        if (!reported) listener(reason);
        reported = true;
      };
      worker.on('error', (error) => report(`${name} failed: ${error.message}`));
      worker.on('exit', (code) => report(`${name} exited with code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
