import type { RepositoryHistory } from '../history/model';
import { reviewKey } from '../rubric/review';

/** What identifies a candidate's repository, from the most stable to the least. */
export interface RepositoryIdentity {
  /** The id of the repository's first (root) commit: the same in every clone and fork of it. */
  rootCommit?: string;
  /** The remote's URL. */
  remote?: string;
  /** The folder's own name: the last resort, which a rename changes. */
  folderName: string;
}

/** The id of the history's first (root) commit, where git's reader has read the history and reached one: a shallow clone has none. */
export function rootCommit(repository: RepositoryHistory | undefined): string | undefined {
  const history = repository?.history;
  return history?.available ? history.commits.find((commit) => commit.parents.length === 0)?.id : undefined;
}

/** The remote without what varies between clones of one repository: scheme, user, `.git`, case. */
export function normalizedRemote(remote: string): string {
  return remote
    .trim()
    .toLowerCase()
    .replace(/^[a-z+]+:\/\/(?:[^@/]+@)?/, '')
    .replace(/^[^@/]+@([^:/]+):/, '$1/')
    .replace(/(?:\.git)?\/*$/, '');
}

/** The identity the candidate code is derived from: the root commit, else the remote, else the folder's name. */
export function identityKey(identity: RepositoryIdentity): string {
  if (identity.rootCommit && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(identity.rootCommit)) return `commit:${identity.rootCommit.toLowerCase()}`;
  if (identity.remote?.trim()) return `remote:${normalizedRemote(identity.remote)}`;
  return `folder:${identity.folderName}`;
}

/**
 * A short, stable code that stands for a candidate in a blind review, such as `C-4F2A`: four hex
 * digits of a hash of the repository's identity (see identityKey), so the same repository gets the
 * same code on every reviewer's machine, and the code says nothing of the name. Sixteen bits keep
 * it short to say in a debrief; two of ten candidates share a code about once in 1,500 hiring rounds.
 */
export function candidateCode(identity: RepositoryIdentity): string {
  return `C-${reviewKey(`candidate:${identityKey(identity)}`).slice(0, 4).toUpperCase()}`;
}
