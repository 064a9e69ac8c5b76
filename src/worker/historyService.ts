import { errorMessage } from '../analysis/errorMessage';
import type { RepositoryHistory } from '../history/model';
import { compareWithNamedBaseline, readRepositoryHistory } from '../history/repositoryHistory';
import { FsRequests, proxyGitFs } from './historyFs';
import type { HistoryWorkerMessage, HistoryWorkerRequest } from './historyProtocol';

/**
 * How long the reader runs before it lets the worker's event loop take the host's answers. On
 * its own thread it need not yield often; the answers it waits for come in between anyway.
 */
const WORKER_TURN_BUDGET_MS = 100;

/** Why a read asked for the baseline alone has no history. */
export const BASELINE_ONLY = 'only the baseline was compared';

/**
 * The history worker's message loop, without the platform: a `read` runs the pure reader of
 * src/history over a file system whose reads are messages to the host, and posts the result.
 */
export function createHistoryService(post: (message: HistoryWorkerMessage, transfer: ArrayBuffer[]) => void): (request: HistoryWorkerRequest) => void {
  const requests = new FsRequests((id, request) => post({ kind: 'fs', id, ...request }, []));
  const fs = proxyGitFs((request) => requests.send(request));
  return (request) => {
    switch (request.kind) {
      case 'fsResult':
        return requests.answer(request.id, request.result);
      case 'read': {
        const started = performance.now();
        const limits = { timeLimitMs: request.timeLimitMs, turnBudgetMs: WORKER_TURN_BUDGET_MS };
        const reading = request.baselineOnly
          ? compareWithNamedBaseline(fs, request.dir, request.baseline).then((compared): RepositoryHistory => ({ history: { available: false, reason: BASELINE_ONLY }, ...compared }))
          : readRepositoryHistory(fs, request.dir, { baseline: request.baseline, limits });
        reading.then(
          (result) => post({ kind: 'read', result, ms: performance.now() - started }, []),
          (error: unknown) => post({ kind: 'failed', error: errorMessage(error) }, []),
        );
      }
    }
  };
}
