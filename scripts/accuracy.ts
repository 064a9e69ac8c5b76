// Accuracy run: the precision and recall of our signals on real Rust code.
//
//   npm run accuracy [-- crate...]
//
// With crate names (a registry name or a take-home folder) only those crates are measured.
//
// For each crate of CRATES (real crates from Debian's registry, and the take-home-like crates in
// test/accuracy/takehomes) it copies the crate to a temporary folder, runs the CLI on the copy and
// `cargo clippy` on it, offline, with the registry as a directory source and only the lints of
// LINT_SIGNALS forced on. Where a clippy lint means what our signal means, clippy is the oracle:
// findings are matched by crate, file and position, and recall and precision are printed per
// signal and crate. Signals clippy has no lint for are scored against the hand-judged list
// test/accuracy/judged.json.
//
// Like is compared with like: clippy checks the library and binaries with the features named
// below, so our findings count only in the files that compilation read (from Cargo's dep-info),
// outside test code, build scripts and examples. Two differences remain and show up as misses:
// items behind a `cfg` the build left off, in a file it read, count on our side only; and
// `--force-warn` makes clippy report a site the crate silenced with `#[allow(clippy::…)]`, as we
// do. A diagnostic inside a macro's expansion is placed at the outermost call site clippy names.
//
// The real crates come from Debian's librust-*-dev packages. Where cargo, clippy or the registry is
// missing, the run says so and exits 0 with nothing measured. Nothing is cached in the repository.

import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseToml, stringify as stringifyToml, type TomlTable } from 'smol-toml';

/** The repository: this script runs bundled, from out/scripts/. */
const ROOT = path.resolve(__dirname, '..', '..');
const REGISTRY = '/usr/share/cargo/registry';
const TAKEHOMES = path.join(ROOT, 'test/accuracy/takehomes');
const JUDGED = path.join(ROOT, 'test/accuracy/judged.json');
const MISSES_SHOWN = Number(process.env.ACCURACY_MISSES ?? 5);

/** The crates measured: a registry crate by name (its newest version there), or a take-home by folder. */
/** A crate measured: from the registry by name, with the features and cfgs its build gets, or a take-home by folder. */
type Crate = { name: string; takehome?: undefined; features?: string[]; cfgs?: string[] } | { takehome: string; name?: undefined; features?: undefined; cfgs?: undefined };

/** A finding of ours, as the CLI's JSON gives it. */
interface OurFinding {
  rule: string;
  polarity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  context: string;
  message: string;
}

