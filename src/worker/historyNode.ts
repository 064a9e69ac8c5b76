import { parentPort } from 'node:worker_threads';
import type { HistoryWorkerRequest } from './historyProtocol';
import { createHistoryService } from './historyService';

// The history worker's worker_threads adapter: the service does the work, this file only wires the port.
if (parentPort) {
  const port = parentPort;
  const handle = createHistoryService((message, transfer) => port.postMessage(message, transfer));
  port.on('message', (request: HistoryWorkerRequest) => handle(request));
}
