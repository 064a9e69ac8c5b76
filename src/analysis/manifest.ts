import { parse as parseToml } from 'smol-toml';
import { errorMessage } from './errorMessage';
import { lintsTableFindings } from './project/tooling';
import { LineIndex } from './source';
import type { CategoryId, CrateManifest, DeclaredTarget, Finding, SignalInfo, TargetKind } from './model';

/** Crates whose presence says something about a submission, by the rubric category they speak to. */
const NOTABLE_CRATES: Record<string, { category: CategoryId; role: string }> = {
  thiserror: { category: 'error-handling', role: 'typed error types' },
  anyhow: { category: 'error-handling', role: 'application errors with context' },
  eyre: { category: 'error-handling', role: 'application errors with context' },
  'color-eyre': { category: 'error-handling', role: 'application errors with context' },
  snafu: { category: 'error-handling', role: 'typed error types' },
  tokio: { category: 'async', role: 'async runtime' },
  'async-std': { category: 'async', role: 'async runtime' },
  smol: { category: 'async', role: 'async runtime' },
  futures: { category: 'async', role: 'future combinators' },
  rayon: { category: 'concurrency', role: 'data parallelism' },
  crossbeam: { category: 'concurrency', role: 'concurrency utilities and channels' },
  'crossbeam-channel': { category: 'concurrency', role: 'message passing' },
  flume: { category: 'concurrency', role: 'message passing' },
  'parking_lot': { category: 'concurrency', role: 'faster locks' },
  dashmap: { category: 'concurrency', role: 'concurrent map' },
  log: { category: 'observability', role: 'logging facade' },
  tracing: { category: 'observability', role: 'structured tracing' },
  'tracing-subscriber': { category: 'observability', role: 'tracing output' },
  env_logger: { category: 'observability', role: 'logging output' },
  proptest: { category: 'testing', role: 'property-based tests' },
  quickcheck: { category: 'testing', role: 'property-based tests' },
  criterion: { category: 'testing', role: 'benchmarks' },
  mockall: { category: 'testing', role: 'mocks' },
  insta: { category: 'testing', role: 'snapshot tests' },
  rstest: { category: 'testing', role: 'parameterised tests' },
  tempfile: { category: 'testing', role: 'temporary files in tests' },
};

export const manifestSignals: SignalInfo[] = [
  {
    id: 'crate-edition',
    category: 'project',
    polarity: 'info',
    severity: 'hint',
    message: 'Rust edition',
    explanation:
      'The edition sets language defaults. A missing `edition` means 2015, which usually shows a manifest written by hand without `cargo new`.',
    question: 'Which edition did you target, and does anything here depend on it?',
  },
  {
    id: 'notable-dependency',
    category: 'project',
    polarity: 'info',
    severity: 'hint',
    message: 'a dependency that shapes the design',
    explanation:
      'Some crates say a lot about an approach: `thiserror`/`anyhow` for errors, `tokio` for async, `rayon`/`crossbeam` for concurrency, `tracing` for observability, `proptest` for testing. Their presence is evidence to check against how the code uses them.',
    question: 'Why this crate? What would you have written without it?',
  },
];

const [editionSignal, dependencySignal] = manifestSignals;

function dependencyNames(table: unknown): string[] {
  return table && typeof table === 'object' ? Object.keys(table) : [];
}

/** The line where a dependency is declared, as `name = ..` or a `[dependencies.name]` table. */
function dependencyOffset(text: string, name: string): number {
  const escaped = name.replace(/[-]/g, '\\-');
  const declaration = new RegExp(`^[ \\t]*(?:"${escaped}"|${escaped})[ \\t]*=|^\\[(?:dev-|build-)?dependencies\\.${escaped}\\]`, 'm');
  return declaration.exec(text)?.index ?? 0;
}

