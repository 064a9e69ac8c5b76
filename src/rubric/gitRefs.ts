/**
 * Reading a repository's commit and remote from the files in `.git`, without running git: the
 * extension must work in Restricted Mode and on the web, where there is no git to run.
 */

/** Where a ref leads: a commit, a branch with no commit yet (an empty repository), or why neither. */
export type RefTarget = { commit: string } | { unborn: string } | { problem: string };

/** Symbolic refs followed at most, as git itself does (it stops at 5): a deeper chain is a loop. */
const MAX_SYMREF_DEPTH = 5;

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The commit a ref (`HEAD` by default) points at, given a reader for files under `.git`
 * (undefined when missing): through symbolic refs, loose refs and `packed-refs`, refusing a name
 * that climbs out of `.git` and a chain of symbolic refs that loops.
 */
export async function resolveRef(read: (path: string) => Promise<string | undefined>, name = 'HEAD'): Promise<RefTarget> {
  let ref = name;
  let packed: string | undefined;
  for (let depth = 0; depth <= MAX_SYMREF_DEPTH; depth++) {
    if (ref.includes('..') || ref.startsWith('/')) return { problem: `the ref "${ref}" points outside the .git folder` };
    let content = (await read(ref))?.trim();
    if (content === undefined && ref !== 'HEAD') {
      packed ??= (await read('packed-refs')) ?? '';
      content = packed.split('\n').find((line) => line.endsWith(` ${ref}`))?.slice(0, 40);
    }
    if (!content) return ref === name && name === 'HEAD' ? { problem: 'the .git folder has no HEAD' } : { unborn: ref };
    if (OBJECT_ID.test(content)) return { commit: content };
    const target = /^ref:\s*(\S+)$/.exec(content)?.[1];
    if (!target) return { problem: `the ref "${ref}" holds neither an object id nor a ref` };
    ref = target;
  }
  return { problem: `the ref "${name}" leads through more than ${MAX_SYMREF_DEPTH} symbolic refs: a loop` };
}

/** The commit `HEAD` points at, given a reader for files under `.git` (undefined when missing). */
export async function resolveHead(read: (path: string) => Promise<string | undefined>): Promise<string | undefined> {
  const target = await resolveRef(read);
  return 'commit' in target ? target.commit : undefined;
}

/** The URL of the `origin` remote (or the first remote) in a git config file. */
export function remoteUrl(config: string): string | undefined {
  let section = '';
  const urls = new Map<string, string>();
  for (const line of config.split('\n')) {
    const header = /^\s*\[remote\s+"([^"]+)"\]\s*$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    if (/^\s*\[/.test(line)) section = '';
    const url = /^\s*url\s*=\s*(.+?)\s*$/.exec(line);
    if (section && url) urls.set(section, url[1]);
  }
  return urls.get('origin') ?? urls.values().next().value;
}

/**
 * A web base for permalinks, for GitHub and GitLab remotes in their SSH or HTTPS forms;
 * undefined for any other host.
 */
export function webRepositoryUrl(remote: string | undefined): { host: 'github' | 'gitlab'; base: string } | undefined {
  if (!remote) return undefined;
  const match = /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/git@|git@)(github\.com|gitlab\.com)[:/](.+?)(?:\.git)?\/?$/.exec(remote.trim());
  if (!match) return undefined;
  return { host: match[1] === 'github.com' ? 'github' : 'gitlab', base: `https://${match[1]}/${match[2]}` };
}

/** The `user.name` set in a git config file, for the reviewer's name on exports. */
export function userName(config: string): string | undefined {
  let inUser = false;
  for (const line of config.split('\n')) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      inUser = header[1].trim().toLowerCase() === 'user';
      continue;
    }
    const name = /^\s*name\s*=\s*(.+?)\s*$/.exec(line);
    if (inUser && name) return name[1].replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}
