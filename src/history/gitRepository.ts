import * as git from 'isomorphic-git';
import { resolveRef, type RefTarget } from '../rubric/gitRefs';
import { locateGitDir } from './gitDir';
import { readGitText, readOnlyGitFs, type ReadableGitFs } from './gitFs';
import { resolvePath } from './paths';

/** Folders nested deeper than this in one tree are refused: git's own checkout would fail long before. */
export const MAX_TREE_DEPTH = 200;

/** Tag objects followed at most from a tag to what it tags. */
const MAX_TAG_CHAIN = 4;

export interface TreeFile {
  path: string;
  oid: string;
  /** 'commit' for a submodule's pinned commit. */
  type: 'blob' | 'commit';
}

/** A tag and the commit it names. */
export interface TagRef {
  name: string;
  commit: string;
}

/**
 * One repository's objects and refs, read with isomorphic-git over a read-only file system: no
 * git process is ever started (the candidate's `.git` may carry hooks and config, and the web
 * extension host cannot start one). Objects are cached for the repository's lifetime.
 */
export class GitRepository {
  /** isomorphic-git's cache: each pack's index is parsed once. */
  private readonly cache = {};
  private readonly fs: ReturnType<typeof readOnlyGitFs>;

  private constructor(
    private readonly source: ReadableGitFs,
    /** The folder that holds this working tree's HEAD. */
    private readonly gitdir: string,
    /** The folder that holds the objects and refs. */
    private readonly commondir: string,
  ) {
    this.fs = readOnlyGitFs(source);
  }

  /** The repository of the working tree at `dir`, or why there is none to read. */
  static async open(fs: ReadableGitFs, dir: string): Promise<GitRepository | { problem: string }> {
    const location = await locateGitDir(fs, dir);
    return 'problem' in location ? location : new GitRepository(fs, location.gitdir, location.commondir);
  }

  private readRefFile = (path: string): Promise<string | undefined> =>
    readGitText(this.source, resolvePath(path === 'HEAD' ? this.gitdir : this.commondir, path));

  head(): Promise<RefTarget> {
    return resolveRef(this.readRefFile, 'HEAD');
  }

  /** The commits a shallow clone was cut at: their parents are not in the repository. */
  async shallowCommits(): Promise<Set<string>> {
    const text = await readGitText(this.source, resolvePath(this.commondir, 'shallow'));
    return new Set((text ?? '').split('\n').map((line) => line.trim()).filter((line) => /^[0-9a-f]{40}$/.test(line)));
  }

  async readCommit(oid: string): Promise<git.CommitObject> {
    return (await git.readCommit({ fs: this.fs, gitdir: this.commondir, oid, cache: this.cache })).commit;
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    return (await git.readBlob({ fs: this.fs, gitdir: this.commondir, oid, cache: this.cache })).blob;
  }

  async readTree(oid: string): Promise<git.TreeEntry[]> {
    return (await git.readTree({ fs: this.fs, gitdir: this.commondir, oid, cache: this.cache })).tree;
  }

  /** Every file of a tree, by path, refusing a tree nested deeper than MAX_TREE_DEPTH. */
  async listFiles(treeOid: string, prefix = '', depth = 0): Promise<TreeFile[]> {
    if (depth > MAX_TREE_DEPTH) throw new Error(`a tree is nested more than ${MAX_TREE_DEPTH} folders deep (at ${prefix})`);
    const files: TreeFile[] = [];
    for (const entry of await this.readTree(treeOid)) {
      const path = `${prefix}${entry.path}`;
      if (entry.type === 'tree') files.push(...(await this.listFiles(entry.oid, `${path}/`, depth + 1)));
      else files.push({ path, oid: entry.oid, type: entry.type === 'commit' ? 'commit' : 'blob' });
    }
    return files;
  }

  /** The tags and the commits they name (annotated tags followed); a tag that names no commit is left out. */
  async tags(): Promise<TagRef[]> {
    const tags: TagRef[] = [];
    for (const name of await git.listTags({ fs: this.fs, gitdir: this.commondir })) {
      const target = await resolveRef(this.readRefFile, `refs/tags/${name}`);
      if (!('commit' in target)) continue;
      const commit = await this.peel(target.commit).catch(() => undefined);
      if (commit) tags.push({ name, commit });
    }
    return tags;
  }

  /** The commit an object id names, through annotated tags; undefined for a tree or a blob. */
  private async peel(oid: string): Promise<string | undefined> {
    let current = oid;
    for (let step = 0; step <= MAX_TAG_CHAIN; step++) {
      const object = await git.readObject({ fs: this.fs, gitdir: this.commondir, oid: current, format: 'parsed', cache: this.cache });
      if (object.type === 'commit') return current;
      if (object.type !== 'tag') return undefined;
      current = (object.object as git.TagObject).object;
    }
    return undefined;
  }

  /** A commit id, tag or branch name as the reviewer typed it, resolved to a commit. */
  async resolveCommit(name: string): Promise<string | undefined> {
    const trimmed = name.trim();
    if (/^[0-9a-f]{4,40}$/.test(trimmed)) {
      const oid = await git.expandOid({ fs: this.fs, gitdir: this.commondir, oid: trimmed, cache: this.cache }).catch(() => undefined);
      if (oid) return this.peel(oid).catch(() => undefined);
    }
    for (const ref of [trimmed, `refs/tags/${trimmed}`, `refs/heads/${trimmed}`]) {
      const target = await resolveRef(this.readRefFile, ref);
      if ('commit' in target) return this.peel(target.commit).catch(() => undefined);
    }
    return undefined;
  }
}
