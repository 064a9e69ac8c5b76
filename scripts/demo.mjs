#!/usr/bin/env node
// The README's main command: opens a Rust folder, or the bundled sample take-home, in VS Code for
// the Web, served by the same VS Code server build as the integration tests, with the extension
// installed, and prints the URL to open. Runs until Ctrl-C.
//   node scripts/demo.mjs [<folder> | --folder <folder> | --sample careless|careful] [--port N]
// A folder is opened in place; the sample is copied to a temporary folder first, so a review
// session never changes the repository. The arguments are checked (scripts/demo-args.mjs) before
// the server is prepared, so a mistake costs no wait.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DemoUsageError, parseDemoArgs } from './demo-args.mjs';
import { FIRST_SCREEN_SERVER_ARGS, writeFirstScreenSettings } from './first-screen.mjs';
import { ensureVscodeServer } from './vscode-server-setup.mjs';

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
const { nodeBin, serverDir, version } = await ensureVscodeServer();
const session = fs.mkdtempSync(path.join(os.tmpdir(), 'rust-review-demo-'));
let workspace = demo.folder;
if (workspace === undefined) {
  workspace = path.join(session, `${demo.sample}-takehome`);
  fs.cpSync(demo.sampleDir, workspace, { recursive: true });
}
writeFirstScreenSettings(path.join(session, 'data'));
// The server loads every extension folder in its extensions dir; a link to the repository installs
// the development build without packaging it.
const extensions = path.join(session, 'extensions');
fs.mkdirSync(extensions);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
fs.symlinkSync(root, path.join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');

const server = spawn(
  nodeBin,
  [
    path.join(serverDir, 'out', 'server-main.js'),
    '--host', '127.0.0.1',
    '--port', String(demo.port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--user-data-dir', path.join(session, 'data'),
    '--extensions-dir', extensions,
    ...FIRST_SCREEN_SERVER_ARGS,
  ],
  { cwd: serverDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);

let announced = false;
const watch = (chunk) => {
  const port = /Extension host agent listening on (\d+)/.exec(String(chunk))?.[1];
  if (!port || announced) return;
  announced = true;
  const what = demo.folder === undefined ? `the ${demo.sample} sample take-home` : demo.folder;
  console.log(`\nRust Take-Home Review in VS Code for the Web (the VS Code server of code-server ${version}), with ${what}.`);
  console.log(`Open this URL in a browser:\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}\n`);
  console.log('The scorecard is in the activity bar (Rust Review). Stop with Ctrl-C.');
};
server.stdout.on('data', watch);
server.stderr.on('data', watch);

function stop(code) {
  try {
    // No pid: the server never started.
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  fs.rmSync(session, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.on('exit', (code) => {
  if (!announced) console.error(`demo: the VS Code server exited with code ${code} before it was ready`);
  stop(code ?? 1);
});
