import type { WorkerRequest, WorkerResponse } from './protocol';
import { createAnalysisService } from './service';

// The Web Worker adapter, for VS Code for the Web: the service does the work, this file only
// wires the worker's message port.
declare const self: { postMessage(message: WorkerResponse, transfer: ArrayBuffer[]): void; onmessage: ((event: { data: WorkerRequest }) => void) | null };

const handle = createAnalysisService((response, transfer) => self.postMessage(response, transfer));
self.onmessage = (event) => handle(event.data);
