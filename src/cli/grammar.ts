import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GrammarBinaries } from '../analysis/parser';

const FILES = { runtime: 'web-tree-sitter.wasm', rust: 'tree-sitter-rust.wasm' } as const;
const PACKAGES = { runtime: 'web-tree-sitter/web-tree-sitter.wasm', rust: 'tree-sitter-rust/tree-sitter-rust.wasm' } as const;

/** Where the WASM files are: beside the bundle when built, else in the installed packages. */
export function grammarPaths(bundleDir: string = __dirname): GrammarPaths {
  const find = (key: keyof typeof FILES): string => {
    const beside = path.join(bundleDir, FILES[key]);
    return existsSync(beside) ? beside : require.resolve(PACKAGES[key]);
  };
  return { runtime: find('runtime'), rust: find('rust') };
}

export interface GrammarPaths {
  runtime: string;
  rust: string;
}

export function readGrammarBinaries(paths: GrammarPaths = grammarPaths()): GrammarBinaries {
  return { runtime: readFileSync(paths.runtime), rust: readFileSync(paths.rust) };
}
