import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GitRepository } from '../history/gitRepository';
import type { RepositoryHistory } from '../history/model';
import { remoteUrl } from '../rubric/gitRefs';
import { candidateCode, rootCommit } from '../team/candidateCode';
import { candidateIdentities, historyPeople, type CandidateSources } from '../team/identities';
import { createMasker } from '../team/masking';
import { NODE_GIT_FS } from './nodeGitFs';

/** A licence or README bigger than this is not one a person wrote; it is not read for names. */
const MAX_TEXT_BYTES = 1024 * 1024;

/** A small text file of the folder, or undefined when it is missing, too big, binary or unreadable. */
function readSmallText(file: string): string | undefined {
  try {
    if (statSync(file).size > MAX_TEXT_BYTES) return undefined;
    const text = readFileSync(file, 'utf8');
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The first file at the folder's top whose name fits, in the order a repository names it. */
function findTopFile(root: string, pattern: RegExp): string | undefined {
  try {
    const name = readdirSync(root)
      .filter((n) => pattern.test(n))
      .sort()[0];
    return name === undefined ? undefined : path.join(root, name);
  } catch {
    return undefined;
  }
}

/** The folder's git directory: `.git`, or the directory a `.git` file names, as in a worktree. */
function gitDirectory(root: string): string {
  const gitDir = path.join(root, '.git');
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readSmallText(gitDir) ?? '')?.[1];
  return pointer ? path.resolve(root, pointer) : gitDir;
}

/** The `origin` remote's URL from the folder's git config (a worktree's is its main repository's). */
export function readRemote(root: string): string | undefined {
  const gitDir = gitDirectory(root);
  const config = readSmallText(path.join(gitDir, 'config')) ?? readSmallText(path.join(gitDir, '..', '..', 'config'));
  return config ? remoteUrl(config) : undefined;
}

/** The commit `HEAD` points at, read by the git reader as the extension reads it, without running git. */
export async function readCommit(root: string): Promise<string | undefined> {
  const repo = await GitRepository.open(NODE_GIT_FS, path.resolve(root)).catch(() => undefined);
  if (!(repo instanceof GitRepository)) return undefined;
  const head = await repo.head().catch(() => undefined);
  return head && 'commit' in head ? head.commit : undefined;
}

/**
 * What may name the candidate in their folder, for blind review's masking: the folder's name, the
 * remote, each Cargo.toml the scan found, the licence and the README at the top. The commit authors
 * and committers are added from the history git's reader read (see blindCandidate).
 */
function readCandidateSources(root: string, manifests: readonly string[]): CandidateSources {
  const remote = readRemote(root);
  const license = findTopFile(root, /^(?:licen[cs]e|copying)(?:[-.].*)?$/i);
  const readme = findTopFile(root, /^readme(?:\..*)?$/i);
  return {
    folderName: path.basename(root),
    ...(remote ? { remote } : {}),
    manifests: manifests.map((file) => readSmallText(path.join(root, file))).filter((text): text is string => text !== undefined),
    ...(license ? { license: readSmallText(license) } : {}),
    ...(readme ? { readme: readSmallText(readme) } : {}),
  };
}

/** A candidate as a blind review shows them: a code for their repository, and their names masked in any text. */
export interface BlindCandidate {
  code: string;
  mask: (text: string) => string;
}

/**
 * The candidate at `root` made blind: the code from the root commit of the history, else the
 * remote, else the folder's name; the names and e-mails of the history's authors and committers
 * masked with those of the remote, each Cargo.toml the scan found, the licence and the README.
 */
export function blindCandidate(root: string, manifests: readonly string[], repository: RepositoryHistory): BlindCandidate {
  const sources = readCandidateSources(root, manifests);
  const firstCommit = rootCommit(repository);
  const code = candidateCode({ ...(firstCommit ? { rootCommit: firstCommit } : {}), ...(sources.remote ? { remote: sources.remote } : {}), folderName: path.basename(root) });
  return { code, mask: createMasker(candidateIdentities({ ...sources, people: historyPeople(repository) }), code) };
}
