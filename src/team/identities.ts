import { parse as parseToml } from 'smol-toml';
import type { Person, RepositoryHistory } from '../history/model';

/**
 * What may name the candidate, from what both the extension and the CLI can read without running
 * git: each source is optional, and a malformed one gives what can still be read from it.
 */
export interface CandidateSources {
  /** Commit authors and committers: src/history's HistorySummary.authors, where the history was read. */
  people?: readonly Person[];
  /** The remote's URL: its owner is most often the candidate's own account. */
  remote?: string;
  /** The text of each Cargo.toml: `authors` of `[package]` and `[workspace.package]`. */
  manifests?: readonly string[];
  /** The text of the licence file: its copyright lines. */
  license?: string;
  /** The README's text: its author and contact lines, and the e-mails and handles on lines that carry a name found elsewhere. */
  readme?: string;
  /** The folder's name, which a reviewer often makes of the candidate's name ("jane-doe"). */
  folderName?: string;
}

/** The authors and committers of the history, where git's reader has read it: what `CandidateSources.people` takes. */
export function historyPeople(repository: RepositoryHistory | undefined): Person[] {
  const history = repository?.history;
  if (!history?.available) return [];
  return [...history.summary.authors, ...history.commits.flatMap((commit) => [commit.author, commit.committer])];
}

