#!/usr/bin/env node
// Runs the extension's integration suite in a real VS Code with @vscode/test-electron.
//
// By default "VS Code" is test/integration/launcher/code-browser.mjs: VS Code's server
// from the npm package code-server in headless Chromium, which works offline. Set
// VSCODE_EXECUTABLE to use a given VS Code executable instead, or
// RUST_REVIEW_DESKTOP_VSCODE=1 to let test-electron download a desktop VS Code.
//
// Usage: node test/integration/runTests.mjs [options]
//   --kind node|web|both    extension host(s) to run the suite in (default: node)
//   --extension-dir <dir>   the extension under test (default: the repository root)
//   --tests <file>          test index for the Node host, exporting run(): Promise<void>
//                           (default: out/test/integration/suite/index.js)
//   --web-tests <file>      test index for the web worker host (see below)
//                           (default: out/test/integration/suite/index.web.js)
//   --workspace <dir>       folder to open (default: none, an empty window)
// Relative paths are resolved from the current directory. Both index files must lie
// inside the extension dir: VS Code runs the tests in the extension host of the
// extension that contains them.
//
// The web worker host loads only `vscode` and one CommonJS file, so its index must be a
// single esbuild bundle (format cjs, platform browser, external vscode) of the tests and
// mocha's browser build `mocha/mocha.js`, which it loads as a classic script (the mocha
// package is "type": "module", so esbuild would otherwise let its UMD header overwrite the
// bundle's exports), then mocha.setup({ ui: 'tdd', reporter: 'spec' }), then the test
// modules, then mocha.run(). No Node built-ins there: `assert` needs the npm package
// `assert` and a small injected `process` object.
// The Node host's mocha colours its output when this script's output is a terminal
// (RUST_REVIEW_TEST_COLOR, passed to the extension host).
// Environment: RUST_REVIEW_TRUST=1 opens the workspace trusted (the launcher's default is
// Restricted Mode; a desktop VS Code started by test-electron is always trusted), and
// the launcher's other RUST_REVIEW_* variables.
// Exit code: 0 when the suite passed in every requested host, 1 otherwise.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import testElectron from '@vscode/test-electron';
import { HOST_KINDS_USAGE, hostKinds } from '../support/hostKinds.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const launcher = fileURLToPath(new URL('./launcher/code-browser.mjs', import.meta.url));

function fail(message) {
  console.error(`runTests: ${message}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      kind: { type: 'string', default: 'node' },
      'extension-dir': { type: 'string', default: repoRoot },
      tests: { type: 'string' },
      'web-tests': { type: 'string' },
      workspace: { type: 'string' },
    },
  }));
} catch (error) {
  fail(error.message);
}
const kinds = hostKinds(values.kind);
if (!kinds) fail(`${HOST_KINDS_USAGE} (got "${values.kind}")`);

const extensionDevelopmentPath = path.resolve(values['extension-dir']);
// The default test indexes are relative to the extension, given paths to the cwd.
const testsFor = {
  node: values.tests ? path.resolve(values.tests) : path.join(extensionDevelopmentPath, 'out/test/integration/suite/index.js'),
  web: values['web-tests']
    ? path.resolve(values['web-tests'])
    : path.join(extensionDevelopmentPath, 'out/test/integration/suite/index.web.js'),
};

// Without an executable path, test-electron downloads a desktop VS Code.
const vscodeExecutablePath =
  process.env.VSCODE_EXECUTABLE || (process.env.RUST_REVIEW_DESKTOP_VSCODE === '1' ? undefined : launcher);

const results = [];
for (const kind of kinds) {
  console.log(`\n=== integration tests, ${kind} extension host ===`);
  const launchArgs = [];
  if (values.workspace) launchArgs.push(path.resolve(values.workspace));
  // Understood by desktop VS Code and by the launcher alike.
  if (kind === 'web') launchArgs.push('--extensionDevelopmentKind=web');
  try {
    await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: testsFor[kind],
      launchArgs,
      // Mocha's colours only on a terminal: a log written to a file or a CI job gets plain text.
      extensionTestsEnv: { RUST_REVIEW_TEST_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    results.push([kind, 'passed']);
  } catch (error) {
    // TestRunFailedError: the suite failed or VS Code could not run it (already reported).
    results.push([kind, `FAILED (${error.message})`]);
  }
}

console.log('');
for (const [kind, result] of results) console.log(`integration tests, ${kind} extension host: ${result}`);
process.exit(results.every(([, result]) => result === 'passed') ? 0 : 1);
