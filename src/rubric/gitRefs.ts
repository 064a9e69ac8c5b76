/**
 * Reading a repository's commit and remote from the files in `.git`, without running git: the
 * extension must work in Restricted Mode and on the web, where there is no git to run.
 */

/** The commit `HEAD` points at, given a reader for files under `.git` (undefined when missing). */
export async function resolveHead(read: (path: string) => Promise<string | undefined>): Promise<string | undefined> {
  const head = (await read('HEAD'))?.trim();
  if (!head) return undefined;
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head)) return head;
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref || ref.includes('..')) return undefined;
  const loose = (await read(ref))?.trim();
  if (loose && /^[0-9a-f]{40}/.test(loose)) return loose.slice(0, 40);
  const packed = await read('packed-refs');
  const line = packed?.split('\n').find((l) => l.endsWith(` ${ref}`));
  return line ? line.slice(0, 40) : undefined;
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
