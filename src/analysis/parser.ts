import { Language, Parser } from 'web-tree-sitter';

/** The two WebAssembly binaries the core needs, handed in as bytes by each host. */
export interface GrammarBinaries {
  runtime: Uint8Array;
  rust: Uint8Array;
}

let runtimeReady: Promise<void> | undefined;

/**
 * Loads web-tree-sitter and the Rust grammar from bytes rather than from paths or URLs, so the same
 * code runs in Node, a worker thread and a browser worker: each host reads the files its own way.
 * The runtime is initialised once per JavaScript realm, which is what web-tree-sitter requires.
 */
export async function loadRustLanguage(binaries: GrammarBinaries): Promise<Language> {
  // `locateFile` keeps the runtime from resolving its WASM file's URL against the script's own,
  // which fails in a nested Web Worker (its script URL is a `blob:`); the bytes are given anyway.
  runtimeReady ??= Parser.init({ wasmBinary: binaries.runtime, locateFile: (file: string) => file }).catch((error: unknown) => {
    runtimeReady = undefined;
    throw error;
  });
  await runtimeReady;
  return Language.load(binaries.rust);
}
