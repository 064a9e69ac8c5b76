import { RustAnalyzer } from '../../../src/analysis/engine';
import type { FileAnalysis } from '../../../src/analysis/model';
import { loadRustLanguage } from '../../../src/analysis/parser';
import { readGrammarBinaries } from '../../../src/cli/grammar';

let shared: Promise<RustAnalyzer> | undefined;

/** One analyzer for the whole test run: loading the grammar is the slow part. */
export function analyzer(): Promise<RustAnalyzer> {
  return (shared ??= RustAnalyzer.create(readGrammarBinaries()));
}

export async function language() {
  return loadRustLanguage(readGrammarBinaries());
}

export async function analyze(source: string, file = 'src/lib.rs'): Promise<FileAnalysis> {
  const outcome = (await analyzer()).analyzeText(file, source);
  if (outcome.skipped) throw new Error(`${file} was skipped: ${outcome.skipped.detail}`);
  return outcome.analysis;
}
