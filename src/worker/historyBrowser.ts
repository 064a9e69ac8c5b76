import type { HistoryWorkerMessage, HistoryWorkerRequest } from './historyProtocol';
import { createHistoryService } from './historyService';

// The history worker's Web Worker adapter, for VS Code for the Web: the service does the work, this
// file only wires the worker's message port.
declare const self: { postMessage(message: HistoryWorkerMessage, transfer: ArrayBuffer[]): void; onmessage: ((event: { data: HistoryWorkerRequest }) => void) | null };

const handle = createHistoryService((message, transfer) => self.postMessage(message, transfer));
self.onmessage = (event) => handle(event.data);
