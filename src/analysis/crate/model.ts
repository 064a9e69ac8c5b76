import type { FileFacts } from '../facts/model';
import type { CrateManifest, FileAnalysis, FileStats } from '../model';
import { CallGraph, type BlockingOperations } from './callGraph';
import { fileRoles, type FileRole } from './moduleTree';
import { workspaceTargets, type Target } from './targets';

/**
 * A syntactic index of the whole crate (or workspace): its targets, each file's place in their
 * module trees, its functions and the calls between them, and its types that take a lifetime.
 * Files and manifests are set one at a time, as a scan finds them or an editor changes them. An
 * edit replaces its file's functions in the call graph; the module tree and the type names are
 * built again, when next asked for, only after a change to what they are built from.
 */
export class CrateModel {
  private readonly files = new Map<string, FileFacts>();
  private readonly stats = new Map<string, FileStats>();
  private manifests: readonly CrateManifest[] = [];
  private readonly graph: CallGraph;
  private tree: { targets: Target[]; roles: Map<string, FileRole> } | undefined;
  private lifetimeTypes: Set<string> | undefined;
  private changes = 0;

  constructor(operations: BlockingOperations) {
    this.graph = new CallGraph(operations);
  }

  /**
   * Grows with every change that may judge a finding differently: manifests set, a file added or
   * removed, or a file set whose modules, types, functions or calls changed (setFile's true). A
   * judgement made at one version holds while it stays.
   */
  get version(): number {
    return this.changes;
  }

  setManifests(manifests: readonly CrateManifest[]): void {
    this.changes++;
    this.manifests = manifests;
    this.graph.setExternalCrates(new Set(manifests.flatMap((m) => [...m.dependencies, ...m.devDependencies]).map((name) => name.replace(/-/g, '_'))));
    this.tree = undefined;
  }

  /**
   * Sets a file's facts. True when what other files' findings are judged by may have changed: its
   * modules, its functions' signatures, the calls they make or its types; an edit inside a
   * function body that calls nothing new changes none of them.
   */
  setFile({ file, facts, stats }: Pick<FileAnalysis, 'file' | 'facts' | 'stats'>): boolean {
    const before = this.files.get(file);
    this.files.set(file, facts);
    this.stats.set(file, stats);
    this.graph.setFile(file, facts);
    if (!before) {
      this.tree = undefined;
      this.lifetimeTypes = undefined;
      this.changes++;
      return true;
    }
    const modulesChanged = JSON.stringify(before.modules) !== JSON.stringify(facts.modules);
    const typesChanged = before.lifetimeTypes.join() !== facts.lifetimeTypes.join();
    if (modulesChanged) this.tree = undefined;
    if (typesChanged) this.lifetimeTypes = undefined;
    const reshaped = modulesChanged || typesChanged || shapeOf(before) !== shapeOf(facts);
    if (reshaped) this.changes++;
    return reshaped;
  }

  removeFile(file: string): void {
    this.changes++;
    this.stats.delete(file);
    this.graph.removeFile(file);
    if (!this.files.delete(file)) return;
    this.tree = undefined;
    this.lifetimeTypes = undefined;
  }

  /** Where a file sits in the crate; undefined when no target's module tree reaches it (or there is no manifest). */
  role(file: string): FileRole | undefined {
    return this.moduleTree().roles.get(file);
  }

  get targets(): readonly Target[] {
    return this.moduleTree().targets;
  }

  get callGraph(): CallGraph {
    return this.graph;
  }

  /** Whether one of the crate's types named so is declared with a lifetime parameter. */
  hasLifetimeType(name: string): boolean {
    this.lifetimeTypes ??= new Set([...this.files.values()].flatMap((facts) => facts.lifetimeTypes));
    return this.lifetimeTypes.has(name);
  }

  /** Each file's counts of `pub` items and of those documented. */
  documentationCounts(): Iterable<[string, FileStats]> {
    return this.stats;
  }

  private moduleTree() {
    if (this.tree) return this.tree;
    const targets = [...workspaceTargets(this.manifests, [...this.files.keys()]).values()].flat();
    this.tree = { targets, roles: fileRoles(targets, (file) => this.files.get(file)) };
    return this.tree;
  }
}

/** What of a file's functions and calls another file's judgement may depend on, without their places. */
function shapeOf(facts: FileFacts): string {
  const functions = facts.functions.map((f) => `${f.owner ?? ''}::${f.name}:${f.isAsync}:${f.isPublic}:${f.inTest}:${f.returns ?? ''}`);
  const calls = facts.calls.map((c) => c.callee);
  return `${functions.join('|')}\n${calls.join('|')}`;
}
