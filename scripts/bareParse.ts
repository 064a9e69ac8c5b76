// The bench's floor: a bare web-tree-sitter parse of the files the scan reads, in a child process
// of its own, so that its wall and CPU time hold Node's start-up and the WASM load as the scan's
// do, and the scan's time can be given as a multiple of it, measured in the same round.

import fs from 'node:fs';
import { Parser } from 'web-tree-sitter';
import { loadRustLanguage } from '../src/analysis/parser';
import { DEFAULT_MAX_FILE_BYTES } from '../src/analysis/source';
import { grammarPaths, readGrammarBinaries } from '../src/cli/grammar';
import { walkRustProject } from '../src/cli/walk';

/** The argument that makes the bench script run the bare parse instead of the bench. */
export const BARE_PARSE_FLAG = '--bare-parse';

/** The bench's arguments for the bare parse of `dir`, leaving out the files listed (one a line) in `excludedList`. */
export function bareParseArgs(dir: string, excludedList: string): string[] {
  return [BARE_PARSE_FLAG, dir, excludedList];
}

/**
 * Parses every Rust file under `dir` the scan's walker finds, except those listed in
 * `excludedList`, once each on this thread with the WASM in `wasmDir`, and prints how many.
 */
export async function bareParse(dir: string, excludedList: string, wasmDir: string): Promise<void> {
  const excluded = new Set(fs.readFileSync(excludedList, 'utf8').split('\n').filter(Boolean));
  const files = (await walkRustProject(dir, DEFAULT_MAX_FILE_BYTES)).files.filter((f) => f.kind === 'rust' && !excluded.has(f.file));
  const language = await loadRustLanguage(readGrammarBinaries(grammarPaths(wasmDir)));
  const parser = new Parser();
  parser.setLanguage(language);
  const decoder = new TextDecoder('utf-8');
  for (const file of files) {
    const tree = parser.parse(decoder.decode(fs.readFileSync(file.absolute)));
    if (!tree) throw new Error(`web-tree-sitter could not parse ${file.file}`);
    tree.delete();
  }
  parser.delete();
  process.stdout.write(`${files.length} files parsed\n`);
}
