import type { RepositoryHistory } from '../history/model';

/**
 * The typed messages between the extension host and the history worker, which reads the
 * candidate's repository off the host's thread. The worker has no file system of its own (a Web
 * Worker cannot reach `vscode.workspace.fs`): every read of the repository is a request it sends,
 * numbered, that the host answers with the same number (historyFs.ts). One worker reads once.
 */

/** What the worker asks of the repository's files; paths are absolute and use `/`. */
export type FsRequest = { op: 'readFile' | 'readdir' | 'stat' | 'lstat'; path: string };

/** A file or folder as the host saw it. */
export interface FsStat {
  size: number;
  file: boolean;
  directory: boolean;
  symbolicLink: boolean;
}

/** The host's answer to an FsRequest; `code` is Node's (`ENOENT` for a missing file, so isomorphic-git probes on). */
export type FsResult =
  | { op: 'readFile'; bytes: Uint8Array }
  | { op: 'readdir'; names: string[] }
  | { op: 'stat'; stat: FsStat }
  | { op: 'error'; code: string; message: string };

/** From the host to the worker. */
export type HistoryWorkerRequest =
  /**
   * Read the repository at `dir` and compare it with `baseline` (empty for none); `timeLimitMs`
   * bounds reading the history. With `baselineOnly`, the history is not read: only the comparison.
   */
  | { kind: 'read'; dir: string; baseline: string; timeLimitMs: number; baselineOnly: boolean }
  | { kind: 'fsResult'; id: number; result: FsResult };

/** From the worker to the host. */
export type HistoryWorkerMessage =
  | ({ kind: 'fs'; id: number } & FsRequest)
  /** `ms`: the worker's own time on the read, the host's answers included. */
  | { kind: 'read'; result: RepositoryHistory; ms: number }
  | { kind: 'failed'; error: string };
