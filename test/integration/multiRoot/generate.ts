// Writes the multi-root workspace of layout.ts into an empty folder: a crate in each workspace
// folder, and the .code-workspace file that opens them together. Built by
// `node esbuild.config.mjs --tests`, then:
//   node out/test/integration/multiRoot/generate.js <empty folder>
// (test/integration/run.mjs --workspace-generator runs it on each host's temporary folder.)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateFromCommandLine } from '../support/generateMain';
import { FOLDERS, SHARED_PATH, WORKSPACE_FILE } from './layout';

export function generateMultiRootWorkspace(root: string): void {
  for (const folder of FOLDERS) {
    const source = path.join(root, folder.name, SHARED_PATH);
    mkdirSync(path.dirname(source), { recursive: true });
    writeFileSync(source, folder.source);
    writeFileSync(path.join(root, folder.name, 'Cargo.toml'), `[package]\nname = "${folder.name}"\nversion = "0.1.0"\nedition = "2021"\n`);
  }
  writeFileSync(path.join(root, WORKSPACE_FILE), JSON.stringify({ folders: FOLDERS.map((folder) => ({ path: folder.name })) }, null, 2));
}

if (require.main === module) generateFromCommandLine('out/test/integration/multiRoot/generate.js', generateMultiRootWorkspace);
