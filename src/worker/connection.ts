import type { UnnumberedRequest, WorkerRequest, WorkerResponse } from './protocol';

/**
 * The platform half of a worker: worker_threads in Node, a Web Worker in the browser. The analysis
 * worker's messages by default; the history worker's (historyProtocol.ts) through the same adapters.
 */
export interface WorkerChannel<Out = WorkerRequest, In = WorkerResponse> {
  post(request: Out, transfer: ArrayBuffer[]): void;
  onMessage(listener: (response: In) => void): void;
  /** Called once if the worker dies or fails to load, with a reason for the log. */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
}

type Pending = { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void };
type ResponseOf<K extends WorkerResponse['kind']> = Extract<WorkerResponse, { kind: K }>;

/**
 * Numbered requests to one analysis worker, each answered by the response with its number. If the
 * worker dies, every outstanding request fails with the reason, and so does every later one.
 */
export class WorkerConnection {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exitReason: string | undefined;

  constructor(private readonly channel: WorkerChannel) {
    channel.onMessage((response) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      waiting?.resolve(response);
    });
    channel.onExit((reason) => {
      this.exitReason = reason;
      for (const { reject } of this.pending.values()) reject(new Error(reason));
      this.pending.clear();
    });
  }

  get alive(): boolean {
    return this.exitReason === undefined;
  }

  /** Sends a request and resolves with its response, which must be of kind `expected`. */
  async request<K extends WorkerResponse['kind']>(message: UnnumberedRequest, expected: K, transfer: ArrayBuffer[] = []): Promise<ResponseOf<K>> {
    if (this.exitReason !== undefined) throw new Error(this.exitReason);
    const id = this.nextId++;
    const response = await new Promise<WorkerResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.channel.post({ ...message, id }, transfer);
    });
    if (response.kind === 'failed') throw new Error(response.error);
    if (response.kind !== expected) throw new Error(`the analysis worker answered ${response.kind} where ${expected} was expected`);
    return response as ResponseOf<K>;
  }

  close(): void {
    this.exitReason ??= 'the analysis worker was closed';
    this.channel.terminate();
  }
}

/** A copy of the bytes in a buffer of their own, so they can be transferred without copying again. */
export function transferable(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { bytes: new Uint8Array(buffer), transfer: [buffer] };
}