/** A name or an e-mail of the candidate, and where it was found, so a reviewer can check the masking. */
export interface Identity {
  text: string;
  kind: 'name' | 'email' | 'handle';
  source: 'history' | 'remote' | 'manifest' | 'license' | 'readme' | 'folder';
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Names too generic to be anyone's: licence templates and placeholder authors. */
const NOT_A_NAME = /^(?:the\s+)?(?:authors?|contributors?|developers?|owners?|copyright holders?|maintainers?|team|project|rust project developers|name of copyright owner|fullname|your name|yyyy|year|n\/?a|none|unknown)$/i;

/** A `Name <email>` string, as Cargo's `authors` and git write people, split into what it names. */
function person(text: string, source: Identity['source']): Identity[] {
  const found: Identity[] = [];
  const emails = text.match(EMAIL) ?? [];
  for (const email of emails) found.push({ text: email, kind: 'email', source });
  const name = text
    .replace(EMAIL, '')
    .replace(/[<>()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (isName(name)) found.push({ text: name, kind: 'name', source });
  return found;
}

function isName(text: string): boolean {
  return /\p{L}/u.test(text) && !NOT_A_NAME.test(text) && !/[[\]{}]/.test(text) && text.length <= 100;
}

/** The account or group that owns a remote: `owner` in `https://host/owner/repo.git` and `git@host:owner/repo`. */
export function remoteOwners(remote: string): string[] {
  const match = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?[^/]+\/|[^@\s/]+@[^:/\s]+:|[^@\s/]+@[^:/\s]+\/)(.+?)(?:\.git)?\/?$/i.exec(remote.trim());
  if (!match) return [];
  const segments = match[1].split('/').filter(Boolean);
  // Every segment but the repository's own name: GitLab nests groups.
  return segments.slice(0, -1).map((s) => decodeURIComponentSafe(s)).filter((s) => s.length >= 2 && s !== '~');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The `authors` arrays of a Cargo.toml; a manifest TOML cannot parse is read line by line instead. */
function manifestAuthors(text: string): string[] {
  try {
    const manifest = parseToml(text) as Record<string, unknown>;
    const lists = [field(manifest.package, 'authors'), field(field(manifest.workspace, 'package'), 'authors')];
    return lists.flatMap((list) => (Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : []));
  } catch {
    const list = /^\s*authors\s*=\s*\[([^\]]*)\]/m.exec(text)?.[1] ?? '';
    return [...list.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The holders of each copyright line: what follows the mark and the years, up to a full stop or "All rights reserved". */
function copyrightHolders(license: string): string[] {
  const holders: string[] = [];
  for (const line of license.split(/\r?\n/)) {
    const match = /^\s*(?:copyright\b|\(c\)|©)\s*(.*)$/i.exec(line);
    if (!match) continue;
    const holder = match[1]
      .replace(/^(?:\s*(?:\(c\)|©|copyright\b)\s*)*/i, '')
      .replace(/^[\d\s,–-]+/, '')
      .replace(/\ball rights reserved\.?/i, '')
      .replace(/^by\s+/i, '')
      .trim()
      .replace(/[.,;]+$/, '');
    if (holder) holders.push(holder);
  }
  return holders;
}

/** README lines that say who wrote the project: "Author: …", "Written by …", "Maintainer: …", "Contact: …". */
const AUTHOR_LINE = /^[\s>*#_-]*(?:authors?|written by|made by|created by|maintainers?|contact|by)\b\s*:?\s*(.+)$/i;

/** One to five words, the first and the last capitalised (or of a script without case): "Ana María", "Jan van Dijk". */
const PERSONAL_NAME = /^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*(?:\s+[\p{L}\p{M}'’.-]+){0,3}(?:\s+[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*)?$/u;

function readmeIdentities(readme: string, known: readonly Identity[]): Identity[] {
  const found: Identity[] = [];
  const knownTexts = known.map((k) => k.text.toLowerCase()).filter((k) => k.length >= 3);
  for (const line of readme.split(/\r?\n/)) {
    const author = AUTHOR_LINE.exec(line)?.[1];
    // Links and emphasis around the name are Markdown, not part of it.
    if (author) {
      for (const part of author.replace(/\]\([^)]*\)|[[\]*_`]|(?<![\p{L}\p{N}_.])@[\w-]+/gu, ' ').split(/\s*(?:,|;|\band\b|&)\s*/)) {
        // "By default, …" names no one: only what is written as a person's name counts.
        found.push(...person(part, 'readme').filter((identity) => identity.kind === 'email' || PERSONAL_NAME.test(identity.text)));
      }
    }
    const lower = line.toLowerCase();
    if (!knownTexts.some((k) => lower.includes(k))) continue;
    for (const email of line.match(EMAIL) ?? []) found.push({ text: email, kind: 'email', source: 'readme' });
    for (const [, handle] of line.matchAll(/(?<![\p{L}\p{N}_.])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\b/gu)) found.push({ text: handle, kind: 'handle', source: 'readme' });
  }
  return found;
}

/**
 * Every name, e-mail and account name of the candidate that the sources give, each once (the first
 * source that gave it wins). The README is read last: a line of it that carries a name found
 * elsewhere gives that line's e-mails and `@handles` too.
 */
export function candidateIdentities(sources: CandidateSources): Identity[] {
  const found: Identity[] = [];
  for (const p of sources.people ?? []) {
    // Given apart, so a name is kept as it is, even one with brackets in it.
    // git takes any text for either: all of it is masked, whatever it holds.
    if (p.email.includes('@')) found.push({ text: p.email.trim(), kind: 'email', source: 'history' });
    if (/\p{L}/u.test(p.name)) found.push({ text: p.name.trim(), kind: 'name', source: 'history' });
  }
  if (sources.folderName?.trim()) found.push({ text: sources.folderName.trim(), kind: 'handle', source: 'folder' });
  if (sources.remote) for (const owner of remoteOwners(sources.remote)) found.push({ text: owner, kind: 'handle', source: 'remote' });
  for (const manifest of sources.manifests ?? []) for (const author of manifestAuthors(manifest)) found.push(...person(author, 'manifest'));
  if (sources.license) for (const holder of copyrightHolders(sources.license)) found.push(...person(holder, 'license'));
  if (sources.readme) found.push(...readmeIdentities(sources.readme, found));
  const seen = new Set<string>();
  return found.filter((identity) => {
    const key = identity.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
