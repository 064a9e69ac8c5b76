// The e2e workspaces are git repositories with a history, built with the git command line as a
// candidate would have built them: the hiring team's starter, tagged `start`, then the
// candidate's commits, a vague one among them and most of the code in the last. Authors and times
// are fixed, and no config, hook or signing of this machine's takes part.
import { spawnSync } from 'node:child_process';

const STARTER = { name: 'Hiring Team', email: 'hiring@example.com' };
const CANDIDATE = { name: 'Casey Candidate', email: 'casey@example.org' };

/** The commits, oldest first; the last one takes every file not committed yet. */
export const COMMITS = [
  { author: STARTER, time: '2026-11-20T09:00:00+01:00', message: 'Starter: the skeleton of the key-value server', files: ['Cargo.toml', 'README.md', 'src/main.rs'], tag: 'start' },
  { author: CANDIDATE, time: '2026-11-20T10:05:00+01:00', message: 'Parse the protocol and keep the store in memory', files: ['src/protocol.rs', 'src/store.rs'] },
  { author: CANDIDATE, time: '2026-11-20T11:40:00+01:00', message: 'wip', files: ['src/server.rs'] },
  { author: CANDIDATE, time: '2026-11-21T16:20:00+01:00', message: 'Client, compaction and the build script', files: ['.'] },
];

function git(dir, args, env = {}) {
  const result = spawnSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}: ${result.stderr || result.error?.message}`);
}

/** Makes `dir` a git repository holding its files in COMMITS' history. */
export function commitAsCandidate(dir) {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  for (const commit of COMMITS) {
    git(dir, ['add', '--', ...commit.files]);
    const { name, email } = commit.author;
    const env = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: commit.time, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: commit.time };
    git(dir, ['commit', '--quiet', '--no-verify', '-m', commit.message], env);
    if (commit.tag) git(dir, ['tag', commit.tag]);
  }
}
