// Benchmarks the CLI's full-signal scan against ast-grep on real Rust corpora.
//
//   npm run bench [-- [options] [dir ...]]
//   node esbuild.config.mjs --scripts && node out/scripts/bench.js [options] [dir ...]
//
// With no directory, it measures tokio 1.24.2 and the Rust standard library 1.63 as Debian
// installs them (see shared/docs/rust-corpora.md); a missing corpus is skipped with the command
// that installs it. It exits non-zero only when no corpus could be measured or a tool failed;
// a missed performance target is reported, never fatal.
//
// Options:
//   --rounds N     timed rounds per corpus (default 3); the table shows the median of each tool
//   --threads N,M  also time the CLI with `--threads N` (0: analysis on the main thread), and M...
//   --rss=time|node  how to read the CLI's peak RSS: /usr/bin/time -v (default when installed),
//                  or a preloaded hook reading process.resourceUsage() at exit
//   --phases       instead of the comparison, profile one thread in-process: WASM load, read,
//                  parse and query with plain web-tree-sitter, then the full analyzer in one worker
//   --compare      instead, `rust-review compare` over take-home-sized candidates (the dirs, else
//                  the samples and registry crates) against scanning each alone (scripts/benchCompare.ts)
//   --against DIR  also time another checkout's CLI (DIR/dist/cli.js, built), in the same rounds:
//                  the scan before and after a change, under the same load, with where the
//                  median after/before ratio lies (95% confidence or more; 6 rounds at least)
//
// What is timed, and why:
// - Ours: the real CLI in a child process, `node dist/cli.js scan <dir> --format json
//   --include-tests`, so the wall time holds Node start-up, worker start and the WASM load as a
//   user sees them. Its JSON goes to a file, not a pipe, so the benchmark's own process does no
//   work while the child runs.
// - ast-grep: ONE process doing both patterns (`$A.unwrap()` and `$A.expect($$$B)`), via
//   `ast-grep scan --inline-rules` with two rules separated by `---` (supported by 0.51). That
//   walks and parses each file once, as our scan does; two `ast-grep run` processes would parse
//   everything twice and flatter us. Output is `--json=stream` to a file, which lets us count
//   matches exactly and is about as cheap as our own JSON (the default "rich" report, with source
//   previews, would cost ast-grep more). It runs in the corpus directory with a `--globs !file`
//   for every file our scan skipped (over 1 MiB, unreadable...), so both tools read the same files.
// - A bare parse: web-tree-sitter alone parsing the same files once on one thread, in a child
//   process (scripts/bareParse.ts), each round. Its time is the floor any tree-sitter scan stands
//   on, and the scan's time as a multiple of it, from the same round, changes with the scan's own
//   work and little with the machine's load.
// - Rounds alternate the tools and flip their order each round (ABBA), so slow drift in the
//   machine's load falls on both alike. Only ratios within one run mean anything on a noisy box.
// - One untimed warm-up of each tool first fills the page cache and supplies the match counts.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Parser, Query } from 'web-tree-sitter';
import { loadRustLanguage } from '../src/analysis/parser';
import { DEFAULT_MAX_FILE_BYTES } from '../src/analysis/source';
import { grammarPaths, readGrammarBinaries } from '../src/cli/grammar';
import { walkRustProject, type WalkedFile } from '../src/cli/walk';
import { WorkerConnection } from '../src/worker/connection';
import { nodeWorkerChannel } from '../src/worker/nodeChannel';
import { unpackOutcome } from '../src/worker/packedOutcome';
import { benchCompare } from './benchCompare';
import { BARE_PARSE_FLAG, bareParse, bareParseArgs } from './bareParse';
import { printHeaderHelp } from './headerHelp';
import { median, medianInterval } from './medianInterval';

/** The repository: this script runs bundled, from out/scripts/. */
const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'cli.js');
const AST_GREP = path.join(ROOT, 'node_modules', '.bin', 'ast-grep');
const TIME = '/usr/bin/time';

const INSTALL = 'apt-get update && apt-get install -y rust-src librust-tokio-dev';
interface Corpus {
  name: string;
  dir: string;
}

interface Options {
  rounds: number;
  threads: number[];
  phases: boolean;
  compare: boolean;
  /** Another checkout, whose built CLI is timed in the same rounds. */
  against: string | undefined;
  rss: RssMode;
  dirs: string[];
}

/** How a child's peak RSS is read: /usr/bin/time -v, or the hook preloaded into a Node child. */
type RssMode = 'time' | 'node';

