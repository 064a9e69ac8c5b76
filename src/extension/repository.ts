import * as vscode from 'vscode';
import { remoteUrl, resolveHead } from '../rubric/gitRefs';

export interface RepositoryInfo {
  name: string;
  root: vscode.Uri;
  commit?: string;
  remote?: string;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The repository of a workspace folder, by default the first (the one under review): its name, and the commit and remote from `.git`. */
export async function readRepository(folder = vscode.workspace.workspaceFolders?.[0]): Promise<RepositoryInfo | undefined> {
  if (!folder) return undefined;
  let gitDir = vscode.Uri.joinPath(folder.uri, '.git');
  // In a worktree or submodule, `.git` is a file naming the real git folder.
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(gitDir)) ?? '')?.[1];
  if (pointer) gitDir = pointer.startsWith('/') ? folder.uri.with({ path: pointer }) : vscode.Uri.joinPath(folder.uri, pointer);
  const read = (path: string) => readText(vscode.Uri.joinPath(gitDir, path));
  const commit = await resolveHead(read);
  const config = await read('config');
  const remote = config ? remoteUrl(config) : undefined;
  return { name: folder.name, root: folder.uri, ...(commit ? { commit } : {}), ...(remote ? { remote } : {}) };
}
