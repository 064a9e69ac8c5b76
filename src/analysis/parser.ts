import { Language, Parser } from 'web-tree-sitter';

/**
 * A compiled `WebAssembly.Module`. Every place the core runs has the WebAssembly API, but Node's
 * type definitions do not declare it, so this module declares the few parts it uses.
 */
export interface CompiledWasm {
  readonly [compiled]: true;
}
declare const compiled: unique symbol;
declare const WebAssembly: {
  Module: abstract new (...args: never[]) => CompiledWasm;
  compile(bytes: Uint8Array): Promise<CompiledWasm>;
  instantiate(module: CompiledWasm, imports: object): Promise<object>;
};

/**
 * The two WebAssembly binaries the core needs, handed in by each host as bytes, or compiled: a
 * host that starts several workers compiles each binary once and posts the module to all of them,
 * which shares the compiled (and, once hot, optimised) code instead of compiling it in each.
 */
export interface GrammarBinaries {
  runtime: Uint8Array | CompiledWasm;
  rust: Uint8Array | CompiledWasm;
}

/** Both binaries compiled, for handing to several workers. */
export async function compileGrammar(binaries: GrammarBinaries): Promise<GrammarBinaries> {
  const compile = (binary: Uint8Array | CompiledWasm) => (binary instanceof WebAssembly.Module ? binary : WebAssembly.compile(binary));
  const [runtime, rust] = await Promise.all([compile(binaries.runtime), compile(binaries.rust)]);
  return { runtime, rust };
}

/** The runtime's bytes, or a hook that instantiates it from its compiled module (Emscripten's `instantiateWasm`). */
function runtimeBinary(runtime: Uint8Array | CompiledWasm): object {
  if (!(runtime instanceof WebAssembly.Module)) return { wasmBinary: runtime };
  return {
    instantiateWasm: (imports: object, receive: (instance: object, module: CompiledWasm) => void) => {
      void WebAssembly.instantiate(runtime, imports).then((instance) => receive(instance, runtime));
      return {};
    },
  };
}

let runtimeReady: Promise<void> | undefined;

/**
 * Loads web-tree-sitter and the Rust grammar from bytes or compiled modules rather than from paths
 * or URLs, so the same code runs in Node, a worker thread and a browser worker: each host reads the
 * files its own way. The runtime is initialised once per JavaScript realm, which is what
 * web-tree-sitter requires.
 */
export async function loadRustLanguage(binaries: GrammarBinaries): Promise<Language> {
  // `locateFile` keeps the runtime from resolving its WASM file's URL against the script's own,
  // which fails in a nested Web Worker (its script URL is a `blob:`); the binary is given anyway.
  runtimeReady ??= Parser.init({ ...runtimeBinary(binaries.runtime), locateFile: (file: string) => file }).catch((error: unknown) => {
    runtimeReady = undefined;
    throw error;
  });
  await runtimeReady;
  const { rust } = binaries;
  return rust instanceof WebAssembly.Module ? Language.loadSync(rust) : Language.load(rust);
}
