import type { CommitObject } from 'isomorphic-git';
import { errorMessage } from '../analysis/errorMessage';
import { measureChange, type ChangeSize } from './commitSize';
import type { GitRepository } from './gitRepository';
import type { CommitRecord, History } from './model';
import { summarize } from './summary';
import { TurnSlicer } from './turns';

export interface HistoryLimits {
  /** Commits read at most; older ones are left out, and the history says so. */
  maxCommits: number;
  /** The newest commits whose size is measured; the older ones' size is unknown, and the history says so. */
  maxMeasured: number;
  /** The whole read stops after this long, keeping what it has. */
  timeLimitMs: number;
  /** How long one turn of the event loop may run before the reader lets others run. */
  turnBudgetMs: number;
}

export const DEFAULT_LIMITS: HistoryLimits = { maxCommits: 20_000, maxMeasured: 1_000, timeLimitMs: 60_000, turnBudgetMs: 8 };

/** A git time (seconds, and isomorphic-git's offset: minutes behind UTC) in ISO 8601 with the author's own offset. */
export function isoTime(seconds: number, offsetMinutes: number): string {
  const local = new Date((seconds - offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  const ahead = -offsetMinutes;
  const abs = Math.abs(ahead);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local}${ahead < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

interface Walk {
  /** Oldest first: each commit after its parents. */
  commits: { id: string; commit: CommitObject }[];
  leftOut: string[];
}

/** Parents before children, first parents first: the order `git log --reverse --topo-order` would print. */
function oldestFirst(head: string, byId: Map<string, CommitObject>): string[] {
  const order: string[] = [];
  const seen = new Set([head]);
  const stack: [string, number][] = [[head, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const parents = byId.get(top[0])!.parent.filter((p) => byId.has(p));
    if (top[1] < parents.length) {
      const parent = parents[top[1]++];
      if (!seen.has(parent)) {
        seen.add(parent);
        stack.push([parent, 0]);
      }
    } else {
      stack.pop();
      order.push(top[0]);
    }
  }
  return order;
}

/** Every commit reachable from `head`, up to the limits, and what was left out of it. */
async function walk(repo: GitRepository, head: string, limits: HistoryLimits, slicer: TurnSlicer): Promise<Walk> {
  const shallow = await repo.shallowCommits();
  const byId = new Map<string, CommitObject>([[head, await repo.readCommit(head)]]);
  const leftOut: string[] = [];
  const pending = [head];
  let cutAtShallow = false;
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (shallow.has(id)) {
      cutAtShallow = true;
      continue;
    }
    for (const parent of byId.get(id)!.parent) {
      if (byId.has(parent)) continue;
      if (byId.size >= limits.maxCommits) {
        leftOut.push(`only the newest ${limits.maxCommits.toLocaleString('en')} commits are read`);
        pending.length = 0;
        break;
      }
      if (slicer.expired) {
        leftOut.push(`reading stopped after ${limits.timeLimitMs / 1000} s, at ${byId.size.toLocaleString('en')} commits`);
        pending.length = 0;
        break;
      }
      try {
        byId.set(parent, await repo.readCommit(parent));
        pending.push(parent);
      } catch (error) {
        leftOut.push(`commit ${parent.slice(0, 7)} could not be read (${errorMessage(error)}), so the history before it is left out`);
      }
      await slicer.pause();
    }
  }
  if (cutAtShallow) leftOut.unshift('a shallow clone: the commits before the oldest shown are not in the repository');
  return { commits: oldestFirst(head, byId).map((id) => ({ id, commit: byId.get(id)! })), leftOut: [...new Set(leftOut)] };
}

function record(id: string, commit: CommitObject, size: ChangeSize): CommitRecord {
  const person = (p: CommitObject['author']) => ({ name: p.name, email: p.email });
  return {
    id,
    author: person(commit.author),
    committer: person(commit.committer),
    time: isoTime(commit.author.timestamp, commit.author.timezoneOffset),
    message: commit.message,
    parents: commit.parent,
    ...size,
  };
}

const UNMEASURED: ChangeSize = { files: 0, insertions: 0, deletions: 0, testFiles: 0, codeFiles: 0, sizeUnknown: true };

/**
 * The history from HEAD, oldest first, each commit with the size of its change against its first
 * parent, and its summary. It never throws: a repository it cannot read gives the reason, and one
 * it reads in part says what it left out (`partial`).
 */
export async function readHistory(repo: GitRepository, options: Partial<HistoryLimits> & { expectedHours?: number } = {}): Promise<History> {
  const limits = { ...DEFAULT_LIMITS, ...options };
  const slicer = new TurnSlicer(limits.turnBudgetMs, limits.timeLimitMs);
  try {
    const head = await repo.head();
    if ('problem' in head) return { available: false, reason: head.problem };
    if ('unborn' in head) return { available: false, reason: `the repository has no commits yet (${head.unborn.replace(/^refs\/heads\//, 'branch ')} is empty)` };
    const { commits, leftOut } = await walk(repo, head.commit, limits, slicer);
    const trees = new Map(commits.map(({ id, commit }) => [id, commit.tree]));
    const firstMeasured = Math.max(0, commits.length - limits.maxMeasured);
    if (firstMeasured > 0) leftOut.push(`the size of the oldest ${firstMeasured.toLocaleString('en')} commits is not measured`);
    const records: CommitRecord[] = [];
    let unmeasurable = 0;
    let firstFailure: string | undefined;
    for (const [i, { id, commit }] of commits.entries()) {
      let size = UNMEASURED;
      if (i >= firstMeasured && !slicer.expired) {
        const parent = commit.parent[0];
        // The parent of a shallow clone's oldest commit is not there: its change cannot be measured.
        const parentTree = parent === undefined ? undefined : trees.get(parent);
        if (parent === undefined || parentTree !== undefined) {
          size = await measureChange(repo, commit.tree, parentTree, () => slicer.pause()).catch((error: unknown) => {
            firstFailure ??= `commit ${id.slice(0, 7)}: ${errorMessage(error)}`;
            return UNMEASURED;
          });
        }
      }
      if (size.sizeUnknown && i >= firstMeasured) unmeasurable++;
      records.push(record(id, commit, size));
      await slicer.pause();
    }
    if (slicer.expired) leftOut.push(`measuring stopped after ${limits.timeLimitMs / 1000} s`);
    if (unmeasurable > 0) {
      const why = firstFailure ? `; ${firstFailure}` : ' (a file over 1 MiB, or a parent not in the repository)';
      leftOut.push(`${unmeasurable} commit${unmeasurable === 1 ? '' : 's'} could not be measured in full${why}`);
    }
    return {
      available: true,
      commits: records,
      summary: summarize(records, options.expectedHours),
      ...(leftOut.length > 0 ? { partial: [...new Set(leftOut)].join('; ') } : {}),
    };
  } catch (error) {
    return { available: false, reason: `the repository could not be read: ${errorMessage(error)}` };
  }
}
