// Bundles every entry point of the extension, the analysis workers, the webview and the CLI.
//   node esbuild.config.mjs [--production] [--watch] [--tests] [--scripts]
// --production starts from an empty dist/, minifies and drops source maps; --tests also bundles the
// tests into out/, and --scripts the measuring scripts (bench, robustness, accuracy) into out/scripts/.
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');
const withScripts = args.has('--scripts');

// isomorphic-git inflates a whole git object with pako before it checks the object's size, and a
// few kilobytes can inflate to gigabytes: the git reader gives it pako with a capped inflate.
const cappedInflateForGit = {
  name: 'capped-inflate-for-git',
  setup(build) {
    build.onResolve({ filter: /^pako$/ }, (args) =>
      /[\\/]isomorphic-git[\\/]/.test(args.importer) ? { path: path.join(root, 'src/history/cappedInflate.ts') } : undefined,
    );
  },
};

// The CLI leaves isomorphic-git (with the capped pako, about 600 KB) to a bundle of its own beside
// it, required only when a command reads git: history, report, compare and `scan --baseline`. A
// plain scan compiled it anyway: without it, a one-file scan takes 0.935x the CPU time.
const gitLibrariesBesideCli = {
  name: 'git-libraries-beside-cli',
  setup(build) {
    build.onResolve({ filter: /^isomorphic-git$/ }, () => ({ path: './git-libraries.js', external: true }));
  },
};

