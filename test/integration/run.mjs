#!/usr/bin/env node
// Runs the integration suite in both extension hosts (Node and web worker), each on a fresh copy
// of the careless sample take-home, since the suite creates files and changes settings.
//   node test/integration/run.mjs [--kind node|web|both] [--tests <index.js for the Node host>]
//                                 [--web-tests <index.web.js for the web worker host>]
//                                 [--workspace-generator <script> [--workspace-file <name>]]
// --workspace-generator: instead of the sample, each host's temporary folder gets what
// `node <script> <folder>` writes into it; --workspace-file: open that file of the folder (a
// .code-workspace, for a multi-root workspace) instead of the folder itself.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_KINDS_USAGE, hostKinds } from '../support/hostKinds.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const kindArg = process.argv.indexOf('--kind');
const kind = kindArg === -1 ? 'both' : process.argv[kindArg + 1];
const kinds = hostKinds(kind);
const testsArg = process.argv.indexOf('--tests');
const webTestsArg = process.argv.indexOf('--web-tests');
const forwarded = [
  ...(testsArg === -1 ? [] : ['--tests', process.argv[testsArg + 1]]),
  ...(webTestsArg === -1 ? [] : ['--web-tests', process.argv[webTestsArg + 1]]),
];
const generatorArg = process.argv.indexOf('--workspace-generator');
const generator = generatorArg === -1 ? undefined : path.resolve(process.argv[generatorArg + 1]);
const workspaceFileArg = process.argv.indexOf('--workspace-file');
const workspaceFile = workspaceFileArg === -1 ? undefined : process.argv[workspaceFileArg + 1];
if (!kinds) {
  console.error(`run: ${HOST_KINDS_USAGE} (got "${kind}")`);
  process.exit(2);
}

let failed = false;
for (const host of kinds) {
  const workspace = mkdtempSync(path.join(os.tmpdir(), `rust-review-it-${host}-`));
  if (generator) {
    const generated = spawnSync(process.execPath, [generator, workspace], { stdio: 'inherit' });
    if (generated.status !== 0) {
      console.error(`run: ${generator} could not generate the workspace`);
      rmSync(workspace, { recursive: true, force: true });
      failed = true;
      continue;
    }
  } else {
    cpSync(path.join(root, 'test/fixtures/careless-takehome'), workspace, { recursive: true });
  }
  const result = spawnSync(process.execPath, [path.join(root, 'test/integration/runTests.mjs'), '--kind', host, '--workspace', workspaceFile ? path.join(workspace, workspaceFile) : workspace, ...forwarded], {
    stdio: 'inherit',
    cwd: root,
  });
  rmSync(workspace, { recursive: true, force: true });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
