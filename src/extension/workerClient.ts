import type * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import type { GrammarBinaries } from '../analysis/parser';
import { WorkerConnection, type WorkerChannel } from '../worker/connection';
import type { UnnumberedRequest, WorkerResponse } from '../worker/protocol';
import type { Settings } from './config';
import type { Log } from './log';

type ResponseOf<K extends WorkerResponse['kind']> = Extract<WorkerResponse, { kind: K }>;

/**
 * The analysis worker's lifecycle: started lazily on the first request, so that activation never
 * waits for the WASM, started again if it died, and restarted with new options.
 */
export class WorkerClient implements vscode.Disposable {
  private connection: Promise<WorkerConnection> | undefined;

  constructor(
    private readonly createChannel: () => WorkerChannel,
    private readonly readBinaries: () => Promise<GrammarBinaries>,
    private readonly settings: () => Settings,
    private readonly log: Log,
  ) {}

  /** Sends a request to the worker, starting it first if it is not running. */
  async request<K extends WorkerResponse['kind']>(message: UnnumberedRequest, expected: K, transfer: ArrayBuffer[] = []): Promise<ResponseOf<K>> {
    return (await this.worker()).request(message, expected, transfer);
  }

  private worker(): Promise<WorkerConnection> {
    const current = this.connection;
    if (current) {
      return current.then((c) => {
        if (c.alive) return c;
        this.connection = undefined;
        return this.worker();
      });
    }
    const started = (async () => {
      const connection = new WorkerConnection(this.createChannel());
      const binaries = await this.readBinaries();
      await connection.request({ kind: 'init', binaries, options: { maxFileBytes: this.settings().maxFileSize } }, 'ready');
      return connection;
    })();
    this.connection = started;
    started.catch((error: unknown) => {
      this.log.error(`the analysis worker did not start: ${errorMessage(error)}`);
      if (this.connection === started) this.connection = undefined;
    });
    return started;
  }

  /** Closes the worker; the next request starts a new one, with the settings as they are then. */
  restart(): void {
    const old = this.connection;
    this.connection = undefined;
    void old?.then((c) => c.close(), () => undefined);
  }

  dispose(): void {
    void this.connection?.then((c) => c.close(), () => undefined);
  }
}
