#!/usr/bin/env node
// The README's main command: opens a Rust folder, or the bundled sample take-home, in VS Code for
// the Web, served by the same VS Code server build as the integration tests, with the extension
// installed, and prints the URL to open. Runs until Ctrl-C.
//   node scripts/demo.mjs [<folder> | --folder <folder> | --sample careless|careful] [--port N]
// A folder is opened in place; the sample is copied to a temporary folder first, so a review
// session never changes the repository. The arguments are checked (scripts/demo-args.mjs) before
// the server is prepared, so a mistake costs no wait.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VscodeRun } from '../test/support/vscodeRun.mjs';
import { DemoUsageError, parseDemoArgs } from './demo-args.mjs';
import { FIRST_SCREEN_SERVER_ARGS, writeFirstScreenSettings } from './first-screen.mjs';
import { cacheDir, ensureVscodeServer } from './vscode-server-setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let demo;
try {
  demo = parseDemoArgs(process.argv.slice(2), { root, cwd: process.env.INIT_CWD ?? process.cwd() });
} catch (error) {
  if (!(error instanceof DemoUsageError)) throw error;
  console.error(`demo: ${error.message}`);
  process.exit(2);
}

const build = spawnSync(process.execPath, [path.join(root, 'esbuild.config.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const vscodeServer = await ensureVscodeServer();
// The session: the sample's copy and the link to the extension; the server's own temporary files.
const session = new VscodeRun('rust-review-demo-');
// Ctrl-C is how the demo ends: not a failure.
const end = session.endProcessOnce((code, message) => code !== 0 && message && console.error(`demo: ${message}`), { SIGINT: 0, SIGTERM: 0 });
let workspace = demo.folder;
if (workspace === undefined) {
  workspace = path.join(session.dir, `${demo.sample}-takehome`);
  fs.cpSync(demo.sampleDir, workspace, { recursive: true });
}
// The server keeps the extension's workspace storage, where the review is saved, in its user data
// folder: kept in the cache, not the session, so a review of a folder is there again next time.
const userData = path.join(cacheDir(), 'demo-user-data');
writeFirstScreenSettings(userData);
// The server loads every extension folder in its extensions dir; a link to the repository installs
// the development build without packaging it.
const extensions = path.join(session.dir, 'extensions');
fs.mkdirSync(extensions);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
fs.symlinkSync(root, path.join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');

const listening = session.startServer(vscodeServer, {
  port: demo.port,
  args: [
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    ...FIRST_SCREEN_SERVER_ARGS,
  ],
});
let port;
try {
  port = await listening;
} catch (error) {
  await end(1, error.message);
}
// Once it serves, the server ending ends the demo.
session.server.on('exit', (code) => void end(code ?? 1));
const what = demo.folder === undefined ? `the ${demo.sample} sample take-home` : demo.folder;
console.log(`\nRust Take-Home Review in VS Code for the Web (the VS Code server of code-server ${vscodeServer.version}), with ${what}.`);
console.log(`Open this URL in a browser:\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}\n`);
console.log('The scorecard is in the activity bar (Rust Review). Stop with Ctrl-C.');
