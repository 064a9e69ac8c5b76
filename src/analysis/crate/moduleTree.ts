import type { FileFacts, ModuleFact } from '../facts/model';
import type { TargetKind } from '../model';
import { basename, dirname, joinPath } from './paths';
import { isModRsFile, type Target } from './targets';

/** Where a file sits in the crate: the targets that compile it, and how. */
export interface FileRole {
  /** The folder of the package's `Cargo.toml`. */
  package: string;
  /** Every kind of target whose module tree reaches the file. */
  targets: TargetKind[];
  /** Reached only through modules compiled for tests, such as `#[cfg(test)] mod tests;`. */
  testOnly: boolean;
  /** Reached from the library's root through `pub mod` at every step: its `pub` items are the library's API. */
  exported: boolean;
}

interface Visit {
  file: string;
  inTest: boolean;
  exported: boolean;
}

/** The file a `mod name;` declaration names: `#[path]` first, else `name.rs` or `name/mod.rs` where Cargo looks. */
function moduleFiles(declaring: string, module: ModuleFact, roots: ReadonlySet<string>): string[] {
  const folder = dirname(declaring);
  const own = isModRsFile(declaring, roots) ? folder : joinPath(folder, basename(declaring).replace(/\.rs$/, ''));
  if (module.path !== undefined) return [joinPath(module.parents.length === 0 ? folder : joinPath(own, ...module.parents), module.path)];
  const base = joinPath(own, ...module.parents);
  return [joinPath(base, `${module.name}.rs`), joinPath(base, module.name, 'mod.rs')];
}

/** Whether every inline module around a declaration is `pub`. */
function parentsPublic(module: ModuleFact, modules: readonly ModuleFact[]): boolean {
  return module.parents.every((name, depth) =>
    modules.some((m) => m.inline && m.isPublic && m.name === name && m.parents.length === depth && m.parents.every((p, i) => p === module.parents[i])),
  );
}

/**
 * Walks each target's module tree from its root through `mod` declarations, so that every file
 * knows the targets it belongs to, whether only tests reach it, and whether the library exports it.
 */
export function fileRoles(targets: readonly Target[], factsOf: (file: string) => FileFacts | undefined): Map<string, FileRole> {
  const roots = new Set(targets.map((t) => t.root));
  const roles = new Map<string, FileRole>();
  for (const target of targets) {
    const seen = new Set<string>();
    const queue: Visit[] = [{ file: target.root, inTest: false, exported: target.kind === 'lib' }];
    for (let visit = queue.shift(); visit; visit = queue.shift()) {
      const key = `${visit.file}|${visit.inTest}|${visit.exported}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const facts = factsOf(visit.file);
      if (!facts) continue;
      const role = roles.get(visit.file);
      if (!role) roles.set(visit.file, { package: target.package, targets: [target.kind], testOnly: visit.inTest, exported: visit.exported });
      else {
        if (!role.targets.includes(target.kind)) role.targets.push(target.kind);
        role.testOnly &&= visit.inTest;
        role.exported ||= visit.exported;
      }
      for (const module of facts.modules) {
        if (module.inline) continue;
        const inTest = visit.inTest || module.inTest;
        const exported = visit.exported && !inTest && module.isPublic && parentsPublic(module, facts.modules);
        const file = moduleFiles(visit.file, module, roots).find((candidate) => factsOf(candidate) !== undefined);
        if (file) queue.push({ file, inTest, exported });
      }
    }
  }
  return roles;
}
