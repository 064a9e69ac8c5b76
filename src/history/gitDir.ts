import { readGitText, type ReadableGitFs } from './gitFs';
import { resolvePath } from './paths';

/** Where a working tree's git data is: `gitdir` holds its HEAD, `commondir` the objects and refs (they differ in a linked worktree). */
export type GitLocation = { gitdir: string; commondir: string } | { problem: string };

export const NO_GIT_FOLDER = 'no .git folder: the code came without its history (a zip, a copy or a web view)';

/**
 * Finds the git folder of the working tree at `dir`: a `.git` folder, or a `.git` file that names
 * one elsewhere (a linked worktree, a submodule), whose `commondir` names the shared objects and
 * refs. A symbolic link is refused: it could lead anywhere on the reviewer's machine.
 */
export async function locateGitDir(fs: ReadableGitFs, dir: string): Promise<GitLocation> {
  const dotGit = resolvePath(dir, '.git');
  let stat;
  try {
    stat = await fs.promises.lstat(dotGit);
  } catch {
    return { problem: NO_GIT_FOLDER };
  }
  if (stat.isSymbolicLink()) return { problem: '.git is a symbolic link, which the git reader does not follow' };
  let gitdir = dotGit;
  if (stat.isFile()) {
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((await readGitText(fs, dotGit)) ?? '')?.[1];
    if (!pointer) return { problem: '.git is a file that names no git folder ("gitdir: …")' };
    gitdir = resolvePath(dir, pointer);
  } else if (!stat.isDirectory()) {
    return { problem: '.git is neither a folder nor a file' };
  }
  try {
    const target = await fs.promises.lstat(gitdir);
    if (!target.isDirectory()) return { problem: `.git names ${gitdir}, which is not a folder` };
  } catch {
    return { problem: `.git names ${gitdir}, which is not there (a worktree or submodule whose repository was not copied with it)` };
  }
  const common = (await readGitText(fs, resolvePath(gitdir, 'commondir')))?.trim();
  return { gitdir, commondir: common ? resolvePath(gitdir, common) : gitdir };
}
