import type { FileSet } from './baseline';
import type { GitRepository } from './gitRepository';
import type { ReadableGitFs } from './gitFs';
import { isBinary } from './lineDiff';

/** Folders never compared: git's own, build output and dependencies. */
const SKIPPED_FOLDERS = new Set(['.git', 'target', 'node_modules']);
/** Files compared at most on each side, and the largest read as text: beyond, a file counts as the candidate's in full. */
export const MAX_COMPARED_FILES = 5_000;
const MAX_COMPARED_BYTES = 1024 * 1024;
const MAX_FOLDER_DEPTH = 64;

function asText(bytes: Uint8Array): string | undefined {
  return bytes.length > MAX_COMPARED_BYTES || isBinary(bytes) ? undefined : new TextDecoder().decode(bytes);
}

/**
 * The files under a folder, by path relative to it with `/`, read on demand: symbolic links,
 * `.git`, `target` and `node_modules` left out, and `exclude` (say the starter folder inside the
 * repository). At most MAX_COMPARED_FILES.
 */
export async function folderFiles(fs: ReadableGitFs, root: string, exclude: (path: string) => boolean = () => false): Promise<FileSet> {
  const paths: string[] = [];
  const visit = async (relative: string, depth: number): Promise<void> => {
    if (depth > MAX_FOLDER_DEPTH || paths.length >= MAX_COMPARED_FILES) return;
    let names: string[];
    try {
      names = await fs.promises.readdir(relative ? `${root}/${relative}` : root);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = relative ? `${relative}/${name}` : name;
      if (SKIPPED_FOLDERS.has(name) || exclude(path)) continue;
      const stat = await fs.promises.lstat(`${root}/${path}`).catch(() => undefined);
      if (!stat || stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) await visit(path, depth + 1);
      else if (stat.isFile() && paths.length < MAX_COMPARED_FILES) paths.push(path);
    }
  };
  await visit('', 0);
  return {
    paths,
    async read(path) {
      try {
        const stat = await fs.promises.lstat(`${root}/${path}`);
        if (!stat.isFile() || stat.size > MAX_COMPARED_BYTES) return undefined;
        const data = await fs.promises.readFile(`${root}/${path}`);
        return typeof data === 'string' ? data : asText(data);
      } catch {
        return undefined;
      }
    },
  };
}

/** The files of a commit's tree, as `folderFiles` would list its checkout. */
export async function commitFiles(repo: GitRepository, commit: string): Promise<FileSet> {
  const files = (await repo.listFiles((await repo.readCommit(commit)).tree)).filter(
    (file) => file.type === 'blob' && !file.path.split('/').some((segment) => SKIPPED_FOLDERS.has(segment)),
  );
  const oids = new Map(files.slice(0, MAX_COMPARED_FILES).map((file) => [file.path, file.oid]));
  return {
    paths: [...oids.keys()],
    async read(path) {
      const oid = oids.get(path);
      return oid === undefined ? undefined : repo.readBlob(oid).then(asText, () => undefined);
    },
  };
}
