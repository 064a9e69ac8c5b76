import ignore, { type Ignore } from 'ignore';

/**
 * The `.gitignore` files of a tree, each applying to its own folder as git applies them. Pure, so
 * the CLI (reading with Node) and the extension (reading through `workspace.fs`) share it.
 */
export class GitignoreRules {
  private readonly layers: { base: string; rules: Ignore }[] = [];

  /** Adds the `.gitignore` found in `folder` (relative to the root, with `/`; '' for the root). */
  add(folder: string, text: string): void {
    this.layers.push({ base: folder, rules: ignore().add(text) });
  }

  /** Whether a path relative to the root, with `/`, is ignored by any `.gitignore` above it. */
  ignores(path: string, isFolder: boolean): boolean {
    for (const { base, rules } of this.layers) {
      if (base && !path.startsWith(`${base}/`)) continue;
      const relative = base ? path.slice(base.length + 1) : path;
      if (relative && rules.ignores(isFolder ? `${relative}/` : relative)) return true;
    }
    return false;
  }
}
