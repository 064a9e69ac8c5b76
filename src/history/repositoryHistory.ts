import { errorMessage } from '../analysis/errorMessage';
import { compareWithBaseline, proposeBaseline } from './baseline';
import { commitFiles, folderFiles } from './fileSets';
import type { ReadableGitFs } from './gitFs';
import { GitRepository } from './gitRepository';
import type { Baseline, History, RepositoryHistory } from './model';
import { resolvePath } from './paths';
import { readHistory, type HistoryLimits } from './readHistory';

export interface RepositoryHistoryOptions {
  /** The baseline the reviewer chose: a commit id, a tag or branch name, or a folder (relative to `dir` or absolute); empty for none. */
  baseline?: string;
  expectedHours?: number;
  limits?: Partial<HistoryLimits>;
}

/** The baseline the reviewer named, resolved: a commit of the repository, else a folder, else why neither. */
async function resolveBaseline(fs: ReadableGitFs, dir: string, repo: GitRepository | undefined, name: string): Promise<Baseline | { problem: string }> {
  const commit = await repo?.resolveCommit(name).catch(() => undefined);
  if (commit) return { kind: 'commit', commit, label: commit.startsWith(name) ? commit.slice(0, 7) : name };
  const path = resolvePath(dir, name);
  const stat = await fs.promises.lstat(path).catch(() => undefined);
  if (stat?.isDirectory()) return { kind: 'folder', path };
  return { problem: `the baseline "${name}" is neither a commit or tag of the repository nor a folder` };
}

/**
 * Everything the reviewer is shown of the repository at `dir`: its history, the baseline the
 * reader proposes, and, when a baseline is chosen, how each file differs from it. Never throws.
 */
export async function readRepositoryHistory(fs: ReadableGitFs, dir: string, options: RepositoryHistoryOptions = {}): Promise<RepositoryHistory> {
  const opened = await GitRepository.open(fs, dir);
  const repo = opened instanceof GitRepository ? opened : undefined;
  const history: History = repo ? await readHistory(repo, { ...options.limits, ...(options.expectedHours !== undefined ? { expectedHours: options.expectedHours } : {}) }) : { available: false, reason: (opened as { problem: string }).problem };
  const result: RepositoryHistory = { history };
  if (repo && history.available) {
    const proposal = proposeBaseline(history.commits, await repo.tags().catch(() => []));
    if ('baseline' in proposal) result.proposal = proposal;
    else result.noProposal = proposal.reason;
  } else {
    result.noProposal = 'the repository has no history to propose a baseline from';
  }
  const name = options.baseline?.trim();
  if (!name) return result;
  const compared = await compareWithNamedBaseline(fs, dir, name, repo);
  return { ...result, ...compared };
}

/**
 * How each file under `dir` differs from the baseline the reviewer named (a commit, tag or branch
 * of the repository at `dir`, else a folder), without reading the history. Never throws.
 */
export async function compareWithNamedBaseline(
  fs: ReadableGitFs,
  dir: string,
  name: string,
  repository?: GitRepository,
): Promise<Pick<RepositoryHistory, 'baseline' | 'changes' | 'baselineProblem'>> {
  const opened = repository ?? (await GitRepository.open(fs, dir));
  const repo = opened instanceof GitRepository ? opened : undefined;
  const baseline = await resolveBaseline(fs, dir, repo, name);
  if ('problem' in baseline) return { baselineProblem: baseline.problem };
  const root = resolvePath(dir, '.');
  try {
    const starterFolder = baseline.kind === 'folder' && baseline.path.startsWith(`${root}/`) ? baseline.path.slice(root.length + 1) : undefined;
    const before = baseline.kind === 'commit' ? await commitFiles(repo!, baseline.commit) : await folderFiles(fs, baseline.path);
    const current = await folderFiles(fs, root, (path) => path === starterFolder);
    return { baseline, changes: await compareWithBaseline(before, current) };
  } catch (error) {
    return { baseline, baselineProblem: `the baseline could not be compared: ${errorMessage(error)}` };
  }
}
