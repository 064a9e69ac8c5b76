import type { TagRef } from './gitRepository';
import { diffText, lineCount } from './lineDiff';
import type { Baseline, BaselineProposal, CommitRecord, FileChange, LineSpan } from './model';

/** A tag name that marks the starter code a candidate was given. */
const STARTER_TAG = /(^|[-_/.])(start|starter|template|baseline|skeleton|scaffold)([-_/.]|$)/i;

/**
 * The baseline the reader proposes, with its reason, or why it proposes none: a tag such as
 * `start` or `template`; else the root commit, when someone else made every later commit.
 */
export function proposeBaseline(commits: readonly CommitRecord[], tags: readonly TagRef[]): BaselineProposal | { reason: string } {
  const known = new Set(commits.map((c) => c.id));
  const tag = tags.find((t) => STARTER_TAG.test(t.name) && known.has(t.commit));
  if (tag) return { baseline: { kind: 'commit', commit: tag.commit, label: `tag ${tag.name}` }, reason: `the tag "${tag.name}" marks the starter code` };
  const roots = commits.filter((c) => c.parents.length === 0);
  if (commits.length === 0) return { reason: 'the repository has no commits' };
  if (roots.length !== 1) return { reason: `the history has ${roots.length} root commits, and no tag such as "start" or "template"` };
  const root = roots[0];
  const email = (c: CommitRecord) => c.author.email.toLowerCase();
  const later = commits.filter((c) => c !== root);
  if (later.length === 0) return { reason: 'the repository has a single commit, and no tag such as "start" or "template"' };
  if (later.some((c) => email(c) === email(root))) {
    return { reason: `no tag such as "start" or "template", and ${root.author.name} made the root commit and later ones too` };
  }
  return {
    baseline: { kind: 'commit', commit: root.id, label: `root commit ${root.id.slice(0, 7)}` },
    reason: `the root commit is by ${root.author.name}, and every later commit by someone else`,
  };
}

/** Files by path, read on demand: the baseline's (a commit's tree, a folder) or the current ones. */
export interface FileSet {
  paths: readonly string[];
  /** The file's text; undefined when it cannot be read as text (binary, too large, gone). */
  read(path: string): Promise<string | undefined>;
}

/**
 * How each file differs from the baseline: added, changed, removed or unchanged, with the lines the
 * candidate added or changed in the current file. A file that cannot be read on either side is
 * counted as changed in full, so that nothing of the candidate's is taken for the starter's.
 */
export async function compareWithBaseline(baseline: FileSet, current: FileSet): Promise<FileChange[]> {
  const before = new Set(baseline.paths);
  const after = new Set(current.paths);
  const changes: FileChange[] = [];
  for (const path of [...new Set([...baseline.paths, ...current.paths])].sort()) {
    const [old, next] = await Promise.all([before.has(path) ? baseline.read(path) : undefined, after.has(path) ? current.read(path) : undefined]);
    if (!after.has(path)) {
      changes.push({ path, status: 'removed', added: 0, removed: old === undefined ? 0 : lineCount(old), candidateLines: [] });
    } else if (!before.has(path) || old === undefined || next === undefined) {
      const lines = next === undefined ? Number.MAX_SAFE_INTEGER : lineCount(next);
      changes.push({ path, status: before.has(path) ? 'changed' : 'added', added: next === undefined ? 0 : lines, removed: 0, candidateLines: [{ start: 0, end: lines }] });
    } else {
      const diff = diffText(old, next);
      if (!diff) changes.push({ path, status: 'changed', added: lineCount(next), removed: lineCount(old), candidateLines: [{ start: 0, end: Number.MAX_SAFE_INTEGER }] });
      else if (diff.added === 0 && diff.removed === 0) changes.push({ path, status: 'unchanged', added: 0, removed: 0, candidateLines: [] });
      else changes.push({ path, status: 'changed', added: diff.added, removed: diff.removed, candidateLines: diff.addedLines });
    }
  }
  return changes;
}

function inSpans(spans: readonly LineSpan[], line: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (line < spans[mid].start) high = mid - 1;
    else if (line >= spans[mid].end) low = mid + 1;
    else return true;
  }
  return false;
}

/** Whether a line of a file is the starter's, given the changes since the baseline (path relative to the repository, with `/`). */
export type StarterLines = (path: string, line: number) => boolean;

/**
 * The starter's lines: those of a file unchanged since the baseline, or of a changed file outside
 * the lines the candidate added or changed. A file the baseline does not know is the candidate's.
 */
export function starterLines(changes: readonly FileChange[]): StarterLines {
  const byPath = new Map(changes.map((change) => [change.path, change]));
  return (path, line) => {
    const change = byPath.get(path);
    if (!change || change.status === 'added' || change.status === 'removed') return false;
    return change.status === 'unchanged' || !inSpans(change.candidateLines, line);
  };
}

/** How a baseline is named to the reviewer. */
export function baselineLabel(baseline: Baseline): string {
  return baseline.kind === 'commit' ? baseline.label : `folder ${baseline.path}`;
}
