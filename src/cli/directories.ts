import { statSync } from 'node:fs';

/** Whether the path names a directory that can be read as one. */
export function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** What every command says of the folders it was given that are not folders; undefined when all are. */
export function notDirectories(dirs: readonly string[]): string | undefined {
  const missing = dirs.filter((dir) => !isDirectory(dir));
  return missing.length > 0 ? `not a directory: ${missing.join(', ')}` : undefined;
}