// web-tree-sitter keeps each Node's handle into the parser's memory as the object's element `[0]`.
// V8 stores an object's first element the slow way, through the runtime, and gives it a backing
// store of 17 slots: about 200 ns and 150 bytes for each of the million nodes a pass over the
// standard library makes (every capture, parent and child). The bundles keep the handle in a named
// field of the class instead; nothing outside the library reads it. A pass over std in a process
// of its own, ten alternating pairs: 0.97x the CPU time. If a new version of the library no longer
// has these lines, it is bundled as it is, with a warning, and a unit test (parser.test.ts) fails.
const NODE_HANDLE_AS_FIELD = [
  ['  [0] = 0;\n  // Internal handle for Wasm\n  /** @internal */\n  _children;\n', '  _handle = 0;\n  // Internal handle for Wasm\n  /** @internal */\n  _children;\n'],
  ['    this[0] = other;\n', '    this._handle = other;\n'],
  ['  C.setValue(address, node[0], "i32");\n', '  C.setValue(address, node._handle, "i32");\n'],
];
const nodeHandleAsField = {
  name: 'web-tree-sitter-node-handle-as-field',
  setup(build) {
    build.onLoad({ filter: /[\\/]web-tree-sitter[\\/]web-tree-sitter\.c?js$/ }, async (args) => {
      const original = await readFile(args.path, 'utf8');
      // All or none: a handle written one way and read the other would be wrong, not slow.
      if (!NODE_HANDLE_AS_FIELD.every(([from]) => original.split(from).length === 2)) {
        return { contents: original, loader: 'js', warnings: [{ text: `${args.path}: the lines that keep a Node's handle as its element [0] have changed; bundled as it is` }] };
      }
      return { contents: NODE_HANDLE_AS_FIELD.reduce((text, [from, to]) => text.replace(from, () => to), original), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  plugins: [cappedInflateForGit, nodeHandleAsField],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  absWorkingDir: root,
};

// web-tree-sitter's ES module reads `import.meta.url`, which CommonJS output lacks: Node bundles
// take the package's own CommonJS build instead.
const node = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

const browser = { ...common, platform: 'browser', target: 'es2022' };

/** The WASM binaries the analysis loads from bytes, copied beside the bundles. */
const WASM = ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'node_modules/tree-sitter-rust/tree-sitter-rust.wasm'];

/** Files copied as they are: the WASM beside the bundles, the webview's styles and icon font, the rubric schema. */
const ASSETS = [
  ...WASM.map((file) => [file, path.join('dist', path.basename(file))]),
  ['src/webview/styles.css', 'dist/webview/styles.css'],
  ['src/webview/compare/compare.css', 'dist/webview/compare.css'],
  ['node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/codicon.css'],
  ['node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/codicon.ttf'],
  ['src/rubric/rubric.schema.json', 'dist/rubric.schema.json'],
];

async function copyAssets() {
  await mkdir(path.join(root, 'dist/webview'), { recursive: true });
  await Promise.all(ASSETS.map(([from, to]) => copyFile(path.join(root, from), path.join(root, to))));
}

async function unitTestEntries() {
  const dir = path.join(root, 'test/unit');
  return (await readdir(dir)).filter((f) => f.endsWith('.test.ts')).map((f) => path.join('test/unit', f));
}

const builds = [
  { ...node, entryPoints: { 'extension-node': 'src/extension/node.ts' }, outdir: 'dist', external: ['vscode'] },
  // isomorphic-git uses Node's `Buffer`, which the web extension host lacks.
  { ...browser, format: 'cjs', entryPoints: { 'extension-browser': 'src/extension/browser.ts' }, outdir: 'dist', external: ['vscode'], inject: ['src/extension/webBuffer.ts'] },
  { ...node, entryPoints: { 'worker-node': 'src/worker/node.ts' }, outdir: 'dist' },
  { ...browser, format: 'iife', entryPoints: { 'worker-browser': 'src/worker/browser.ts' }, outdir: 'dist' },
  // The history workers, one per read of the candidate's repository (isomorphic-git, so `Buffer` on the web too).
  { ...node, entryPoints: { 'history-worker-node': 'src/worker/historyNode.ts' }, outdir: 'dist' },
  { ...browser, format: 'iife', entryPoints: { 'history-worker-browser': 'src/worker/historyBrowser.ts' }, outdir: 'dist', inject: ['src/extension/webBuffer.ts'] },
  { ...node, entryPoints: { cli: 'src/cli/bin.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, gitLibrariesBesideCli] },
  { ...node, entryPoints: { 'git-libraries': 'isomorphic-git' }, outdir: 'dist' },
  { ...browser, format: 'iife', entryPoints: { webview: 'src/webview/main.ts', compare: 'src/webview/compare/main.ts' }, outdir: 'dist/webview' },
];
// mocha/mocha.js is mocha's self-contained browser build, a UMD script. mocha's package is an ES
// module, so esbuild would leave the script's `module`/`exports` bound to the bundle's own, and its
// `module.exports = factory()` would replace the test index's exports. Evaluated as a classic
// script, it only defines the global `mocha`.
const mochaBrowserBuildAsScript = {
  name: 'mocha-browser-build-as-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${await readFile(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/** The test index of an integration suite for the web worker host: one CommonJS bundle of the tests and mocha. */
const webTestIndex = (suite) => ({
  ...browser,
  format: 'cjs',
  entryPoints: { 'index.web': `test/integration/${suite}/index.web.ts` },
  outdir: `out/test/integration/${suite}`,
  external: ['vscode'],
  plugins: [cappedInflateForGit, nodeHandleAsField, mochaBrowserBuildAsScript],
  inject: ['test/integration/suite/process-shim.js'],
});

if (withTests) {
  builds.push(
    // ESLint loads eslint.config.mjs and the plugins it names at run time, from node_modules.
    { ...node, entryPoints: await unitTestEntries(), outdir: 'out/test/unit', external: ['mocha', 'eslint', 'typescript-eslint'] },
    { ...node, entryPoints: { index: 'test/integration/suite/index.ts' }, outdir: 'out/test/integration/suite', external: ['vscode', 'mocha'] },
    { ...node, entryPoints: { index: 'test/integration/bench/index.ts' }, outdir: 'out/test/integration/bench', external: ['vscode'] },
    {
      ...node,
      entryPoints: { index: 'test/integration/historyBench/index.ts', generate: 'test/integration/historyBench/generate.ts' },
      outdir: 'out/test/integration/historyBench',
      external: ['vscode'],
    },
    {
      ...node,
      entryPoints: { index: 'test/integration/hostile/index.ts', generate: 'test/integration/hostile/generate.ts' },
      outdir: 'out/test/integration/hostile',
      external: ['vscode', 'mocha'],
    },
    {
      ...node,
      entryPoints: { index: 'test/integration/multiRoot/index.ts', generate: 'test/integration/multiRoot/generate.ts' },
      outdir: 'out/test/integration/multiRoot',
      external: ['vscode', 'mocha'],
    },
    {
      ...node,
      entryPoints: { index: 'test/integration/history/index.ts', generate: 'test/integration/history/generate.ts' },
      outdir: 'out/test/integration/history',
      external: ['vscode', 'mocha'],
    },
    webTestIndex('history'),
    webTestIndex('suite'),
  );
}

if (withScripts) {
  builds.push({ ...node, entryPoints: ['scripts/bench.ts', 'scripts/robustness.ts', 'scripts/accuracy.ts'], outdir: 'out/scripts' });
}

// A production build is what gets packaged: nothing left over from a development build (source
// maps, renamed entries) may ride along.
if (production) await rm(path.join(root, 'dist'), { recursive: true, force: true });
await copyAssets();
if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
