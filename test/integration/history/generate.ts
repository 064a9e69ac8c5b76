// Writes the history suite's workspace into an empty folder: a take-home whose starter (tagged
// `start`, by the hiring team) unwraps on line 2 of src/lib.rs, and a commit of the candidate's
// that adds an unwrap on line 6. Built by `node esbuild.config.mjs --tests`, then:
//   node out/test/integration/history/generate.js <empty folder>
// (test/integration/run.mjs --workspace-generator runs it on each host's temporary folder.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateFromCommandLine } from '../support/generateMain';
import { CANDIDATE_SOURCE, STARTER_SOURCE } from './layout';

function git(root: string, author: string, ...args: string[]): void {
  const [name, email] = author.split('|');
  execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email },
  });
}

export function generateHistoryWorkspace(root: string): void {
  const team = 'Hiring Team|jobs@example.com';
  const candidate = 'Casey Candidate|casey@example.com';
  mkdirSync(path.join(root, 'src'), { recursive: true });
  writeFileSync(path.join(root, 'Cargo.toml'), '[package]\nname = "kv"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(path.join(root, 'src/lib.rs'), STARTER_SOURCE);
  git(root, team, 'init', '-q', '-b', 'main');
  git(root, team, 'add', '-A');
  git(root, team, 'commit', '-q', '-m', 'Starter code');
  git(root, team, 'tag', 'start');
  writeFileSync(path.join(root, 'src/lib.rs'), CANDIDATE_SOURCE);
  git(root, candidate, 'commit', '-q', '-a', '-m', 'Add mine, which trusts its caller to pass Some');
}

if (require.main === module) generateFromCommandLine('out/test/integration/history/generate.js', generateHistoryWorkspace);
