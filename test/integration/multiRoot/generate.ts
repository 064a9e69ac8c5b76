// Writes the multi-root workspace of layout.ts into an empty folder: a crate in each workspace
// folder, and the .code-workspace file that opens them together. Built by
// `node esbuild.config.mjs --tests`, then:
//   node out/test/integration/multiRoot/generate.js <empty folder>
// (test/integration/run.mjs --workspace-generator runs it on each host's temporary folder.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateFromCommandLine } from '../support/generateMain';
import { CANDIDATE_STARTER_SOURCE, FOLDERS, SHARED_PATH, STARTER_FOLDER, STARTER_PATH, STARTER_SOURCE, WORKSPACE_FILE } from './layout';

function git(root: string, author: string, ...args: string[]): void {
  const [name, email] = author.split('|');
  execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email },
  });
}

/** The second folder's repository: the starter, tagged `start`, then the candidate's commit; and its own baseline setting. */
function starterRepository(root: string): void {
  const team = 'Hiring Team|jobs@example.com';
  const candidate = 'Casey Candidate|casey@example.com';
  const main = path.join(root, SHARED_PATH);
  const mainSource = FOLDERS.find((folder) => folder.name === STARTER_FOLDER)!.source;
  writeFileSync(path.join(root, STARTER_PATH), STARTER_SOURCE);
  git(root, team, 'init', '-q', '-b', 'main');
  git(root, team, 'add', 'Cargo.toml', STARTER_PATH);
  git(root, team, 'commit', '-q', '-m', 'Starter code');
  git(root, team, 'tag', 'start');
  writeFileSync(path.join(root, STARTER_PATH), CANDIDATE_STARTER_SOURCE);
  writeFileSync(main, mainSource);
  git(root, candidate, 'add', '-A');
  git(root, candidate, 'commit', '-q', '-m', 'Read the input, and a second accessor');
  mkdirSync(path.join(root, '.vscode'));
  writeFileSync(path.join(root, '.vscode/settings.json'), JSON.stringify({ 'rustReview.baseline': 'start' }, null, 2));
}

export function generateMultiRootWorkspace(root: string): void {
  for (const folder of FOLDERS) {
    const source = path.join(root, folder.name, SHARED_PATH);
    mkdirSync(path.dirname(source), { recursive: true });
    writeFileSync(source, folder.source);
    writeFileSync(path.join(root, folder.name, 'Cargo.toml'), `[package]\nname = "${folder.name}"\nversion = "0.1.0"\nedition = "2021"\n`);
  }
  starterRepository(path.join(root, STARTER_FOLDER));
  writeFileSync(path.join(root, WORKSPACE_FILE), JSON.stringify({ folders: FOLDERS.map((folder) => ({ path: folder.name })) }, null, 2));
}

if (require.main === module) generateFromCommandLine('out/test/integration/multiRoot/generate.js', generateMultiRootWorkspace);
