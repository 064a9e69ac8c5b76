/** Posix paths for the git reader, which may not import Node's `path`. */

/** `base` joined with `relative` (unless that is absolute), with `.` and `..` resolved. */
export function resolvePath(base: string, relative: string): string {
  const parts = (relative.startsWith('/') ? relative : `${base}/${relative}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Whether a repository path is test code by where it lives: a `tests` folder, or a `*_test.rs`/`test_*.rs` file. */
export function isTestPath(path: string): boolean {
  return /(^|\/)tests\//.test(path) || /(^|\/)(test_[^/]*|[^/]*_tests?)\.rs$/.test(path);
}
