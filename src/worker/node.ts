import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from './protocol';
import { createAnalysisService } from './service';

// The worker_threads adapter: the service does the work, this file only wires the port.
if (parentPort) {
  const port = parentPort;
  const handle = createAnalysisService((response, transfer) => port.postMessage(response, transfer));
  port.on('message', (request: WorkerRequest) => handle(request));
}
