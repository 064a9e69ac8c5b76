import * as vscode from 'vscode';
import type { GitFileStat, ReadableGitFs } from '../history/gitFs';

/** A file system error as isomorphic-git understands it: `ENOENT` for a missing file, so it probes on. */
function asNodeError(error: unknown, path: string): Error {
  const missing = error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileNotADirectory');
  return Object.assign(new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`), { code: missing ? 'ENOENT' : 'EIO' });
}

/**
 * `vscode.workspace.fs` in the git reader's shape, on the desktop and on the web: paths are the
 * `path` of URIs with the scheme and authority of `root` (a workspace folder). Reads only.
 */
export function workspaceGitFs(root: vscode.Uri): ReadableGitFs {
  const uri = (path: string) => root.with({ path });
  const stat = async (path: string): Promise<GitFileStat> => {
    try {
      const { type, size } = await vscode.workspace.fs.stat(uri(path));
      return {
        size,
        isFile: () => (type & vscode.FileType.File) !== 0,
        isDirectory: () => (type & vscode.FileType.Directory) !== 0,
        isSymbolicLink: () => (type & vscode.FileType.SymbolicLink) !== 0,
      };
    } catch (error) {
      throw asNodeError(error, path);
    }
  };
  return {
    promises: {
      async readFile(path, options) {
        try {
          const bytes = await vscode.workspace.fs.readFile(uri(path));
          // isomorphic-git asks for text as Node's `fs` gives it: `'utf8'` or `{ encoding: 'utf8' }`.
          const encoding = typeof options === 'string' ? options : options?.encoding;
          return encoding ? new TextDecoder().decode(bytes) : bytes;
        } catch (error) {
          throw asNodeError(error, path);
        }
      },
      async readdir(path) {
        try {
          return (await vscode.workspace.fs.readDirectory(uri(path))).map(([name]) => name);
        } catch (error) {
          throw asNodeError(error, path);
        }
      },
      stat,
      lstat: stat,
    },
  };
}
