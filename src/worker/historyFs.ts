import { errorMessage } from '../analysis/errorMessage';
import type { GitFileStat, ReadableGitFs } from '../history/gitFs';
import type { FsRequest, FsResult, FsStat } from './historyProtocol';
import { transferable } from './connection';

/**
 * The two halves of the history worker's file system. In the worker, `proxyGitFs` is a
 * ReadableGitFs whose every call is a message to the host; the reader wraps it in `readOnlyGitFs`
 * as it wraps any other, so the limits of src/history/gitFs.ts (no symbolic link followed, no file
 * over its size read, nothing written) apply in the worker exactly as in the CLI. On the host,
 * `answerFsRequest` answers each message from the host's own ReadableGitFs (`vscode.workspace.fs`).
 */

function asStat(stat: FsStat): GitFileStat {
  return { size: stat.size, isFile: () => stat.file, isDirectory: () => stat.directory, isSymbolicLink: () => stat.symbolicLink };
}

/** A ReadableGitFs over request/reply messages: `send` posts a request and resolves with the host's answer. */
export function proxyGitFs(send: (request: FsRequest) => Promise<FsResult>): ReadableGitFs {
  const ask = async <Op extends FsResult['op']>(request: FsRequest, expected: Op): Promise<Extract<FsResult, { op: Op }>> => {
    const result = await send(request);
    if (result.op === 'error') throw Object.assign(new Error(result.message), { code: result.code });
    if (result.op !== expected) throw Object.assign(new Error(`${request.path}: the host answered ${result.op} where ${expected} was expected`), { code: 'EIO' });
    return result as Extract<FsResult, { op: Op }>;
  };
  return {
    promises: {
      async readFile(path, options) {
        const { bytes } = await ask({ op: 'readFile', path }, 'readFile');
        // isomorphic-git asks for text as Node's `fs` gives it: `'utf8'` or `{ encoding: 'utf8' }`.
        const encoding = typeof options === 'string' ? options : options?.encoding;
        return encoding ? new TextDecoder().decode(bytes) : bytes;
      },
      readdir: async (path) => (await ask({ op: 'readdir', path }, 'readdir')).names,
      stat: async (path) => asStat((await ask({ op: 'stat', path }, 'stat')).stat),
      lstat: async (path) => asStat((await ask({ op: 'lstat', path }, 'stat')).stat),
    },
  };
}

/** The answer to one of the worker's requests from `fs`, with the buffers to transfer rather than copy. Never throws. */
export async function answerFsRequest(fs: ReadableGitFs, request: FsRequest): Promise<{ result: FsResult; transfer: ArrayBuffer[] }> {
  try {
    switch (request.op) {
      case 'readFile': {
        const data = await fs.promises.readFile(request.path);
        const { bytes, transfer } = transferable(typeof data === 'string' ? new TextEncoder().encode(data) : data);
        return { result: { op: 'readFile', bytes }, transfer };
      }
      case 'readdir':
        return { result: { op: 'readdir', names: await fs.promises.readdir(request.path) }, transfer: [] };
      case 'stat':
      case 'lstat': {
        const stat = await fs.promises[request.op](request.path);
        return { result: { op: 'stat', stat: { size: stat.size, file: stat.isFile(), directory: stat.isDirectory(), symbolicLink: stat.isSymbolicLink() } }, transfer: [] };
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    return { result: { op: 'error', code: typeof code === 'string' ? code : 'EIO', message: errorMessage(error) }, transfer: [] };
  }
}

/** The worker's numbered requests to the host, each settled by the answer with its number. */
export class FsRequests {
  private readonly pending = new Map<number, (result: FsResult) => void>();
  private nextId = 1;

  constructor(private readonly post: (id: number, request: FsRequest) => void) {}

  send(request: FsRequest): Promise<FsResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post(id, request);
    });
  }

  /** Settles the request numbered `id`; an unknown number is ignored. */
  answer(id: number, result: FsResult): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(result);
  }
}
