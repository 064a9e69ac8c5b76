import { promises as fs } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../analysis/errorMessage';
import { GitignoreRules } from '../analysis/gitignore';
import type { SkippedFile } from '../analysis/model';
import { needsText, projectFileKind, type ProjectFileKind } from '../analysis/project';
import { formatBytes } from '../analysis/source';

/** Folders never walked: Cargo's build output and git's own store. */
const ALWAYS_SKIPPED = new Set(['target', '.git']);

export interface WalkedFile {
  /** Relative to the root, with `/`. */
  file: string;
  absolute: string;
  size: number;
  kind: 'rust' | 'manifest' | ProjectFileKind;
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: SkippedFile[];
}

/**
 * Finds the Rust sources and manifests under `root`, and the files around them that the project
 * analysis reads (READMEs, CI, lockfiles: see projectFileKind), honouring every `.gitignore` on the
 * way (each applies to its own folder, as git does): a lockfile it ignores is not committed. Symbolic links to folders are not followed, so a
 * link loop cannot trap the walk; links to files are read through. Files over `maxFileBytes` are
 * reported without being read, except a lockfile, which counts by being there and is never read.
 */
export async function walkRustProject(root: string, maxFileBytes: number): Promise<WalkResult> {
  const files: WalkedFile[] = [];
  const skipped: SkippedFile[] = [];
  const gitignore = new GitignoreRules();
  const visit = async (dir: string, relDir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (relDir) skipped.push({ file: relDir, reason: 'unreadable', detail: describe(error) });
      return;
    }
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      // An unreadable .gitignore ignores nothing, as with git.
      await fs.readFile(path.join(dir, '.gitignore'), 'utf8').then((text) => gitignore.add(relDir, text), () => undefined);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !gitignore.ignores(rel, true)) await visit(absolute, rel);
        continue;
      }
      const kind = entry.name.endsWith('.rs') ? 'rust' : entry.name === 'Cargo.toml' ? 'manifest' : projectFileKind(rel);
      if (entry.isSymbolicLink()) {
        await visitLink(absolute, rel, kind);
        continue;
      }
      if (!kind || !entry.isFile() || gitignore.ignores(rel, false)) continue;
      await addFile(absolute, rel, kind);
    }
  };
  const visitLink = async (absolute: string, rel: string, kind: WalkedFile['kind'] | undefined) => {
    if (gitignore.ignores(rel, false)) return;
    let target;
    try {
      target = await fs.stat(absolute);
    } catch (error) {
      if (kind) skipped.push({ file: rel, reason: 'unreadable', detail: `is a broken or looping symbolic link (${describe(error)})` });
      return;
    }
    if (target.isDirectory()) skipped.push({ file: rel, reason: 'symlink', detail: 'is a symbolic link to a folder, which is not followed' });
    else if (kind && target.isFile()) await addFile(absolute, rel, kind);
  };
  const addFile = async (absolute: string, rel: string, kind: WalkedFile['kind']) => {
    try {
      const { size } = await fs.stat(absolute);
      if (size > maxFileBytes && (kind === 'rust' || kind === 'manifest' || needsText(kind))) {
        skipped.push({ file: rel, reason: 'too-large', detail: `${formatBytes(size)} is over the ${formatBytes(maxFileBytes)} limit` });
      } else {
        files.push({ file: rel, absolute, size, kind });
      }
    } catch (error) {
      skipped.push({ file: rel, reason: 'unreadable', detail: describe(error) });
    }
  };
  await visit(root, '');
  return { files, skipped };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ? `cannot be read (${code})` : errorMessage(error);
}
