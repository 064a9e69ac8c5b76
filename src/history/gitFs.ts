import type { PromiseFsClient } from 'isomorphic-git';

/**
 * The file system the git reader is given, in isomorphic-git's "promises" shape: Node's `fs` in
 * the CLI and the tests, `vscode.workspace.fs` behind an adapter in the extension. The reader
 * reads through `readOnlyGitFs`, which never writes and treats `.git` as untrusted input.
 */

/** What the reader asks of a file or folder. */
export interface GitFileStat {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  size: number;
}

/** The reading half of isomorphic-git's `PromiseFsClient`; paths are absolute and use `/`. */
export interface ReadableGitFs {
  promises: {
    readFile(path: string, options?: { encoding?: string } | string): Promise<Uint8Array | string>;
    readdir(path: string): Promise<string[]>;
    stat(path: string): Promise<GitFileStat>;
    lstat(path: string): Promise<GitFileStat>;
  };
}

/** The largest pack file the reader loads (isomorphic-git reads a pack whole), and the largest other file. */
export const MAX_PACK_BYTES = 256 * 1024 * 1024;
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A file in `.git` the reader refuses: a symbolic link, a device, or one over its size limit. */
export class UnsafeGitFileError extends Error {
  readonly code = 'EUNSAFE';
}

function refuseWrite(): Promise<never> {
  return Promise.reject(new Error('the git reader is read-only'));
}

const MIB = 1024 * 1024;

/**
 * `fs` as isomorphic-git may use it here: reads only, never through a symbolic link (a `.git` may
 * point one at `/dev/zero` or outside the workspace), never a file over its limit, and every write
 * refused. A missing file keeps the underlying error, so isomorphic-git still sees `ENOENT`.
 */
/**
 * Reads a file of `.git`, never through a symbolic link (a `.git` may point one at `/dev/zero` or
 * outside the workspace) and never one over its limit. A missing file keeps the underlying error,
 * so isomorphic-git still sees `ENOENT`.
 */
async function readGuarded(fs: ReadableGitFs, path: string, options?: { encoding?: string } | string): Promise<Uint8Array | string> {
  const stat = await fs.promises.lstat(path);
  if (stat.isSymbolicLink()) throw new UnsafeGitFileError(`${path} is a symbolic link, which the git reader does not follow`);
  if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  if (!stat.isFile()) throw new UnsafeGitFileError(`${path} is not a regular file`);
  const limit = path.endsWith('.pack') ? MAX_PACK_BYTES : MAX_FILE_BYTES;
  if (stat.size > limit) throw new UnsafeGitFileError(`${path} is ${Math.round(stat.size / MIB)} MiB, over the git reader's limit of ${limit / MIB} MiB`);
  return fs.promises.readFile(path, options);
}

function notFound(path: string): Error {
  return Object.assign(new Error(`${path} does not exist`), { code: 'ENOENT' });
}

/**
 * `fs` as isomorphic-git may use it here: guarded reads, stat without following links, and every
 * write refused. isomorphic-git looks for each object loose before it looks in the packs, listing
 * the pack folder each time; the folders under `objects/` are listed once instead, and a loose
 * object that is not listed is answered without asking the file system, and each path is looked at
 * once: the repository is read as a snapshot, and these repeated looks took most of the reading time
 * of a 10,000-commit history.
 */
export function readOnlyGitFs(fs: ReadableGitFs): PromiseFsClient {
  const listings = new Map<string, Promise<Set<string> | undefined>>();
  // isomorphic-git looks at the git folder again on every object read: each path is looked at once.
  const stats = new Map<string, Promise<GitFileStat>>();
  const stat = (path: string) => {
    let result = stats.get(path);
    if (!result) {
      result = fs.promises.lstat(path);
      stats.set(path, result);
    }
    return result;
  };
  const listObjects = (folder: string) => {
    let listing = listings.get(folder);
    if (!listing) {
      listing = fs.promises.readdir(folder).then((names) => new Set(names), () => undefined);
      listings.set(folder, listing);
    }
    return listing;
  };
  /** Whether a path under `objects/` is known to be absent from its folder's listing. */
  const knownAbsent = async (path: string): Promise<boolean> => {
    const slash = path.lastIndexOf('/');
    const folder = path.slice(0, slash);
    if (!/\/objects(\/[0-9a-f]{2}|\/pack)$/.test(folder)) return false;
    const names = await listObjects(folder);
    return names === undefined || !names.has(path.slice(slash + 1));
  };
  const promises = {
    async readFile(path: string, options?: { encoding?: string } | string) {
      if (await knownAbsent(path)) throw notFound(path);
      return readGuarded(fs, path, options);
    },
    async readdir(path: string) {
      if (/\/objects(\/[0-9a-f]{2}|\/pack)$/.test(path)) {
        const names = await listObjects(path);
        if (names === undefined) throw notFound(path);
        return [...names];
      }
      return fs.promises.readdir(path);
    },
    stat,
    lstat: stat,
    readlink: refuseWrite,
    writeFile: refuseWrite,
    mkdir: refuseWrite,
    rmdir: refuseWrite,
    unlink: refuseWrite,
    symlink: refuseWrite,
    chmod: refuseWrite,
  };
  return { promises };
}

/** A file's text, or undefined when it is missing; a file refused (UnsafeGitFileError) throws. */
export async function readGitText(fs: ReadableGitFs, path: string): Promise<string | undefined> {
  try {
    const data = await readGuarded(fs, path);
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  } catch (error) {
    if (error instanceof UnsafeGitFileError) throw error;
    return undefined;
  }
}
