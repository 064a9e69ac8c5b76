/**
 * Real repositories for the git reader's tests, built with the `git` command line in a temporary
 * folder, with a fixed identity and clock so that their commits are the same on every run.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, promises, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { ReadableGitFs } from '../../../src/history/gitFs';

export const nodeGitFs: ReadableGitFs = { promises };

export interface Author {
  name: string;
  email: string;
}

export const CANDIDATE: Author = { name: 'Casey Candidate', email: 'casey@example.com' };
export const HIRING_TEAM: Author = { name: 'Hiring Team', email: 'jobs@example.com' };

/** A temporary folder for a test's repositories, removed by `dispose`. */
export class Sandbox {
  readonly root = mkdtempSync(path.join(os.tmpdir(), 'rust-review-git-'));
  private clock = Date.parse('2026-03-02T09:00:00Z') / 1000;

  /** A new repository (`git init`) at `name` under the sandbox. */
  repo(name: string): GitRepo {
    const dir = path.join(this.root, name);
    mkdirSync(dir, { recursive: true });
    const repo = new GitRepo(dir, () => (this.clock += 1800));
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function identity(author: Author): Record<string, string> {
  return { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email };
}

/** A fresh sandbox for each test of the calling suite, removed after it. */
export function sandboxPerTest(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeEach(() => (sandbox = new Sandbox()));
  afterEach(() => sandbox?.dispose());
  return () => sandbox!;
}

export class GitRepo {
  constructor(
    readonly dir: string,
    private readonly tick: () => number,
  ) {}

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'gc.auto=0', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: this.dir, GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC', ...identity(CANDIDATE) },
    });
  }

  write(files: Record<string, string>): this {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
      writeFileSync(path.join(this.dir, file), text);
    }
    return this;
  }

  /** Commits everything in the working tree as `author`, half an hour after the previous commit; returns its id. */
  commit(message: string, author: Author = CANDIDATE, offset = '+0200'): string {
    const date = `@${this.tick()} ${offset}`;
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'add', '-A'], { cwd: this.dir });
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '--allow-empty-message', '-m', message], {
      cwd: this.dir,
      env: {
        PATH: process.env.PATH,
        HOME: this.dir,
        GIT_CONFIG_NOSYSTEM: '1',
        ...identity(author),
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Writes and commits each step in turn, tagging those that name a tag. */
  commitSteps(steps: readonly { files: Record<string, string>; message: string; author?: Author; tag?: string }[]): this {
    for (const step of steps) {
      this.write(step.files).commit(step.message, step.author);
      if (step.tag) this.git('tag', step.tag);
    }
    return this;
  }

  /** Writes a loose object as git would (zlib of "type size\0content"); returns its id. */
  writeObject(type: string, content: Buffer): string {
    const raw = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
    const id = createHash('sha1').update(raw).digest('hex');
    const file = path.join(this.dir, '.git/objects', id.slice(0, 2), id.slice(2));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, deflateSync(raw));
    return id;
  }

  objectPath(id: string): string {
    return path.join(this.dir, '.git/objects', id.slice(0, 2), id.slice(2));
  }
}