/** A finding as the CLI's JSON report gives it. */
interface JsonFinding {
  file: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A match in ast-grep's `--json=stream` output. */
interface AstGrepMatch {
  file: string;
  ruleId: string;
  text: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface Run {
  seconds: number;
  rssMiB: number | undefined;
  cpuSeconds: number | undefined;
}

const DEFAULT_CORPORA: Corpus[] = [
  { name: 'tokio', dir: '/usr/share/cargo/registry/tokio-1.24.2' },
  { name: 'std', dir: '/usr/src/rustc-1.63.0/library' },
];
/** The issue's targets: our wall time within 1.5× of ast-grep's on tokio, and at least 4 MB/s. */
const TARGET_RATIO_TOKIO = 1.5;
const TARGET_MB_PER_S = 4;

/** Our rules that flag an unwrap or expect call; `lock-unwrap` takes the ones on `.lock()`. */
const UNWRAP_RULES = new Set(['unwrap', 'expect', 'expect-invariant', 'lock-unwrap', 'join-unwrap']);
const AST_GREP_RULES = `id: unwrap
language: rust
rule: { pattern: $A.unwrap() }
---
id: expect
language: rust
rule: { pattern: $A.expect($$$B) }`;
/** Warm-up only: the macro invocations, to tell which of our extra matches sit in macro arguments. */
const AST_GREP_MACROS = `---
id: macro
language: rust
rule: { kind: macro_invocation }`;
const MB = 1e6;

// ---------------------------------------------------------------- arguments

function parseArgs(argv: string[]): Options {
  const options: Omit<Options, 'rss'> & { rss: RssMode | undefined } = { rounds: 3, threads: [], phases: false, compare: false, against: undefined, rss: undefined, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      printHeaderHelp(path.join(ROOT, 'scripts', 'bench.ts'));
      process.exit(0);
    } else if (arg === '--rounds' || arg.startsWith('--rounds=')) {
      const value = Number(arg === '--rounds' ? argv[++i] : arg.slice('--rounds='.length));
      if (!Number.isInteger(value) || value < 1) fail(`--rounds takes a whole number of at least 1`);
      options.rounds = value;
    } else if (arg === '--threads' || arg.startsWith('--threads=')) {
      const list = (arg === '--threads' ? argv[++i] : arg.slice('--threads='.length)) ?? '';
      if (!/^\d+(,\d+)*$/.test(list)) fail('--threads takes a comma-separated list of whole numbers');
      options.threads = list.split(',').map(Number);
    }
    else if (arg === '--phases') options.phases = true;
    else if (arg === '--compare') options.compare = true;
    else if (arg === '--against' || arg.startsWith('--against=')) {
      const dir = path.resolve((arg === '--against' ? argv[++i] : arg.slice('--against='.length)) ?? '');
      if (!fs.existsSync(path.join(dir, 'dist', 'cli.js'))) fail(`--against takes a built checkout: ${path.join(dir, 'dist', 'cli.js')} is missing`);
      options.against = dir;
    }
    else if (arg.startsWith('--rss=')) {
      const rss = arg.slice('--rss='.length);
      if (rss !== 'time' && rss !== 'node') fail('--rss takes time or node');
      options.rss = rss;
    } else if (arg.startsWith('-')) fail(`unknown option ${arg} (see --help)`);
    else options.dirs.push(arg);
  }
  if (options.rss === 'time' && !fs.existsSync(TIME)) fail(`${TIME} is not installed (apt-get install -y time)`);
  return { ...options, rss: options.rss ?? (fs.existsSync(TIME) ? 'time' : 'node') };
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

/** The corpora to measure, with a message for each one that is missing. */
function chooseCorpora(dirs: string[]): Corpus[] {
  const wanted = dirs.length > 0 ? dirs.map((dir) => ({ name: path.basename(path.resolve(dir)), dir: path.resolve(dir) })) : DEFAULT_CORPORA;
  const present: Corpus[] = [];
  for (const corpus of wanted) {
    if (fs.existsSync(corpus.dir) && fs.statSync(corpus.dir).isDirectory()) present.push(corpus);
    else if (dirs.length > 0) process.stderr.write(`bench: skipping ${corpus.dir}: not a directory\n`);
    else process.stderr.write(`bench: skipping ${corpus.name}: ${corpus.dir} is missing. Install it with:\n  ${INSTALL}\n`);
  }
  return present;
}

// ---------------------------------------------------------------- running children

let scratch: string | undefined;
/** A private temp folder for the tools' output, removed at exit. */
function scratchDir(): string {
  if (!scratch) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rust-review-bench-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  return scratch;
}

/**
 * Preloaded into the CLI (`node -r`) only when needed, never for the plain timed run:
 * - BENCH_USAGE_FILE: at exit, write process.resourceUsage() there. Worker threads live in the
 *   same process, so maxRSS and the CPU times cover them (the fallback when /usr/bin/time is absent).
 */
const HOOK = `'use strict';
if (process.env.BENCH_USAGE_FILE) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRSSKiB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
  });
}
`;

function hookFile(): string {
  const file = path.join(scratchDir(), 'hook.cjs');
  if (!fs.existsSync(file)) fs.writeFileSync(file, HOOK);
  return file;
}

/**
 * Runs a command with stdout to `outFile` and returns its wall time in seconds, and, when
 * measurable, its peak RSS (MiB) and CPU seconds.
 * `rss`: 'time' wraps the command in /usr/bin/time -v; 'node' (Node children only) uses the hook.
 */
async function timedRun(command: string, args: string[], { cwd, outFile, rss }: { cwd: string; outFile: string; rss: RssMode | undefined }): Promise<Run> {
  const usageFile = path.join(scratchDir(), 'usage.txt');
  fs.rmSync(usageFile, { force: true });
  let file = command;
  let argv = args;
  const childEnv = { ...process.env };
  if (rss === 'time') {
    file = TIME;
    argv = ['-v', '-o', usageFile, command, ...args];
  } else if (rss === 'node') {
    childEnv.BENCH_USAGE_FILE = usageFile;
  }
  const out = fs.openSync(outFile, 'w');
  let stderr = '';
  const start = performance.now();
  const status = await new Promise<number | string | null>((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', out, 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(signal ?? code));
  });
  const seconds = (performance.now() - start) / 1000;
  fs.closeSync(out);
  if (status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${String(status)}) in ${cwd}:\n${stderr.trim().slice(-2000)}`);
  }
  return { seconds, ...readUsage(usageFile, rss) };
}

function readUsage(usageFile: string, rss: RssMode | undefined): Omit<Run, 'seconds'> {
  if (!rss || !fs.existsSync(usageFile)) return { rssMiB: undefined, cpuSeconds: undefined };
  const text = fs.readFileSync(usageFile, 'utf8');
  if (rss === 'node') {
    const u = JSON.parse(text) as { maxRSSKiB: number; userUs: number; systemUs: number };
    return { rssMiB: u.maxRSSKiB / 1024, cpuSeconds: (u.userUs + u.systemUs) / 1e6 };
  }
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1]);
  return {
    rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    cpuSeconds: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
  };
}

/** Our CLI, as a user runs it, or with `--threads`; `cli` is another checkout's for `--against`. */
function runOurs(corpus: Corpus, outFile: string, rssMode: RssMode | undefined, threads?: number, cli = CLI): Promise<Run> {
  const hook = rssMode === 'node' ? ['-r', hookFile()] : [];
  const threadArgs = threads === undefined ? [] : ['--threads', String(threads)];
  return timedRun(process.execPath, [...hook, cli, 'scan', corpus.dir, '--format', 'json', '--include-tests', ...threadArgs], { cwd: ROOT, outFile, rss: rssMode });
}

/** web-tree-sitter alone parsing the files the scan read, in a child process (this script, run with BARE_PARSE_FLAG). */
function runBareParse(corpus: Corpus, excludedList: string, outFile: string, rssMode: RssMode | undefined): Promise<Run> {
  const hook = rssMode === 'node' ? ['-r', hookFile()] : [];
  return timedRun(process.execPath, [...hook, __filename, ...bareParseArgs(corpus.dir, excludedList)], { cwd: ROOT, outFile, rss: rssMode });
}

/** ast-grep's two rules in one process; its RSS is only measurable through /usr/bin/time. */
function runAstGrep(corpus: Corpus, outFile: string, excluded: string[], rssMode: RssMode | undefined, rules = AST_GREP_RULES): Promise<Run> {
  const globs = excluded.flatMap((file) => ['--globs', `!${file}`]);
  return timedRun(AST_GREP, ['scan', '--inline-rules', rules, '--json=stream', ...globs], {
    cwd: corpus.dir,
    outFile,
    rss: rssMode === 'time' ? 'time' : undefined,
  });
}

// ---------------------------------------------------------------- counting

function readJsonLines(file: string): AstGrepMatch[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as AstGrepMatch);
}

/** The Rust files the CLI reads, as its walker finds them. */
async function rustFiles(root: string): Promise<WalkedFile[]> {
  return (await walkRustProject(root, DEFAULT_MAX_FILE_BYTES)).files.filter((f) => f.kind === 'rust');
}

/**
 * Compares our unwrap/expect findings with ast-grep's matches, call by call. Both end at the
 * call's closing parenthesis: ours as 1-based line and column, ast-grep's 0-based, so a call is
 * keyed by file, end line and end column. Our extra matches are split by whether they sit inside
 * a macro invocation (ast-grep's `macro_invocation` ranges, from the warm-up run).
 */
function compareMatches(ours: JsonFinding[], theirs: AstGrepMatch[], macros: AstGrepMatch[]) {
  const key = (file: string, line: number, column: number) => `${file}:${line}:${column}`;
  const theirKeys = new Set(theirs.map((m) => key(m.file, m.range.end.line + 1, m.range.end.column + 1)));
  const ourKeys = new Set(ours.map((f) => key(f.file, f.endLine, f.endColumn)));
  const macrosByFile = new Map<string, AstGrepMatch['range'][]>();
  for (const m of macros) {
    const list = macrosByFile.get(m.file) ?? [];
    list.push(m.range);
    macrosByFile.set(m.file, list);
  }
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  const inMacro = (f: JsonFinding) =>
    (macrosByFile.get(f.file) ?? []).some(
      (r) => before(r.start.line + 1, r.start.column + 1, f.line, f.column) && before(f.endLine, f.endColumn, r.end.line + 1, r.end.column + 1),
    );
  const oursOnly = ours.filter((f) => !theirKeys.has(key(f.file, f.endLine, f.endColumn)));
  const theirsOnly = theirs.filter((m) => !ourKeys.has(key(m.file, m.range.end.line + 1, m.range.end.column + 1)));
  const oursOnlyInMacro = oursOnly.filter(inMacro);
  return {
    both: ours.length - oursOnly.length,
    oursOnly,
    oursOnlyInMacro: oursOnlyInMacro.length,
    oursOnlyElsewhere: oursOnly.filter((f) => !inMacro(f)),
    theirsOnly,
  };
}

/** ripgrep's plain-text count, if installed: shows what the syntax-aware tools leave out. */
function ripgrepCounts(corpus: Corpus, excluded: string[]) {
  const rg = spawnSync('rg', ['--version']);
  if (rg.status !== 0) return undefined;
  const count = (regex: string) => {
    const globs = ['-g', '*.rs', ...excluded.flatMap((file) => ['-g', `!${file}`])];
    const result = spawnSync('rg', ['--count-matches', '--no-filename', ...globs, regex, '.'], { cwd: corpus.dir, encoding: 'utf8' });
    return result.stdout
      .split('\n')
      .filter(Boolean)
      .reduce((sum, n) => sum + Number(n), 0);
  };
  return { all: count('\\.(unwrap|expect)\\('), onCommentLines: count('^\\s*//.*\\.(unwrap|expect)\\(') };
}

// ---------------------------------------------------------------- the comparison

async function benchCorpus(corpus: Corpus, options: Options) {
  const dir = scratchDir();
  const ourOut = path.join(dir, 'ours.json');
  const theirOut = path.join(dir, 'ast-grep.jsonl');
  const log = (message: string) => process.stderr.write(`bench: ${corpus.name}: ${message}\n`);

  // Warm-up, untimed: fills the page cache, and gives the counts and our list of skipped files.
  log('warm-up');
  await runOurs(corpus, ourOut, undefined);
  const report = JSON.parse(fs.readFileSync(ourOut, 'utf8')) as { files: number; skipped: { file: string; reason: string }[]; findings: JsonFinding[] };
  const skippedFiles = report.skipped.map((s) => s.file);
  const ourMatches = report.findings.filter((f) => UNWRAP_RULES.has(f.rule));
  await runAstGrep(corpus, theirOut, skippedFiles, undefined, AST_GREP_RULES + '\n' + AST_GREP_MACROS);
  const warm = readJsonLines(theirOut);
  const theirMatches = warm.filter((m) => m.ruleId !== 'macro');
  const comparison = compareMatches(
    ourMatches,
    theirMatches,
    warm.filter((m) => m.ruleId === 'macro'),
  );

  const excludedList = path.join(dir, 'excluded.txt');
  fs.writeFileSync(excludedList, skippedFiles.join('\n'));
  const parseOut = path.join(dir, 'parse.txt');
  await runBareParse(corpus, excludedList, parseOut, undefined);
  const againstCli = options.against && path.join(options.against, 'dist', 'cli.js');
  const againstOut = path.join(dir, 'against.json');
  if (againstCli) await runOurs(corpus, againstOut, undefined, undefined, againstCli);
  const againstReport = againstCli ? (JSON.parse(fs.readFileSync(againstOut, 'utf8')) as { files: number; findings: unknown[] }) : undefined;

  const skipped = new Set(skippedFiles);
  const analysed = (await rustFiles(corpus.dir)).filter((f) => !skipped.has(f.file));
  const bytes = analysed.reduce((sum, f) => sum + f.size, 0);

  const rounds = { ours: [] as Run[], astGrep: [] as Run[], bareParse: [] as Run[], against: [] as Run[], threads: new Map(options.threads.map((n) => [n, [] as Run[]])) };
  for (let round = 0; round < options.rounds; round++) {
    log(`round ${round + 1}/${options.rounds}`);
    const steps = [
      async () => rounds.ours.push(await runOurs(corpus, ourOut, options.rss)),
      async () => {
        const run = await runAstGrep(corpus, theirOut, skippedFiles, options.rss);
        const count = readJsonLines(theirOut).length;
        if (count !== theirMatches.length) log(`ast-grep found ${count} matches this round, ${theirMatches.length} in the warm-up`);
        rounds.astGrep.push(run);
      },
    ];
    steps.push(async () => rounds.bareParse.push(await runBareParse(corpus, excludedList, parseOut, options.rss)));
    if (againstCli) steps.push(async () => rounds.against.push(await runOurs(corpus, againstOut, options.rss, undefined, againstCli)));
    for (const [threads, runs] of rounds.threads) steps.push(async () => runs.push(await runOurs(corpus, ourOut, options.rss, threads)));
    if (round % 2 === 1) steps.reverse();
    for (const step of steps) await step();
  }

  const summarise = (runs: Run[]) => ({
    seconds: median(runs.map((r) => r.seconds)),
    rssMiB: runs.some((r) => r.rssMiB === undefined) ? undefined : median(runs.map((r) => r.rssMiB ?? NaN)),
    cpuSeconds: runs.some((r) => r.cpuSeconds === undefined) ? undefined : median(runs.map((r) => r.cpuSeconds ?? NaN)),
    all: runs.map((r) => r.seconds),
  });
  return {
    corpus,
    files: report.files,
    skippedFiles: report.skipped,
    bytes,
    ourCount: ourMatches.length,
    ourCountByRule: Object.fromEntries([...UNWRAP_RULES].map((rule) => [rule, ourMatches.filter((f) => f.rule === rule).length])),
    theirCount: theirMatches.length,
    comparison,
    ripgrep: ripgrepCounts(corpus, skippedFiles),
    ours: summarise(rounds.ours),
    astGrep: summarise(rounds.astGrep),
    bareParse: summarise(rounds.bareParse),
    /** Each round's ratios to the bare parse of the same round: ours, and the other checkout's. */
    oursPerParse: perRoundRatios(rounds.ours, rounds.bareParse),
    against: againstReport && { ...summarise(rounds.against), findings: againstReport.findings.length, perParse: perRoundRatios(rounds.against, rounds.bareParse), oursPerAgainst: perRoundRatios(rounds.ours, rounds.against) },
    ourFindings: report.findings.length,
    threads: [...rounds.threads].map(([threads, runs]) => ({ threads, ...summarise(runs) })),
  };
}

/** Per round, a's time over b's, by wall and by CPU; the runs of a round share that moment's load. */
function perRoundRatios(a: Run[], b: Run[]) {
  const ratio = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined ? NaN : x / y);
  return {
    wall: a.map((run, i) => ratio(run.seconds, b[i]?.seconds)),
    cpu: a.map((run, i) => ratio(run.cpuSeconds, b[i]?.cpuSeconds)),
  };
}

// ---------------------------------------------------------------- printing

type CorpusResult = Awaited<ReturnType<typeof benchCorpus>>;

function table(header: string[], rows: (string | number)[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (n: number | undefined, digits: number) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const isTokio = (corpus: Corpus) => /tokio/i.test(corpus.name);

function printResults(results: CorpusResult[], options: Options): void {
  const rows = results.map((r) => {
    const mbs = r.bytes / MB / r.ours.seconds;
    return [
      r.corpus.name,
      r.files,
      fixed(r.bytes / MB, 2),
      fixed(r.ours.seconds, 2),
      fixed(mbs, 2),
      fixed(r.ours.rssMiB, 0),
      r.ourCount,
      fixed(r.astGrep.seconds, 2),
      r.theirCount,
      `${fixed(r.ours.seconds / r.astGrep.seconds, 2)}×`,
    ];
  });
  const rssHow = options.rss === 'time' ? '/usr/bin/time -v' : 'process.resourceUsage() in the CLI';
  console.log(`\nMedian of ${options.rounds} alternating rounds. MB = 10^6 bytes of the .rs files both tools read; MB/s = MB / our wall time; RSS via ${rssHow}.`);
  console.log(
    table(
      ['corpus', 'files', 'MB', 'ours s', 'MB/s', 'peak RSS MiB', 'ours unwrap+expect', 'ast-grep s', 'ast-grep matches', 'ours/ast-grep'],
      rows,
    ),
  );

  console.log(`\nTargets (from the issue): ours/ast-grep ≤ ${TARGET_RATIO_TOKIO}× on tokio; ≥ ${TARGET_MB_PER_S} MB/s.`);
  for (const r of results) {
    const ratio = r.ours.seconds / r.astGrep.seconds;
    const mbs = r.bytes / MB / r.ours.seconds;
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const parts = [`${fixed(mbs, 2)} MB/s: ${verdict(mbs >= TARGET_MB_PER_S)} (≥ ${TARGET_MB_PER_S})`];
    if (isTokio(r.corpus)) parts.unshift(`ratio ${fixed(ratio, 2)}×: ${verdict(ratio <= TARGET_RATIO_TOKIO)} (≤ ${TARGET_RATIO_TOKIO}×)`);
    else parts.unshift(`ratio ${fixed(ratio, 2)}× (no target)`);
    console.log(`  ${r.corpus.name}: ${parts.join('; ')}`);
  }

  printAgainstParse(results, options);

  console.log('\nDetails:');
  for (const r of results) {
    const rounds = (s: { all: number[] }) => s.all.map((t) => t.toFixed(2)).join(', ');
    const cpu = (s: { cpuSeconds: number | undefined }) => (s.cpuSeconds === undefined ? '' : `, CPU ${fixed(s.cpuSeconds, 2)} s`);
    console.log(`  ${r.corpus.name} (${r.corpus.dir})`);
    console.log(`    rounds, s: ours ${rounds(r.ours)}${cpu(r.ours)}; ast-grep ${rounds(r.astGrep)}${cpu(r.astGrep)}${r.astGrep.rssMiB === undefined ? '' : `, peak RSS ${fixed(r.astGrep.rssMiB, 0)} MiB`}`);
    // Each round's two runs were back to back, so their ratio shares that moment's load.
    const perRound = r.ours.all.map((t, i) => `${fixed(t / r.astGrep.all[i], 2)}×`).join(', ');
    const cpuRatio = r.astGrep.cpuSeconds ? `; CPU time ours/ast-grep ${fixed((r.ours.cpuSeconds ?? NaN) / r.astGrep.cpuSeconds, 2)}× (less sensitive to load)` : '';
    console.log(`    ratio per round: ${perRound}${cpuRatio}`);
    for (const t of r.threads) {
      console.log(
        `    --threads ${t.threads}: ${fixed(t.seconds, 2)} s (${fixed(r.bytes / MB / t.seconds, 2)} MB/s${cpu(t)}, ` +
          `peak RSS ${fixed(t.rssMiB, 0)} MiB); the default is ${fixed(t.seconds / r.ours.seconds, 2)}× as fast`,
      );
    }
    const byRule = Object.entries(r.ourCountByRule)
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ');
    const c = r.comparison;
    console.log(`    ours ${r.ourCount} (${byRule}); ast-grep ${r.theirCount}; the same call found by both: ${c.both}`);
    console.log(`    ours only: ${c.oursOnly.length}, of which ${c.oursOnlyInMacro} inside a macro invocation's arguments`);
    for (const f of c.oursOnlyElsewhere.slice(0, 5)) console.log(`      ours only, not in a macro: ${f.file}:${f.line}:${f.column} ${f.rule}`);
    console.log(`    ast-grep only: ${c.theirsOnly.length}`);
    for (const m of c.theirsOnly.slice(0, 5)) console.log(`      ${m.file}:${m.range.start.line + 1}:${m.range.start.column + 1} ${m.text.split('\n')[0].slice(0, 80)}`);
    if (r.ripgrep) {
      console.log(`    ripgrep, regex \\.(unwrap|expect)\\( as text: ${r.ripgrep.all} matches, ${r.ripgrep.onCommentLines} of them on // comment lines (mostly doc examples)`);
    }
    for (const s of r.skippedFiles) console.log(`    skipped by our scan (and excluded from ast-grep): ${s.file}: ${s.reason}`);
  }
}

/**
 * Each scan as a multiple of the bare parse of the same round (the median of the rounds' ratios),
 * and with --against, the two checkouts' scans against each other, round by round.
 */
function printAgainstParse(results: CorpusResult[], options: Options): void {
  const ratio = (values: number[]) => `${fixed(median(values), 2)}×`;
  // Rounds differ by more than most changes do: the interval says whether a ratio past 1 is more than that.
  const trusted = (values: number[]) => {
    // A round has no CPU time when neither /usr/bin/time nor the hook could read it (see --rss).
    const measured = values.filter((v) => !Number.isNaN(v));
    if (measured.length === 0) return 'not measured';
    const interval = medianInterval(measured);
    return interval ? `${fixed(interval.low, 2)}-${fixed(interval.high, 2)}× (${fixed(100 * interval.coverage, 1)}% confidence)` : 'no interval under 6 rounds';
  };
  const header = ['corpus', 'bare parse s', 'CPU s', 'ours/parse', 'CPU'];
  if (options.against) header.push('before/parse', 'CPU', 'after/before', 'CPU');
  const rows = results.map((r) => {
    const row = [r.corpus.name, fixed(r.bareParse.seconds, 2), fixed(r.bareParse.cpuSeconds, 2), ratio(r.oursPerParse.wall), ratio(r.oursPerParse.cpu)];
    if (r.against) row.push(ratio(r.against.perParse.wall), ratio(r.against.perParse.cpu), ratio(r.against.oursPerAgainst.wall), ratio(r.against.oursPerAgainst.cpu));
    return row;
  });
  console.log(`\nAgainst a bare web-tree-sitter parse of the same files (one thread, a process of its own), the median of each round's ratio, wall time then CPU time:`);
  if (options.against) console.log(`before: ${options.against}; after: ${ROOT}`);
  console.log(table(header, rows));
  for (const r of results) {
    const list = (values: number[]) => values.map((v) => `${fixed(v, 2)}×`).join(', ');
    console.log(`  ${r.corpus.name}: ours/parse per round ${list(r.oursPerParse.wall)} (CPU ${list(r.oursPerParse.cpu)})`);
    if (!r.against) continue;
    console.log(`  ${r.corpus.name}: before ${fixed(r.against.seconds, 2)} s (CPU ${fixed(r.against.cpuSeconds, 2)} s, peak RSS ${fixed(r.against.rssMiB, 0)} MiB), after ${fixed(r.ours.seconds, 2)} s (CPU ${fixed(r.ours.cpuSeconds, 2)} s, peak RSS ${fixed(r.ours.rssMiB, 0)} MiB)`);
    console.log(`  ${r.corpus.name}: after/before per round ${list(r.against.oursPerAgainst.wall)} (CPU ${list(r.against.oursPerAgainst.cpu)}); findings before ${r.against.findings}, after ${r.ourFindings}`);
    console.log(`  ${r.corpus.name}: after/before, where the median lies: ${trusted(r.against.oursPerAgainst.wall)} by wall time, ${trusted(r.against.oursPerAgainst.cpu)} by CPU time`);
  }
}

// ---------------------------------------------------------------- --phases

/**
 * One thread each, in-process. Plain web-tree-sitter on this thread (with the WASM from dist/)
 * gives the floor: one parse and one two-pattern query per file. The full analyzer runs in one
 * worker thread, one file at a time, so its time is the analysis alone: no walk, no report, no
 * JSON. The two are interleaved file by file, so that the machine's load falls on both alike and
 * their ratio means something.
 */
async function profileCorpus(corpus: Corpus): Promise<void> {
  const files = await rustFiles(corpus.dir);
  const ms = { read: 0, load: 0, parse: 0, query: 0, init: 0, analysis: 0 };
  const timed = async <T>(phase: keyof typeof ms, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    ms[phase] += performance.now() - start;
    return result;
  };

  const contents = await timed('read', () => files.map((f) => fs.readFileSync(f.absolute)));
  const bytes = contents.reduce((sum, b) => sum + b.length, 0);
  const binaries = readGrammarBinaries(grammarPaths(DIST));
  // The runtime is initialised once per process: only the first corpus pays for it.
  const language = await timed('load', () => loadRustLanguage(binaries));
  const parser = new Parser();
  parser.setLanguage(language);
  const query = new Query(
    language,
    '(call_expression function: (field_expression field: (field_identifier) @m (#any-of? @m "unwrap" "expect")) arguments: (arguments))',
  );
  const decoder = new TextDecoder('utf-8');
  // The worker the CLI's pool runs, spoken to as the pool does.
  const worker = new WorkerConnection(nodeWorkerChannel(path.join(DIST, 'worker-node.js')));
  let plainCount = 0;
  let ourCount = 0;
  let skipped = 0;
  const perFile: { file: string; ms: number; size: number }[] = [];
  try {
    await timed('init', () => worker.request({ kind: 'init', binaries, options: {} }, 'ready'));
    for (let i = 0; i < files.length; i++) {
      const tree = await timed('parse', () => parser.parse(decoder.decode(contents[i])));
      if (!tree) throw new Error(`web-tree-sitter could not parse ${files[i].file}`);
      plainCount += await timed('query', () => query.matches(tree.rootNode).length);
      tree.delete();
      const copy = new Uint8Array(contents[i]); // transferred, so the worker gets its own buffer
      const before = ms.analysis;
      const outcome = unpackOutcome((await timed('analysis', () => worker.request({ kind: 'analyzeFile', file: files[i].file, bytes: copy }, 'analyzed', [copy.buffer]))).outcome);
      perFile.push({ file: files[i].file, ms: ms.analysis - before, size: files[i].size });
      if (outcome.skipped) skipped++;
      else ourCount += outcome.analysis.findings.filter((f) => UNWRAP_RULES.has(f.rule)).length;
    }
  } finally {
    worker.close();
    query.delete();
    parser.delete();
  }
  perFile.sort((a, b) => b.ms - a.ms);

  const rate = (phaseMs: number) => fixed(bytes / MB / (phaseMs / 1000), 2);
  console.log(`\n${corpus.name}: ${files.length} files, ${fixed(bytes / MB, 2)} MB, one thread each`);
  console.log(
    table(
      ['phase', 'ms', 'MB/s'],
      [
        ['read every file', fixed(ms.read, 0), ''],
        ['web-tree-sitter init + grammar load', fixed(ms.load, 0), ''],
        ['tree-sitter: parse every file', fixed(ms.parse, 0), rate(ms.parse)],
        ['tree-sitter: unwrap/expect query', fixed(ms.query, 0), rate(ms.query)],
        ['analyzer: worker start + init', fixed(ms.init, 0), ''],
        ['analyzer: every file (parse, macro args, all rules)', fixed(ms.analysis, 0), rate(ms.analysis)],
      ],
    ),
  );
  console.log(`  plain tree-sitter query: ${plainCount} unwrap/expect calls; full analyzer: ${ourCount} (${skipped} files skipped)`);
  console.log(`  full analysis / (plain parse + query) = ${fixed(ms.analysis / (ms.parse + ms.query), 2)}×`);
  console.log(`  slowest files in the analyzer: ${perFile.slice(0, 5).map((f) => `${f.file} ${fixed(f.ms, 0)} ms (${fixed(f.size / 1024, 0)} KiB)`).join('; ')}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === BARE_PARSE_FLAG) return bareParse(argv[1], argv[2], DIST);
  const options = parseArgs(argv);
  for (const file of ['cli.js', 'worker-node.js', 'web-tree-sitter.wasm', 'tree-sitter-rust.wasm']) {
    if (!fs.existsSync(path.join(DIST, file))) fail(`dist/${file} is missing: build first with \`node esbuild.config.mjs\``);
  }
  if (options.compare) {
    await benchCompare(ROOT, CLI, options.dirs, options.rounds);
    return;
  }
  const corpora = chooseCorpora(options.dirs);
  if (corpora.length === 0) {
    fail(options.dirs.length > 0 ? 'none of the named directories exists' : `no corpus to measure; install them with: ${INSTALL}`);
  }

  if (options.phases) {
    for (const corpus of corpora) await profileCorpus(corpus);
    return;
  }
  if (!fs.existsSync(AST_GREP)) fail(`ast-grep is missing at ${path.relative(ROOT, AST_GREP)}: run \`npm install\` (it is a dev dependency)`);
  const version = spawnSync(AST_GREP, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stderr.write(`bench: ${version}, node ${process.version}, ${os.availableParallelism()} cores, ${options.rounds} rounds\n`);
  const results: CorpusResult[] = [];
  for (const corpus of corpora) results.push(await benchCorpus(corpus, options));
  printResults(results, options);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
