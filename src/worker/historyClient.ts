import { errorMessage } from '../analysis/errorMessage';
import type { ReadableGitFs } from '../history/gitFs';
import type { RepositoryHistory } from '../history/model';
import type { WorkerChannel } from './connection';
import { answerFsRequest } from './historyFs';
import type { HistoryWorkerMessage, HistoryWorkerRequest } from './historyProtocol';

export type HistoryChannel = WorkerChannel<HistoryWorkerRequest, HistoryWorkerMessage>;

export interface HistoryRead {
  /** The repository's history, or a rejection saying why the worker gave none: it failed, died, took too long or was cancelled. */
  readonly result: Promise<{ history: RepositoryHistory; workerMs: number }>;
  /** Terminates the worker if it still runs; the result then rejects. */
  cancel(): void;
}

export interface HistoryReadOptions {
  dir: string;
  baseline: string;
  /** How long the reader reads the history before it stops and keeps what it has. */
  readerLimitMs: number;
  /** Compare the folder with the baseline without reading the history (a folder whose card is not shown). */
  baselineOnly?: boolean;
  /** How long the worker may run in all before it is terminated: the reader's limit, and time to compare with the baseline. */
  hardLimitMs: number;
}

/**
 * One read of a repository in a history worker of its own: the worker is started here, its every
 * file read is answered from `fs` (on the extension host, `vscode.workspace.fs`: waiting for I/O,
 * not the host's CPU), and it is terminated once it answers, fails, dies, runs out of time or is
 * cancelled. The result never rejects unobserved: a caller that drops it loses nothing.
 */
export function readInWorker(createChannel: () => HistoryChannel, fs: ReadableGitFs, options: HistoryReadOptions): HistoryRead {
  let finish: (outcome: { history: RepositoryHistory; workerMs: number } | Error) => void = () => undefined;
  const result = new Promise<{ history: RepositoryHistory; workerMs: number }>((resolve, reject) => {
    let channel: HistoryChannel | undefined;
    let done = false;
    const timer = setTimeout(() => finish(new Error(`the history worker did not answer within ${options.hardLimitMs / 1000} s and was stopped`)), options.hardLimitMs);
    finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      channel?.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    try {
      const started = createChannel();
      channel = started;
      started.onExit((reason) => finish(new Error(reason)));
      started.onMessage((message) => {
        switch (message.kind) {
          case 'fs':
            void answerFsRequest(fs, message).then(({ result, transfer }) => {
              if (!done) started.post({ kind: 'fsResult', id: message.id, result }, transfer);
            });
            return;
          case 'read':
            return finish({ history: message.result, workerMs: message.ms });
          case 'failed':
            return finish(new Error(message.error));
        }
      });
      started.post({ kind: 'read', dir: options.dir, baseline: options.baseline, timeLimitMs: options.readerLimitMs, baselineOnly: options.baselineOnly ?? false }, []);
    } catch (error) {
      finish(new Error(`the history worker did not start: ${errorMessage(error)}`));
    }
  });
  result.catch(() => undefined);
  return { result, cancel: () => finish(new Error('the history read was cancelled')) };
}