/** The manifest's tables of targets, by the kind each declares. */
const TARGET_TABLES: [kind: TargetKind, autodiscovery: string][] = [
  ['bin', 'autobins'],
  ['example', 'autoexamples'],
  ['test', 'autotests'],
  ['bench', 'autobenches'],
];

function stringField(table: unknown, key: string): string | undefined {
  const value = table && typeof table === 'object' ? (table as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The targets a manifest declares, and the kinds it keeps Cargo from discovering by layout. */
function declaredTargets(parsed: Record<string, unknown>, pkg: Record<string, unknown>): { targets: DeclaredTarget[]; noAutodiscovery: TargetKind[] } {
  const targets: DeclaredTarget[] = [];
  const declare = (kind: TargetKind, table: unknown) => {
    const name = stringField(table, 'name');
    const path = stringField(table, 'path');
    targets.push({ kind, ...(name === undefined ? {} : { name }), ...(path === undefined ? {} : { path }) });
  };
  if (parsed.lib !== undefined) declare('lib', parsed.lib);
  for (const [kind] of TARGET_TABLES) {
    const tables = parsed[kind];
    if (Array.isArray(tables)) for (const table of tables) declare(kind, table);
  }
  const build = pkg.build;
  if (typeof build === 'string') targets.push({ kind: 'build', path: build });
  const noAutodiscovery = TARGET_TABLES.filter(([, flag]) => pkg[flag] === false).map(([kind]) => kind);
  return { targets, noAutodiscovery };
}

/**
 * Reads a `Cargo.toml` with a real TOML parser. A manifest that does not parse is reported in the
 * result's `error` and yields no findings; the rest of the scan goes on.
 */
export function analyzeManifest(file: string, text: string): { manifest: CrateManifest; findings: Finding[] } {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(text);
  } catch (error) {
    const reason = errorMessage(error).split('\n')[0];
    return { manifest: { file, dependencies: [], devDependencies: [], error: `Cargo.toml does not parse: ${reason}` }, findings: [] };
  }
  const pkg = (parsed.package ?? {}) as Record<string, unknown>;
  const manifest: CrateManifest = {
    file,
    name: typeof pkg.name === 'string' ? pkg.name : undefined,
    edition: typeof pkg.edition === 'string' ? pkg.edition : undefined,
    dependencies: dependencyNames(parsed.dependencies),
    devDependencies: dependencyNames(parsed['dev-dependencies']),
    isPackage: parsed.package !== undefined,
    ...declaredTargets(parsed, pkg),
  };
  const lines = new LineIndex(text);
  const finding = (signal: SignalInfo, offset: number, endOffset: number, message: string, category: CategoryId): Finding => ({
    rule: signal.id,
    category,
    polarity: signal.polarity,
    severity: signal.severity,
    message,
    file,
    range: lines.rangeOf(offset, endOffset),
    startIndex: offset,
    endIndex: endOffset,
    context: 'code',
  });
  const findings: Finding[] = [];
  if (parsed.package !== undefined) {
    const editionAt = /^[ \t]*edition[ \t]*=.*$/m.exec(text);
    const packageAt = /^\[package\]/m.exec(text);
    const at = editionAt ?? packageAt;
    const start = at?.index ?? 0;
    const message = manifest.edition ? `edition ${manifest.edition}` : 'no `edition`: the crate defaults to Rust 2015';
    findings.push(finding(editionSignal, start, start + (at?.[0].length ?? 0), message, 'project'));
  }
  const seen = new Set<string>();
  for (const name of [...manifest.dependencies, ...manifest.devDependencies]) {
    const notable = NOTABLE_CRATES[name];
    if (!notable || seen.has(name)) continue;
    seen.add(name);
    const start = dependencyOffset(text, name);
    const dev = !manifest.dependencies.includes(name);
    findings.push(finding(dependencySignal, start, start + name.length, `\`${name}\`${dev ? ' (dev)' : ''}: ${notable.role}`, notable.category));
  }
  findings.push(...lintsTableFindings(file, text));
  return { manifest, findings };
}
