import type { CrateManifest, TargetKind } from '../model';
import { basename, dirname, joinPath } from './paths';

/** A Cargo target: what it is, and the file its module tree grows from. */
export interface Target {
  kind: TargetKind;
  /** The folder of the package's `Cargo.toml`, `''` at the root. */
  package: string;
  root: string;
}

/** The folders Cargo looks in for each kind of target, relative to the package. */
const LAYOUT: [kind: TargetKind, folder: string][] = [
  ['bin', 'src/bin'],
  ['example', 'examples'],
  ['test', 'tests'],
  ['bench', 'benches'],
];

/** `folder/x.rs` and `folder/x/main.rs`: the files Cargo's layout makes targets of. */
function discovered(files: readonly string[], folder: string): string[] {
  const prefix = `${folder}/`;
  return files.filter((file) => {
    if (!file.startsWith(prefix)) return false;
    const rest = file.slice(prefix.length).split('/');
    return (rest.length === 1 && rest[0].endsWith('.rs')) || (rest.length === 2 && rest[1] === 'main.rs');
  });
}

/**
 * The targets of each package, from what its manifest declares and from Cargo's default layout:
 * `src/lib.rs`, `src/main.rs`, `src/bin/`, `examples/`, `tests/`, `benches/` and `build.rs`.
 * A manifest that is not a package (a virtual workspace's) has no entry. The files are indexed
 * once for all packages: a workspace such as the standard library's has dozens, and thousands of files.
 */
export function workspaceTargets(manifests: readonly CrateManifest[], files: readonly string[]): Map<CrateManifest, Target[]> {
  const exists = new Set(files);
  const targets = new Map<CrateManifest, Target[]>();
  for (const manifest of manifests) if (manifest.isPackage) targets.set(manifest, packageTargets(manifest, files, exists));
  return targets;
}

function packageTargets(manifest: CrateManifest, files: readonly string[], exists: ReadonlySet<string>): Target[] {
  const pkg = dirname(manifest.file);
  const inPackage = (path: string) => joinPath(pkg, path);
  const targets = new Map<string, Target>();
  const add = (kind: TargetKind, root: string) => {
    if (exists.has(root) && !targets.has(root)) targets.set(root, { kind, package: pkg, root });
  };
  const declared = manifest.targets ?? [];
  for (const target of declared) {
    if (target.path !== undefined) add(target.kind, inPackage(target.path));
    else if (target.kind === 'bin' && target.name !== undefined) {
      add('bin', inPackage(`src/bin/${target.name}.rs`));
      add('bin', inPackage(`src/bin/${target.name}/main.rs`));
      if (target.name === manifest.name) add('bin', inPackage('src/main.rs'));
    }
  }
  if (!declared.some((t) => t.kind === 'lib' && t.path !== undefined)) add('lib', inPackage('src/lib.rs'));
  if (!declared.some((t) => t.kind === 'build')) add('build', inPackage('build.rs'));
  const skip = new Set(manifest.noAutodiscovery ?? []);
  if (!skip.has('bin')) add('bin', inPackage('src/main.rs'));
  const packageFiles = pkg === '' ? files : files.filter((f) => f.startsWith(`${pkg}/`)).map((f) => f.slice(pkg.length + 1));
  for (const [kind, folder] of LAYOUT) {
    if (skip.has(kind)) continue;
    for (const file of discovered(packageFiles, folder)) add(kind, inPackage(file));
  }
  return [...targets.values()];
}

/** A target root and `mod.rs` files own the folder they are in; any other file owns the folder named after it. */
export function isModRsFile(file: string, roots: ReadonlySet<string>): boolean {
  return roots.has(file) || basename(file) === 'mod.rs';
}
