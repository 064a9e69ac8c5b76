import type { FileFacts } from '../facts/model';
import type { CrateManifest, FileAnalysis, FileStats } from '../model';
import { CallGraph, type BlockingOperations } from './callGraph';
import { fileRoles, type FileRole } from './moduleTree';
import { packageTargets, type Target } from './targets';

/**
 * A syntactic index of the whole crate (or workspace): its targets, each file's place in their
 * module trees, its functions and the calls between them, and its types that take a lifetime.
 * Files and manifests are set one at a time, as a scan finds them or an editor changes them; what
 * is derived from them is built again only when asked for after a change.
 */
export class CrateModel {
  private readonly files = new Map<string, FileFacts>();
  private readonly stats = new Map<string, FileStats>();
  private manifests: readonly CrateManifest[] = [];
  private derived: { targets: Target[]; roles: Map<string, FileRole>; graph: CallGraph; lifetimeTypes: Set<string> } | undefined;

  constructor(private readonly operations: BlockingOperations) {}

  setManifests(manifests: readonly CrateManifest[]): void {
    this.manifests = manifests;
    this.derived = undefined;
  }

  setFile({ file, facts, stats }: Pick<FileAnalysis, 'file' | 'facts' | 'stats'>): void {
    this.files.set(file, facts);
    this.stats.set(file, stats);
    this.derived = undefined;
  }

  removeFile(file: string): void {
    this.stats.delete(file);
    if (this.files.delete(file)) this.derived = undefined;
  }

  /** Each file's counts of `pub` items and of those documented. */
  documentationCounts(): Iterable<[string, FileStats]> {
    return this.stats;
  }

  /** Where a file sits in the crate; undefined when no target's module tree reaches it (or there is no manifest). */
  role(file: string): FileRole | undefined {
    return this.build().roles.get(file);
  }

  get targets(): readonly Target[] {
    return this.build().targets;
  }

  get callGraph(): CallGraph {
    return this.build().graph;
  }

  /** Whether one of the crate's types named so is declared with a lifetime parameter. */
  hasLifetimeType(name: string): boolean {
    return this.build().lifetimeTypes.has(name);
  }

  factsOf(file: string): FileFacts | undefined {
    return this.files.get(file);
  }

  private build() {
    if (this.derived) return this.derived;
    const fileList = [...this.files.keys()];
    const targets = this.manifests.filter((m) => m.isPackage).flatMap((manifest) => packageTargets(manifest, fileList));
    const external = new Set(this.manifests.flatMap((m) => [...m.dependencies, ...m.devDependencies]).map((name) => name.replace(/-/g, '_')));
    const entries = [...this.files].map(([file, facts]) => ({ file, facts }));
    this.derived = {
      targets,
      roles: fileRoles(targets, (file) => this.files.get(file)),
      graph: new CallGraph(entries, external, this.operations),
      lifetimeTypes: new Set(entries.flatMap((e) => e.facts.lifetimeTypes)),
    };
    return this.derived;
  }
}
