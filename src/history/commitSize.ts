import type { TreeEntry } from 'isomorphic-git';
import { MAX_TREE_DEPTH, type GitRepository } from './gitRepository';
import { diffText, isBinary, lineCount } from './lineDiff';
import type { CommitRecord } from './model';
import { isTestPath } from './paths';

/** The size of one commit's change, as CommitRecord carries it. */
export type ChangeSize = Pick<CommitRecord, 'files' | 'insertions' | 'deletions' | 'testFiles' | 'codeFiles' | 'sizeUnknown'>;

/** A file's two sides in a change; a missing side is an added or removed file. */
interface PathChange {
  path: string;
  before?: TreeEntry;
  after?: TreeEntry;
}

/** Files whose lines are counted in one commit, at most; a larger commit's size is unknown beyond them. */
const MAX_FILES_COUNTED = 2_000;
/** A blob larger than this is not diffed (a data file, a vendored bundle): its lines are unknown. */
const MAX_DIFFED_BYTES = 1024 * 1024;
/** A test attribute on a line the change added: `#[test]`, `#[tokio::test]`, `#[rstest]`… */
const TEST_ATTRIBUTE = /#\[\s*(\w+::)*(test|rstest|quickcheck|proptest)\b/;

/** The files that differ between two trees, with the tree's unchanged folders skipped by their ids. */
async function changedPaths(repo: GitRepository, before: string | undefined, after: string | undefined, prefix: string, depth: number, out: PathChange[]): Promise<void> {
  if (depth > MAX_TREE_DEPTH) throw new Error(`a tree is nested more than ${MAX_TREE_DEPTH} folders deep (at ${prefix})`);
  const [old, next] = await Promise.all([before ? repo.readTree(before) : [], after ? repo.readTree(after) : []]);
  const oldByName = new Map(old.map((entry) => [entry.path, entry]));
  const nextByName = new Map(next.map((entry) => [entry.path, entry]));
  for (const name of new Set([...oldByName.keys(), ...nextByName.keys()])) {
    const b = oldByName.get(name);
    const a = nextByName.get(name);
    if (b && a && b.oid === a.oid && b.mode === a.mode) continue;
    const path = `${prefix}${name}`;
    const bTree = b?.type === 'tree' ? b : undefined;
    const aTree = a?.type === 'tree' ? a : undefined;
    if (bTree || aTree) await changedPaths(repo, bTree?.oid, aTree?.oid, `${path}/`, depth + 1, out);
    const bFile = b && !bTree ? b : undefined;
    const aFile = a && !aTree ? a : undefined;
    if (bFile || aFile) out.push({ path, ...(bFile ? { before: bFile } : {}), ...(aFile ? { after: aFile } : {}) });
  }
}

/** Pairs each removed file with an added one of the same content: git counts a pure rename as one file and no lines. */
function withoutExactRenames(changes: PathChange[]): PathChange[] {
  const added = new Map<string, PathChange>();
  for (const change of changes) if (change.after && !change.before) added.set(change.after.oid, change);
  const renamedTo = new Set<PathChange>();
  const kept = changes.filter((change) => {
    if (!change.before || change.after) return true;
    const target = added.get(change.before.oid);
    if (!target || renamedTo.has(target)) return true;
    renamedTo.add(target);
    return false;
  });
  return kept.map((change) => (renamedTo.has(change) ? { ...change, before: change.after } : change));
}

const BINARY = Symbol('binary');
const TOO_LARGE = Symbol('too large');

async function text(repo: GitRepository, entry: TreeEntry | undefined): Promise<string | typeof BINARY | typeof TOO_LARGE> {
  if (!entry) return '';
  const bytes = await repo.readBlob(entry.oid);
  if (bytes.length > MAX_DIFFED_BYTES) return TOO_LARGE;
  return isBinary(bytes) ? BINARY : new TextDecoder().decode(bytes);
}

/** The lines one file's change added and removed, and whether it added a test; undefined when they cannot be counted. */
async function fileLines(repo: GitRepository, change: PathChange): Promise<{ insertions: number; deletions: number; addsTest: boolean } | undefined> {
  // A submodule's pinned commit changed: a file, no lines.
  if (change.before?.type === 'commit' || change.after?.type === 'commit') return { insertions: 0, deletions: 0, addsTest: false };
  if (change.before && change.after && change.before.oid === change.after.oid) return { insertions: 0, deletions: 0, addsTest: false };
  const [before, after] = await Promise.all([text(repo, change.before), text(repo, change.after)]);
  if (before === TOO_LARGE || after === TOO_LARGE) return undefined;
  if (before === BINARY || after === BINARY) return { insertions: 0, deletions: 0, addsTest: false };
  if (!change.before) return { insertions: lineCount(after), deletions: 0, addsTest: TEST_ATTRIBUTE.test(after) };
  if (!change.after) return { insertions: 0, deletions: lineCount(before), addsTest: false };
  const diff = diffText(before, after);
  if (!diff) return undefined;
  const lines = after.split('\n');
  const addsTest = diff.addedLines.some((span) => lines.slice(span.start, span.end).some((line) => TEST_ATTRIBUTE.test(line)));
  return { insertions: diff.added, deletions: diff.removed, addsTest };
}

/**
 * What a commit changed against its first parent (against nothing for a root): files, lines
 * added and removed (jsdiff's line diff, as `git diff --numstat` counts, exact renames as one file
 * and no lines), and which files are test code or code. `pause` lets the event loop run between files.
 */
export async function measureChange(repo: GitRepository, tree: string, parentTree: string | undefined, pause: () => Promise<void>): Promise<ChangeSize> {
  const changes: PathChange[] = [];
  await changedPaths(repo, parentTree, tree, '', 0, changes);
  const size: ChangeSize = { files: 0, insertions: 0, deletions: 0, testFiles: 0, codeFiles: 0 };
  for (const change of withoutExactRenames(changes)) {
    size.files++;
    const path = change.path;
    const rust = path.endsWith('.rs');
    let addsTest = false;
    if (size.files > MAX_FILES_COUNTED) {
      size.sizeUnknown = true;
    } else {
      const lines = await fileLines(repo, change);
      if (lines) {
        size.insertions += lines.insertions;
        size.deletions += lines.deletions;
        addsTest = lines.addsTest;
      } else {
        size.sizeUnknown = true;
      }
      await pause();
    }
    if (isTestPath(path) || (rust && addsTest)) size.testFiles++;
    if (rust && !/(^|\/)tests\//.test(path)) size.codeFiles++;
  }
  return size;
}
