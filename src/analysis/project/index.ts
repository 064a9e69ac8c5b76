import { dirname } from '../crate/paths';
import { workspaceTargets, type Target } from '../crate/targets';
import type { CrateManifest, Finding } from '../model';
import { firstLine, projectFinding } from './finding';
import type { ProjectFile } from './files';
import { configFindings, deploymentFindings, manifestLine, targetFindings, type ManifestText } from './operations';
import { readmeFindings, readmeGapFinding } from './readme';
import { cargoLock, missingCargoLock, readmeMissing } from './signals';
import { ciFindings, lintConfigFinding } from './tooling';

export { projectFileKind, needsText, PROJECT_FILE_GLOBS, type ProjectFile, type ProjectFileKind } from './files';
export { lintsTableFindings } from './tooling';
export type { ManifestText } from './operations';
export { PROJECT_SIGNALS } from './signals';

/** What the project analysis reads: the manifests, the files around the code, and the paths of the Rust sources. */
export interface ProjectInput {
  manifests: readonly ManifestText[];
  files: readonly ProjectFile[];
  /** Every Rust source's path: a package's targets (a binary, benches, examples) are found among them. */
  sources: readonly string[];
}

const depth = (path: string) => (path === '' ? 0 : path.split('/').length);
const shallowestFirst = <T extends { file: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => depth(a.file) - depth(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

/** The folder and every folder above it, nearest first: where a package's lockfile may be. */
function foldersUp(folder: string): string[] {
  const up = [folder];
  for (let f = folder; f !== ''; ) up.push((f = dirname(f)));
  return up;
}

/** The READMEs of the project: at the root, or beside a manifest. One says what none of them covers. */
function readmes(input: ProjectInput): Finding[] {
  const folders = new Set(['', ...input.manifests.map((m) => dirname(m.manifest.file))]);
  const found = shallowestFirst(input.files.filter((f) => f.kind === 'readme' && folders.has(dirname(f.file))));
  if (found.length === 0) {
    const main = shallowestFirst(input.manifests.map((m) => ({ ...m, file: m.manifest.file })))[0];
    if (!main) return [];
    const [start, end] = firstLine(main.text);
    return [projectFinding(readmeMissing, main.file, main.text, 'no README at the root or beside `Cargo.toml`', start, end)];
  }
  const findings: Finding[] = [];
  let missing: string[] | undefined;
  for (const readme of found) {
    const own = readmeFindings(readme);
    findings.push(...own.findings);
    missing = missing ? missing.filter((topic) => own.missing.includes(topic)) : own.missing;
  }
  return [...findings, ...readmeGapFinding(found[0], missing ?? [])];
}

/** Each package that builds a binary: its lockfile, found in its folder or above (a workspace's), or its absence. */
function lockfiles(input: ProjectInput, targets: ReadonlyMap<CrateManifest, Target[]>): Finding[] {
  const locks = new Map(input.files.filter((f) => f.kind === 'lockfile').map((f) => [dirname(f.file), f]));
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const { manifest, text } of input.manifests) {
    const binaries = (targets.get(manifest) ?? []).filter((t) => t.kind === 'bin');
    if (binaries.length === 0) continue;
    const lock = foldersUp(dirname(manifest.file)).map((folder) => locks.get(folder)).find((f) => f !== undefined);
    if (lock) {
      if (!reported.has(lock.file)) findings.push(projectFinding(cargoLock, lock.file, lock.text, `\`${lock.file}\` pins the dependencies of the binary \`${binaries[0].root}\``));
      reported.add(lock.file);
    } else {
      const [start, end] = manifestLine(text);
      findings.push(projectFinding(missingCargoLock, manifest.file, text, `no \`Cargo.lock\` for the binary \`${binaries[0].root}\``, start, end));
    }
  }
  return findings;
}

/**
 * The findings about the project around the code: its READMEs, CI, lint settings, lockfiles,
 * deployment and configuration files, benchmarks and examples. Pure: the callers read the files.
 */
export function analyzeProject(input: ProjectInput): Finding[] {
  const ofKind = (kind: ProjectFile['kind']) => input.files.filter((f) => f.kind === kind);
  const targets = workspaceTargets(input.manifests.map((m) => m.manifest), input.sources);
  return [
    ...readmes(input),
    ...ofKind('ci').flatMap(ciFindings),
    ...ofKind('lint-config').map(lintConfigFinding),
    ...lockfiles(input, targets),
    ...deploymentFindings(ofKind('deployment')),
    ...configFindings(ofKind('config')),
    ...input.manifests.flatMap((m) => targetFindings(m, targets.get(m.manifest) ?? [])),
  ];
}
