import * as vscode from 'vscode';
import { GitignoreRules } from '../analysis/gitignore';
import { PROJECT_FILE_GLOBS, projectFileKind, type ProjectFileKind } from '../analysis/project';

export interface WorkspaceFile {
  uri: vscode.Uri;
  /** Relative to the workspace folder, with `/`: what the analysis sees as the file's path. */
  path: string;
  /** A Rust source, a manifest, or a file around the code that the project analysis reads. */
  kind: 'rust' | 'manifest' | ProjectFileKind;
}

/** Every file the analysis reads, as one glob: Rust sources, manifests and the files around them. */
export const ANALYSED_FILES = `{**/*.rs,**/Cargo.toml,${PROJECT_FILE_GLOBS.join(',')}}`;

// Cargo's build output is never analysed, whatever the settings say. The globs name the folders
// themselves, so VS Code's search (ripgrep) never lists them: with `**/target/**`, which matches
// only what is inside, it listed target/ itself before leaving out what it holds.
const ALWAYS_EXCLUDED = ['**/target', '**/.git'];

/** One glob of everything excluded: `files.exclude`, our own `exclude` setting and `target/`. */
function excludeGlob(folder: vscode.WorkspaceFolder, extra: readonly string[]): string {
  const filesExclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, boolean>>('exclude', {});
  const globs = [...ALWAYS_EXCLUDED, ...extra, ...Object.entries(filesExclude).filter(([, on]) => on).map(([glob]) => glob)];
  // A glob with braces of its own cannot be nested inside `{a,b}`; such excludes are rare and kept out.
  return `{${globs.filter((g) => !g.includes('{')).join(',')}}`;
}

export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

async function gitignoreRules(folder: vscode.WorkspaceFolder, exclude: string, token: vscode.CancellationToken): Promise<GitignoreRules> {
  const rules = new GitignoreRules();
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), exclude, undefined, token);
  // Shallow files first, as git reads them; each applies to its own folder.
  const sorted = files.map((uri) => relativePath(folder, uri)).sort((a, b) => a.split('/').length - b.split('/').length);
  for (const file of sorted) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, file)));
      rules.add(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '', text);
    } catch {
      // An unreadable .gitignore ignores nothing, as with git.
    }
  }
  return rules;
}

/** `a/b/c.rs` → `['a', 'a/b']`: a file is ignored when any folder above it is. */
function ancestorsOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * A path as a glob that matches it: VS Code's globs have no escapes, so each character that means
 * something in a glob (`a[1].rs`, `{x}.rs`) becomes `?`, which matches it too. Results are then
 * compared with the paths themselves, so the wider glob never lets another file through.
 */
function globMatching(path: string): string {
  return path.replace(/[[\]{}*?,!]/g, '?');
}

/** File-system events come in bursts (a checkout, a generator): the files of one burst are looked up together. */
const BURST_MS = 100;
/** Paths per search, so that a checkout of thousands of files makes a few searches of reasonable globs. */
const PATHS_PER_SEARCH = 200;

interface Candidate {
  file: WorkspaceFile;
  settle: (accepted: WorkspaceFile | undefined) => void;
}

function kindOf(path: string): WorkspaceFile['kind'] | undefined {
  return path.endsWith('.rs') ? 'rust' : path === 'Cargo.toml' || path.endsWith('/Cargo.toml') ? 'manifest' : projectFileKind(path);
}

/**
 * Finds the files to analyse, and remembers each folder's `.gitignore` rules from the last full
 * scan so a single created or changed file is judged without reading them all again.
 */
export class WorkspaceFiles {
  private readonly ignoreRules = new Map<string, GitignoreRules>();
  /** Files of the current burst waiting for their search, per workspace folder. */
  private readonly burst = new Map<string, { folder: vscode.WorkspaceFolder; candidates: Candidate[] }>();
  private burstTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly extraExcludes: () => readonly string[]) {}

  /** The Rust sources, Cargo manifests and project files of every workspace folder that the settings let through. */
  async findAll(token: vscode.CancellationToken): Promise<WorkspaceFile[]> {
    const found: WorkspaceFile[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const exclude = excludeGlob(folder, this.extraExcludes());
      const ignored = await gitignoreRules(folder, exclude, token);
      this.ignoreRules.set(folder.uri.toString(), ignored);
      found.push(...(await this.search(folder, folder.uri, exclude, ignored, token)));
    }
    return found.sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : 1));
  }

  /** The same for the files inside one folder of the workspace, as after the folder appeared. */
  async findUnder(directory: vscode.Uri): Promise<WorkspaceFile[]> {
    const folder = vscode.workspace.getWorkspaceFolder(directory);
    const ignored = folder && this.ignoreRules.get(folder.uri.toString());
    return folder && ignored ? this.search(folder, directory, excludeGlob(folder, this.extraExcludes()), ignored) : [];
  }

  private async search(folder: vscode.WorkspaceFolder, base: vscode.Uri, exclude: string, ignored: GitignoreRules, token?: vscode.CancellationToken): Promise<WorkspaceFile[]> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(base, ANALYSED_FILES), exclude, undefined, token);
    const found: WorkspaceFile[] = [];
    for (const uri of uris) {
      const path = relativePath(folder, uri);
      const kind = kindOf(path);
      if (kind && !this.isIgnored(ignored, path)) found.push({ uri, path, kind });
    }
    return found;
  }

  /**
   * The same filters for one file, as after a file-system event. The exclude globs are applied by
   * VS Code's own search, one search for all the files of a burst of events.
   */
  accepts(uri: vscode.Uri): Promise<WorkspaceFile | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return Promise.resolve(undefined);
    const path = relativePath(folder, uri);
    const kind = kindOf(path);
    const ignored = this.ignoreRules.get(folder.uri.toString());
    if (!kind || (ignored && this.isIgnored(ignored, path))) return Promise.resolve(undefined);
    return new Promise((settle) => {
      const key = folder.uri.toString();
      const entry = this.burst.get(key) ?? { folder, candidates: [] };
      entry.candidates.push({ file: { uri, path, kind }, settle });
      this.burst.set(key, entry);
      this.burstTimer ??= setTimeout(() => void this.searchBurst(), BURST_MS);
    });
  }

  private async searchBurst(): Promise<void> {
    const burst = [...this.burst.values()];
    this.burst.clear();
    this.burstTimer = undefined;
    for (const { folder, candidates } of burst) {
      const exclude = excludeGlob(folder, this.extraExcludes());
      for (let i = 0; i < candidates.length; i += PATHS_PER_SEARCH) {
        const chunk = candidates.slice(i, i + PATHS_PER_SEARCH);
        const globs = [...new Set(chunk.map(({ file }) => globMatching(file.path)))];
        let found = new Set<string>();
        try {
          const matches = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globs.length === 1 ? globs[0] : `{${globs.join(',')}}`), exclude);
          found = new Set(matches.map((match) => relativePath(folder, match)));
        } catch {
          // A search that fails accepts nothing: the next scan looks again.
        }
        for (const { file, settle } of chunk) settle(found.has(file.path) ? file : undefined);
      }
    }
  }

  private isIgnored(rules: GitignoreRules, path: string): boolean {
    return rules.ignores(path, false) || ancestorsOf(path).some((dir) => rules.ignores(dir, true));
  }
}
