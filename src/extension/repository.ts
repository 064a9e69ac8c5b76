import * as vscode from 'vscode';
import { GitRepository } from '../history/gitRepository';
import { remoteUrl } from '../rubric/gitRefs';
import { workspaceGitFs } from './historyFs';

export interface RepositoryInfo {
  name: string;
  root: vscode.Uri;
  commit?: string;
  remote?: string;
}

/**
 * The repository of a workspace folder, by default the first (the one under review): its name, and
 * the commit and remote from `.git` (a folder, or a `.git` file naming one elsewhere in a worktree
 * or submodule), read as the git reader reads it; a `.git` it cannot read leaves them out.
 */
export async function readRepository(folder = vscode.workspace.workspaceFolders?.[0]): Promise<RepositoryInfo | undefined> {
  if (!folder) return undefined;
  const info: RepositoryInfo = { name: folder.name, root: folder.uri };
  const repo = await GitRepository.open(workspaceGitFs(folder.uri), folder.uri.path).catch(() => undefined);
  if (!(repo instanceof GitRepository)) return info;
  const head = await repo.head().catch(() => undefined);
  const config = await repo.config().catch(() => undefined);
  const remote = config ? remoteUrl(config) : undefined;
  return { ...info, ...(head && 'commit' in head ? { commit: head.commit } : {}), ...(remote ? { remote } : {}) };
}
