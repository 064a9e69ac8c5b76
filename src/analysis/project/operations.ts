import { basename, dirname } from '../crate/paths';
import type { Target } from '../crate/targets';
import type { CrateManifest, Finding, SignalInfo } from '../model';
import { firstLine, projectFinding } from './finding';
import type { ProjectFile } from './files';
import { benchmarks, configFile, deploymentFiles, examples } from './signals';

/** A manifest with its text, for findings at its lines. */
export interface ManifestText {
  manifest: CrateManifest;
  text: string;
}

/** The offsets of the first line of a manifest matching `pattern`, else of its `[package]` line, else of its first line. */
export function manifestLine(text: string, ...patterns: RegExp[]): [start: number, end: number] {
  for (const pattern of [...patterns, /^\[package\][ \t]*$/m]) {
    const match = pattern.exec(text);
    if (match) return [match.index, match.index + match[0].trimEnd().length];
  }
  return firstLine(text);
}

function listed(files: readonly string[], most = 3): string {
  const names = files.slice(0, most).map((file) => `\`${file}\``);
  return files.length > most ? `${names.join(', ')} and ${files.length - most} more` : names.join(', ');
}

/** Files of one kind grouped by folder: one finding per folder, at its first file, naming them all. */
export function groupedFindings(signal: SignalInfo, files: readonly ProjectFile[], describe: (names: string) => string): Finding[] {
  const byFolder = new Map<string, ProjectFile[]>();
  for (const file of files) {
    const folder = dirname(file.file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  return [...byFolder.values()].map((group) => {
    const [start, end] = firstLine(group[0].text);
    return projectFinding(signal, group[0].file, group[0].text, describe(listed(group.map((f) => basename(f.file)))), start, end);
  });
}

export function deploymentFindings(files: readonly ProjectFile[]): Finding[] {
  return groupedFindings(deploymentFiles, files, (names) => `deployment: ${names}`);
}

export function configFindings(files: readonly ProjectFile[]): Finding[] {
  return groupedFindings(configFile, files, (names) => `configuration: ${names}`);
}

/** A package's benchmark and example targets, each kind one finding at its table in the manifest (or its `[package]` line). */
export function targetFindings({ manifest, text }: ManifestText, targets: readonly Target[]): Finding[] {
  const findings: Finding[] = [];
  const pkg = dirname(manifest.file);
  const relative = (root: string) => (pkg === '' ? root : root.slice(pkg.length + 1));
  const benches = targets.filter((t) => t.kind === 'bench').map((t) => relative(t.root));
  if (benches.length > 0) {
    const criterion = manifest.devDependencies.includes('criterion') || manifest.dependencies.includes('criterion');
    const [start, end] = manifestLine(text, /^\[\[bench\]\]/m, /^[ \t]*criterion[ \t]*=.*$/m);
    findings.push(projectFinding(benchmarks, manifest.file, text, `benchmarks: ${listed(benches)}${criterion ? ' with `criterion`' : ''}`, start, end));
  }
  const programs = targets.filter((t) => t.kind === 'example').map((t) => relative(t.root));
  if (programs.length > 0) {
    const [start, end] = manifestLine(text, /^\[\[example\]\]/m);
    findings.push(projectFinding(examples, manifest.file, text, `examples: ${listed(programs)}`, start, end));
  }
  return findings;
}
