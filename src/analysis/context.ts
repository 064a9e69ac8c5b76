import type { CodeContext } from './model';

/**
 * The context a file's path gives all of its code, by Cargo's conventions: `build.rs` is the build
 * script, and the `tests/`, `benches/` and `examples/` folders hold their own targets. Paths use
 * `/` and are relative to the scanned root.
 */
export function fileContext(path: string): CodeContext {
  const segments = path.split('/');
  const name = segments[segments.length - 1];
  const folders = segments.slice(0, -1);
  // A `build.rs` under `src/` is an ordinary module; the build script sits beside `Cargo.toml`.
  if (name === 'build.rs' && !folders.includes('src')) return 'build';
  if (folders.includes('tests')) return 'test';
  if (folders.includes('benches')) return 'bench';
  if (folders.includes('examples')) return 'example';
  return 'code';
}

export function isIntegrationTestFile(path: string): boolean {
  return fileContext(path) === 'test' && path.endsWith('.rs');
}