/** A diagnostic of clippy's, at the outermost call site when a macro's expansion raised it. */
interface ClippyDiagnostic {
  lint: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A finding or a diagnostic, with its source line read while the crate's copy still exists. */
type WithCode<T> = T & { code: string };

interface CrateResult {
  label: string;
  clippy: WithCode<ClippyDiagnostic>[];
  ours: WithCode<OurFinding>[];
  judged: WithCode<OurFinding>[];
}

/** The parts of Cargo's JSON messages the run reads. */
interface CargoMessage {
  reason: string;
  manifest_path?: string;
  target?: { kind: string[] };
  filenames?: string[];
  message?: {
    level: string;
    message: string;
    code?: { code: string } | null;
    spans: CargoSpan[];
  };
}

interface CargoSpan {
  is_primary: boolean;
  file_name: string;
  line_start: number;
  column_start: number;
  line_end: number;
  column_end: number;
  expansion?: { span: CargoSpan } | null;
}

interface Judged {
  crate: string;
  file: string;
  line: number;
  signal: string;
  verdict: boolean;
}

const CRATES: Crate[] = [
  { name: 'log', features: ['std'] },
  { name: 'regex' },
  { name: 'env_logger' },
  { name: 'indexmap' },
  { name: 'petgraph' },
  { name: 'rayon-core' },
  { name: 'crossbeam-channel' },
  // With tokio_unstable and tracing, its unstable and instrumented code is compiled and compared too.
  { name: 'tokio', features: ['full', 'test-util', 'tracing'], cfgs: ['tokio_unstable'] },
  { name: 'threadpool' },
  { name: 'walkdir' },
  { name: 'csv' },
  { name: 'once_cell' },
  { name: 'parking_lot' },
  { name: 'tempfile' },
  { takehome: 'wordfreq-cli' },
  { takehome: 'job-queue' },
  { takehome: 'kv-service' },
  { takehome: 'ini-parser' },
];

/**
 * Each clippy lint (by its name in clippy 1.95) and the set of our signal ids that report the same
 * thing. An id the CLI does not report simply counts no findings, so ids being renamed or split on
 * other branches can be listed before they exist. A signal may serve two lints (`lock-unwrap` is
 * `.lock().unwrap()` and `.lock().expect(..)`): a finding pairs with a diagnostic of either, and
 * an unpaired one counts under the first entry that lists it.
 */
const LINT_SIGNALS: { lints: string[]; signals: string[] }[] = [
  // `.join().unwrap()` and `.join().expect(..)` are their own signal, `join-unwrap`, and still an unwrap or expect.
  { lints: ['unwrap_used'], signals: ['unwrap', 'lock-unwrap', 'join-unwrap'] },
  // An `expect` with an explained invariant is info (`expect-invariant`), the rest a concern: clippy's
  // restriction lint sees them all, so recall counts both and precision says whether each is an `expect`.
  { lints: ['expect_used'], signals: ['expect', 'lock-unwrap', 'join-unwrap', 'expect-invariant'] },
  { lints: ['panic'], signals: ['panic'] },
  { lints: ['unreachable'], signals: ['unreachable'] },
  { lints: ['todo', 'unimplemented'], signals: ['todo'] },
  { lints: ['needless_lifetimes'], signals: ['elidable-lifetime'] },
  // Pedantic: lifetimes that can only become `'_`, which the audit makes info, not the concern.
  { lints: ['elidable_lifetime_names'], signals: [] },
  { lints: ['ptr_arg', 'borrowed_box'], signals: ['ref-owned-param'] },
  { lints: ['needless_range_loop'], signals: ['index-loop'] },
  { lints: ['mutex_atomic', 'mutex_integer'], signals: ['mutex-could-be-atomic'] },
  { lints: ['await_holding_lock'], signals: ['guard-across-await'] },
  { lints: ['let_underscore_must_use'], signals: ['let-underscore-result'] },
  { lints: ['unused_io_amount'], signals: ['unused-io-amount'] },
  { lints: ['print_stdout', 'print_stderr'], signals: ['print-output', 'print-in-library', 'print-diagnostic'] },
  { lints: ['exit'], signals: ['process-exit'] },
  // Unsafe blocks and unsafe impls (of any trait) without a `// SAFETY:` comment.
  { lints: ['undocumented_unsafe_blocks'], signals: ['unsafe-without-safety', 'unsafe-send-sync'] },
  { lints: ['dbg_macro'], signals: ['dbg-macro'] },
];

/** Concern signals clippy has no lint for: scored against the hand-judged list. */
const JUDGED_SIGNALS = [
  'blocking-in-async',
  'blocking-wait-in-async',
  'busy-wait',
  'clone-in-loop',
  'guard-across-await',
  'error-to-string',
  'map-err-discards',
  'opaque-error-type',
  'anyhow-in-library-api',
  'let-underscore-result',
  'print-in-library',
  'test-without-assert',
  'money-float',
  'blanket-allow',
  'mut-borrow-own-lifetime',
  'dbg-macro',
  'static-mut',
  'undocumented-api',
  'undocumented-pub',
  'todo',
];

/** Judged signals about test code: their findings count in test code (of the crate's files, compiled or not). */
const JUDGED_IN_TESTS = new Set(['test-without-assert']);

const CARGO_CONFIG = `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${REGISTRY}"\n`;

function main(): void {
  const missing = missingTools();
  if (missing) {
    console.log(`accuracy: ${missing}; nothing measured.`);
    return;
  }
  const started = Date.now();
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rust-review-accuracy-'));
  const chosen = process.argv.slice(2);
  const crates = chosen.length > 0 ? CRATES.filter((c) => chosen.includes(c.name ?? c.takehome)) : CRATES;
  const results: CrateResult[] = [];
  try {
    for (const crate of crates) {
      const result = measureCrate(crate, workRoot);
      if (result) results.push(result);
    }
  } finally {
    fs.rmSync(workRoot, { recursive: true, force: true });
  }
  printLintTable(results);
  printMisses(results);
  printJudged(results);
  console.log(`\n${results.length} of ${crates.length} crates measured in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

/** Why the run cannot measure anything, or undefined when it can. */
function missingTools(): string | undefined {
  if (spawnSync('cargo', ['--version']).status !== 0) return 'cargo is not installed';
  if (spawnSync('cargo', ['clippy', '--version']).status !== 0) return 'clippy is not installed (rustup component add clippy)';
  if (!fs.existsSync(REGISTRY)) return `${REGISTRY} is missing (apt-get install the librust-*-dev packages of the crates listed in scripts/accuracy.ts)`;
  return undefined;
}

function run(command: string, args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> & { allowFailure?: boolean }) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result;
}

/** The crate's source folder and label, or a reason it is not there. */
function locateCrate(crate: Crate): { label: string; source?: string; missing?: string } {
  if (crate.takehome !== undefined) return { label: crate.takehome, source: path.join(TAKEHOMES, crate.takehome) };
  const versions = fs
    .readdirSync(REGISTRY)
    .filter((dir) => dir.startsWith(`${crate.name}-`) && /^\d/.test(dir.slice(crate.name.length + 1)))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (versions.length === 0) return { label: crate.name, missing: `not in ${REGISTRY} (apt-get install librust-${crate.name.replaceAll('_', '-')}-dev)` };
  return { label: crate.name, source: path.join(REGISTRY, versions[versions.length - 1]) };
}

function measureCrate(crate: Crate, workRoot: string): CrateResult | undefined {
  const { label, source, missing } = locateCrate(crate);
  if (source === undefined) return skip(label, missing ?? 'not found');
  const copy = path.join(workRoot, label);
  fs.cpSync(source, copy, { recursive: true });
  fs.mkdirSync(path.join(copy, '.cargo'), { recursive: true });
  fs.writeFileSync(path.join(copy, '.cargo/config.toml'), CARGO_CONFIG);
  keepLibraryAndBinariesOnly(path.join(copy, 'Cargo.toml'));
  const ours = runOurs(copy);
  const started = Date.now();
  const clippy = runClippy(copy, crate.features ?? [], crate.cfgs ?? [], path.join(workRoot, 'target'));
  if ('error' in clippy) return skip(label, clippy.error);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const { compiled } = clippy;
  const comparable = ours.filter((f) => f.context === 'code' && compiled.has(f.file));
  const judgedHere = ours.filter((f) => (f.context === 'code' && compiled.has(f.file)) || (f.context === 'test' && JUDGED_IN_TESTS.has(f.rule)));
  console.log(`measured ${label} (${path.basename(source)}): ${compiled.size} files compiled, clippy ${seconds} s`);
  return { label, clippy: withCode(copy, clippy.diagnostics.filter((d) => compiled.has(d.file))), ours: withCode(copy, comparable), judged: withCode(copy, judgedHere) };
}

function skip(label: string, reason: string): undefined {
  console.log(`skipped ${label}: ${reason}`);
  return undefined;
}

/**
 * Drops dev-dependencies and the test, bench and example targets from the copy's manifest: clippy
 * is not asked to check them, and Debian's registry often lacks the dev-dependencies that Cargo
 * would otherwise have to resolve.
 */
function keepLibraryAndBinariesOnly(manifestPath: string): void {
  const manifest = parseToml(fs.readFileSync(manifestPath, 'utf8'));
  for (const key of ['dev-dependencies', 'dev_dependencies', 'test', 'bench', 'example']) delete manifest[key];
  for (const target of Object.values((manifest.target ?? {}) as Record<string, TomlTable>)) delete target['dev-dependencies'];
  fs.writeFileSync(manifestPath, stringifyToml(manifest));
}

/** Our findings on the crate's copy, as the CLI's JSON gives them: test code is left out. */
function runOurs(copy: string): OurFinding[] {
  const { stdout } = run('node', [path.join(ROOT, 'dist/cli.js'), 'scan', copy, '--format', 'json'], {});
  return (JSON.parse(stdout) as { findings: OurFinding[] }).findings;
}

function runClippy(copy: string, features: string[], cfgs: string[], targetDir: string): { error: string } | { diagnostics: ClippyDiagnostic[]; compiled: Set<string> } {
  const forced = LINT_SIGNALS.flatMap(({ lints }) => lints.flatMap((lint) => ['--force-warn', `clippy::${lint}`]));
  const featureArgs = features.length > 0 ? ['--features', features.join(',')] : [];
  const { status, stdout } = run('cargo', ['clippy', '--offline', '--message-format=json', ...featureArgs, '--', '-A', 'clippy::all', ...forced], {
    cwd: copy,
    // A crate with cfgs of its own builds in a target folder of its own, so other crates' builds stay valid.
    env: { ...process.env, CARGO_TARGET_DIR: cfgs.length > 0 ? `${targetDir}-${cfgs.join('-')}` : targetDir, ...(cfgs.length > 0 && { RUSTFLAGS: cfgs.map((cfg) => `--cfg ${cfg}`).join(' ') }) },
    allowFailure: true,
  });
  const messages = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as CargoMessage);
  if (status !== 0) {
    const firstError = messages.find((m) => m.reason === 'compiler-message' && m.message?.level === 'error');
    return { error: `cargo clippy failed: ${firstError?.message?.message ?? `exit ${status}`}` };
  }
  return { diagnostics: dedupe(messages.map(clippyDiagnostic).filter((d) => d !== undefined)), compiled: compiledFiles(messages, copy) };
}

/**
 * A clippy lint of ours as { lint, file, line, column, endLine, endColumn }, at the call site when
 * the span comes from a macro's expansion; undefined for any other message.
 */
function clippyDiagnostic(message: CargoMessage): ClippyDiagnostic | undefined {
  const code = message.reason === 'compiler-message' ? message.message?.code?.code : undefined;
  if (!code?.startsWith('clippy::')) return undefined;
  let span = message.message?.spans.find((s) => s.is_primary);
  while (span?.expansion) span = span.expansion.span;
  if (!span || path.isAbsolute(span.file_name)) return undefined;
  return {
    lint: code.slice('clippy::'.length),
    file: span.file_name,
    line: span.line_start,
    column: span.column_start,
    endLine: span.line_end,
    endColumn: span.column_end,
  };
}

/** One diagnostic per lint and span: a file compiled into both the library and a binary is reported twice. */
function dedupe(diagnostics: ClippyDiagnostic[]): ClippyDiagnostic[] {
  const byKey = new Map(diagnostics.map((d) => [`${d.lint}:${d.file}:${d.line}:${d.column}:${d.endLine}:${d.endColumn}`, d]));
  return [...byKey.values()];
}

/**
 * The crate's files, relative to its copy, that checking its library and binaries read: from the
 * dep-info file beside each artifact Cargo reports for the crate itself, build scripts left out.
 */
function compiledFiles(messages: CargoMessage[], copy: string): Set<string> {
  const files = new Set<string>();
  const ownArtifacts = messages.filter(
    (m) => m.reason === 'compiler-artifact' && m.manifest_path === path.join(copy, 'Cargo.toml') && !m.target?.kind.includes('custom-build'),
  );
  for (const artifact of ownArtifacts) {
    for (const rmeta of (artifact.filenames ?? []).filter((f) => f.endsWith('.rmeta'))) {
      const depInfo = path.join(path.dirname(rmeta), `${path.basename(rmeta, '.rmeta').replace(/^lib/, '')}.d`);
      const [, sources = ''] = fs.readFileSync(depInfo, 'utf8').split('\n')[0].split(': ');
      for (const source of sources.split(/(?<!\\) /).map((s) => s.replaceAll('\\ ', ' '))) {
        const relative = path.isAbsolute(source) ? path.relative(copy, source) : source;
        if (relative.endsWith('.rs') && !relative.startsWith('..')) files.add(relative);
      }
    }
  }
  return files;
}

/** Each site with its source line, read while the copy still exists, to show beside a miss. */
function withCode<T extends { file: string; line: number }>(copy: string, sites: T[]): WithCode<T>[] {
  const files = new Map<string, string[]>();
  const lineOf = (file: string, line: number) => {
    let lines = files.get(file);
    if (!lines) {
      lines = fs.readFileSync(path.join(copy, file), 'utf8').split('\n');
      files.set(file, lines);
    }
    return lines[line - 1]?.trim() ?? '';
  };
  return sites.map((site) => ({ ...site, code: lineOf(site.file, site.line) }));
}

/** A span in a file, 1-based, as both sides give it. */
interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Whether two spans overlap, compared by (line, column). */
function overlaps(a: Span, b: Span): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  return before(a.line, a.column, b.endLine, b.endColumn) && before(b.line, b.column, a.endLine, a.endColumn);
}

/**
 * Pairs clippy's diagnostics with our findings one to one, each diagnostic only with a finding of a
 * signal its lint's entry lists: first where their spans overlap, then where they start on the
 * same line (a lint may point at `<'a>` where we point at the `fn`). Returns what stays unpaired.
 */
function pairUp<D extends ClippyDiagnostic, F extends OurFinding>(clippy: D[], ours: F[]) {
  const unmatchedClippy = new Set(clippy);
  const unmatchedOurs = new Set(ours);
  const sameMeaning = (d: D, f: F) => entryOfLint(d.lint)?.signals.includes(f.rule) ?? false;
  for (const sameSite of [overlaps, (d: D, f: F) => d.line === f.line]) {
    for (const d of unmatchedClippy) {
      const candidates = [...unmatchedOurs].filter((f) => f.file === d.file && sameMeaning(d, f) && sameSite(d, f));
      if (candidates.length === 0) continue;
      // Of nested calls (`a.lock().unwrap().b().unwrap()`), the one whose span ends where clippy's does.
      const partner = candidates.reduce((best, f) => (endDistance(d, f) < endDistance(d, best) ? f : best));
      unmatchedClippy.delete(d);
      unmatchedOurs.delete(partner);
    }
  }
  return { unmatchedClippy, unmatchedOurs };
}

const endDistance = (d: Span, f: Span) => Math.abs(d.endLine - f.endLine) * 10_000 + Math.abs(d.endColumn - f.endColumn);

const entryOfLint = (lint: string) => LINT_SIGNALS.find((entry) => entry.lints.includes(lint));
/** The entry an unpaired finding counts under: the first that lists its signal. */
const entryOfSignal = (signal: string) => LINT_SIGNALS.find((entry) => entry.signals.includes(signal));

/** Per lint-to-signal entry, each crate's comparison: clippy's and our counts and the misses each way. */
function compare(results: CrateResult[]) {
  const paired = results.map((result) => {
    const ours = result.ours.filter((f) => entryOfSignal(f.rule));
    return { result, ...pairUp(result.clippy, ours) };
  });
  return LINT_SIGNALS.map((entry) => ({
    entry,
    crates: paired.map(({ result, unmatchedClippy, unmatchedOurs }) => {
      const clippy = result.clippy.filter((d) => entryOfLint(d.lint) === entry);
      const clippyOnly = clippy.filter((d) => unmatchedClippy.has(d));
      const oursOnly = [...unmatchedOurs].filter((f) => entryOfSignal(f.rule) === entry);
      const matched = clippy.length - clippyOnly.length;
      return { result, clippy: clippy.length, ours: matched + oursOnly.length, matched, clippyOnly, oursOnly };
    }),
  }));
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(0)}%`);

function tableRow(cells: (string | number)[]): string {
  const widths = [34, 18, 7, 6, 8, 7, 10];
  return cells.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' ');
}

function countsRow(name: string, crate: string, counts: Counts): string {
  return tableRow([name, crate, counts.clippy, counts.ours, counts.matched, percent(counts.matched, counts.clippy), percent(counts.matched, counts.ours)]);
}

interface Counts {
  clippy: number;
  ours: number;
  matched: number;
}

function sum(rows: Counts[]): Counts {
  return rows.reduce((total: Counts, r) => ({ clippy: total.clippy + r.clippy, ours: total.ours + r.ours, matched: total.matched + r.matched }), { clippy: 0, ours: 0, matched: 0 });
}

/** One table: per signal, a row for each crate where either side found something, its total, and the grand total. */
function printLintTable(results: CrateResult[]): void {
  console.log(`\nAgainst clippy (recall = matched / clippy, precision = matched / ours); our signals and clippy's lints:`);
  for (const { signals, lints } of LINT_SIGNALS) console.log(`  ${signals.join(', ') || '(no signal)'} = clippy::${lints.join(', clippy::')}`);
  console.log(`\n${tableRow(['signal', 'crate', 'clippy', 'ours', 'matched', 'recall', 'precision'])}`);
  const comparisons = compare(results);
  for (const { entry, crates } of comparisons) {
    const name = entry.signals.join(',') || '(no signal)';
    for (const c of crates.filter((c) => c.clippy + c.ours > 0)) console.log(countsRow(name, c.result.label, c));
    console.log(countsRow(name, 'all crates', sum(crates)));
  }
  console.log(countsRow('all signals', 'all crates', sum(comparisons.flatMap((c) => c.crates))));
}

/** A few misses each way per signal, with the code line, so a developer can see why. */
function printMisses(results: CrateResult[]): void {
  for (const { entry, crates } of compare(results)) {
    const clippyOnly = crates.flatMap((c) => c.clippyOnly.map((d) => ({ result: c.result, site: d, what: d.lint })));
    const oursOnly = crates.flatMap((c) => c.oursOnly.map((f) => ({ result: c.result, site: f, what: f.rule })));
    if (clippyOnly.length + oursOnly.length === 0) continue;
    console.log(`\n${entry.signals.join(', ') || entry.lints.join(', ')}: ${clippyOnly.length} found by clippy only, ${oursOnly.length} by us only`);
    for (const [side, misses] of [['clippy only', clippyOnly], ['ours only', oursOnly]] as const) {
      for (const { result, site, what } of misses.slice(0, MISSES_SHOWN)) {
        console.log(`  ${side.padEnd(11)} ${result.label}/${site.file}:${site.line} [${what}]  ${site.code}`);
      }
    }
  }
}

const judgedKey = (crate: string, file: string, line: number, signal: string) => `${crate}:${file}:${line}:${signal}`;

/**
 * Precision of the judged signals over the findings judged so far, how many are not judged yet,
 * and how many judged entries of the crates measured no longer match a finding (a rule changed).
 */
function printJudged(results: CrateResult[]): void {
  const judged = JSON.parse(fs.readFileSync(JUDGED, 'utf8')) as Judged[];
  const verdictOf = new Map(judged.map((j) => [judgedKey(j.crate, j.file, j.line, j.signal), j.verdict]));
  console.log(`\nAgainst the hand-judged list (${path.relative(ROOT, JUDGED)}), concern findings only\n`);
  console.log(tableRow(['signal', 'crate', 'judged', 'true', 'false', 'new', 'precision']));
  const unjudged: { result: CrateResult; f: WithCode<OurFinding> }[] = [];
  const found = new Set<string>();
  for (const signal of JUDGED_SIGNALS) {
    const rows = results.map((result) => {
      const findings = result.judged.filter((f) => f.rule === signal && f.polarity === 'concern');
      const keys = findings.map((f) => judgedKey(result.label, f.file, f.line, signal));
      keys.forEach((key) => found.add(key));
      unjudged.push(...findings.filter((_, i) => !verdictOf.has(keys[i])).map((f) => ({ result, f })));
      const verdicts = keys.map((key) => verdictOf.get(key));
      return { label: result.label, yes: verdicts.filter((v) => v === true).length, no: verdicts.filter((v) => v === false).length, total: findings.length };
    });
    const judgedRow = (label: string, r: { yes: number; no: number; total: number }) => tableRow([signal, label, r.yes + r.no, r.yes, r.no, r.total - r.yes - r.no, percent(r.yes, r.yes + r.no)]);
    for (const r of rows.filter((r) => r.total > 0)) console.log(judgedRow(r.label, r));
    const total = rows.reduce((t, r) => ({ yes: t.yes + r.yes, no: t.no + r.no, total: t.total + r.total }), { yes: 0, no: 0, total: 0 });
    console.log(judgedRow('all crates', total));
  }
  const measured = new Set(results.map((r) => r.label));
  const stale = judged.filter((j) => measured.has(j.crate) && !found.has(judgedKey(j.crate, j.file, j.line, j.signal)));
  console.log(`${unjudged.length} findings not judged yet; ${stale.length} judged entries match no finding now`);
  for (const { result, f } of unjudged.slice(0, 3 * MISSES_SHOWN)) {
    console.log(`  not judged  ${result.label}/${f.file}:${f.line} [${f.rule}]  ${f.code}`);
  }
  for (const j of stale.slice(0, MISSES_SHOWN)) console.log(`  stale       ${j.crate}/${j.file}:${j.line} [${j.signal}]`);
  // ACCURACY_UNJUDGED=file writes every finding not judged yet, to judge them in bulk.
  if (process.env.ACCURACY_UNJUDGED) {
    const rows = unjudged.map(({ result, f }) => ({ crate: result.label, file: f.file, line: f.line, signal: f.rule, code: f.code, message: f.message }));
    fs.writeFileSync(process.env.ACCURACY_UNJUDGED, JSON.stringify({ unjudged: rows, stale }, null, 1));
  }
}

main();
