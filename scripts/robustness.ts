// Robustness run: the analyzer over every .rs file of a corpus, counting exceptions. None are allowed.
//
//   npm run robustness [-- [options] [dir]]
//   node esbuild.config.mjs --scripts && node out/scripts/robustness.js [options] [dir]
//
// With no directory it runs over the rustc 1.63 test suite as Debian installs it
// (/usr/src/rustc-1.63.0/src/test: about 16,000 files, many of them deliberately invalid Rust).
// When that folder is missing it prints the command that installs it and exits 2.
//
// Every .rs file below the folder that the CLI's walker finds (src/cli/walk.ts: .gitignore
// honoured, target/ and .git/ left out), with no size limit of its own, is analysed by
// dist/worker-node.js, the worker the CLI's pool runs, spoken to through the same connection
// (src/worker/connection.ts) with two files in flight per worker, as the CLI does. The core itself
// decides what to skip.
//
// Counted as exceptions, each listed with its file and error:
// - a `failed` answer: something thrown or rejected out of the analysis in the worker;
// - a worker that crashed or exited while analysing the file;
// - a file with no answer after --timeout seconds (a hang; its worker is replaced);
// - a file the core skipped as `analysis-failed`: an internal error that RustAnalyzer.analyzeText
//   caught and turned into a skip.
// Other skips (too large, binary, not UTF-8, parse timeout, unreadable) are legitimate and are
// reported by reason. The run goes on after an exception, on a fresh worker when one died.
//
// Measured:
// - wall time from the first file sent to the last answer (reading the files included, the
//   workers' start-up and WASM load not), and MB/s = 10^6 bytes of the analysed files / that time;
// - each file's time: from the moment its worker started it (its answer to the file before, or
//   its sending, whichever came later; a worker takes files strictly in order) to its answer;
// - peak RSS: process.resourceUsage().maxRSS (the kernel's ru_maxrss) of this one Node process,
//   which holds the main thread and every worker thread; also the figure right after start-up.
// The machine's load changes these figures; only the exception count is a verdict.
//
// Exit status: 0 with no exception, 1 with any, 2 when the corpus is missing or an option is wrong.
//
// Options:
//   --workers N   analysis worker threads (default as the CLI: min(available parallelism, 8))
//   --timeout S   seconds one file may take before it counts as hung (default 120)
//   --top N       how many of the slowest files to list (default 5)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AnalysisOutcome } from '../src/analysis/engine';
import type { GrammarBinaries } from '../src/analysis/parser';
import { grammarPaths, readGrammarBinaries } from '../src/cli/grammar';
import { MAX_THREADS } from '../src/cli/scan';
import { walkRustProject, type WalkedFile } from '../src/cli/walk';
import { WorkerConnection } from '../src/worker/connection';
import { nodeWorkerChannel } from '../src/worker/nodeChannel';
import { unpackOutcome } from '../src/worker/packedOutcome';
import { printHeaderHelp } from './headerHelp';

/** The repository: this script runs bundled, from out/scripts/. */
const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const WORKER_SCRIPT = path.join(DIST, 'worker-node.js');
const DEFAULT_CORPUS = '/usr/src/rustc-1.63.0/src/test';
const INSTALL = 'apt-get update && apt-get install -y rust-src';
/** The skip reason under which RustAnalyzer.analyzeText reports an error it caught. */
const INTERNAL_FAILURE = 'analysis-failed';
/** The longest file list printed for one skip reason; the count is always complete. */
const LISTED_PER_REASON = 10;
const MB = 1e6;

// ---------------------------------------------------------------- arguments

interface Options {
  workers: number;
  timeoutSeconds: number;
  top: number;
  dir: string | undefined;
}

function usageError(message: string): never {
  process.stderr.write(`robustness: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { workers: Math.min(os.availableParallelism(), MAX_THREADS), timeoutSeconds: 120, top: 5, dir: undefined };
  const whole = (name: string, text: string | undefined) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) usageError(`${name} takes a whole number of at least 1`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      printHeaderHelp(path.join(ROOT, 'scripts', 'robustness.ts'));
      process.exit(0);
    } else if (arg === '--workers') options.workers = whole(arg, argv[++i]);
    else if (arg === '--timeout') options.timeoutSeconds = whole(arg, argv[++i]);
    else if (arg === '--top') options.top = whole(arg, argv[++i]);
    else if (arg.startsWith('-')) usageError(`unknown option ${arg} (see --help)`);
    else if (options.dir === undefined) options.dir = path.resolve(arg);
    else usageError('give at most one directory');
  }
  return options;
}

// ---------------------------------------------------------------- the workers

/** What became of one file sent to a worker. */
type Answer = { outcome: AnalysisOutcome; ms: number } | { error: string } | { retry: true };

interface InFlight {
  /** When its worker started it: its answer to the file before, or its sending, whichever came later. */
  startedAt: number | undefined;
}

/**
 * One analysis worker thread, through the CLI's WorkerConnection. It answers files in the order
 * they were sent, so the oldest file in flight is the one it is working on: that is the file a
 * crash or a hang is charged to. After either, the thread is replaced and the other files in
 * flight go back to the queue.
 */
class AnalysisWorker {
  private connection!: WorkerConnection;
  private ready!: Promise<void>;
  /** Files sent and not yet answered, oldest first. */
  private inFlight: InFlight[] = [];
  /** Per lost connection: the file it was working on, and why it was lost. */
  private readonly losses = new WeakMap<WorkerConnection, { blamed: InFlight | undefined; reason: string | undefined }>();
  private readonly watchdog = setInterval(() => this.checkHang(), 1000);

  constructor(
    private readonly binaries: GrammarBinaries,
    private readonly timeoutMs: number,
    private readonly onLost: () => void,
  ) {}

  /**
   * Starts (or restarts) the thread and waits for it to load the grammar. A thread lost while
   * starting is not replaced: the run stops there, as no file can be blamed.
   */
  start(): Promise<void> {
    const connection = new WorkerConnection(nodeWorkerChannel(WORKER_SCRIPT));
    this.connection = connection;
    this.ready = connection.request({ kind: 'init', binaries: this.binaries, options: {} }, 'ready').then(
      () => undefined,
      (error: Error) => {
        throw new Error(`the worker failed to start: ${error.message}`);
      },
    );
    return this.ready;
  }

  async analyze(entry: WalkedFile, bytes: Uint8Array): Promise<Answer> {
    // Wait again if the thread was replaced meanwhile: a file is only sent to a started thread.
    for (let ready; ready !== this.ready; ) await (ready = this.ready);
    const connection = this.connection;
    const file: InFlight = { startedAt: this.inFlight.length === 0 ? performance.now() : undefined };
    this.inFlight.push(file);
    try {
      const { outcome } = await connection.request({ kind: 'analyzeFile', file: entry.file, bytes }, 'analyzed', [bytes.buffer as ArrayBuffer]);
      return { outcome: unpackOutcome(outcome), ms: this.answered(file) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A `failed` answer: the worker lives on.
      if (connection.alive) {
        this.answered(file);
        return { error: message };
      }
      if (connection === this.connection) this.replace(connection);
      const loss = this.losses.get(connection);
      return loss?.blamed === file ? { error: loss.reason ?? message } : { retry: true };
    }
  }

  /** Takes the oldest file off the list, starts the next one's clock, and returns the file's time. */
  private answered(file: InFlight): number {
    const now = performance.now();
    this.inFlight.shift();
    if (this.inFlight.length > 0) this.inFlight[0].startedAt = now;
    return now - (file.startedAt ?? now);
  }

  private checkHang(): void {
    const current = this.inFlight[0];
    const connection = this.connection;
    if (current?.startedAt !== undefined && connection.alive && performance.now() - current.startedAt > this.timeoutMs) {
      this.losses.set(connection, { blamed: current, reason: `no answer after ${this.timeoutMs / 1000} s` });
      connection.close();
    }
  }

  /** Charges the loss to the file being analysed, requeues the others and starts a new thread. */
  private replace(connection: WorkerConnection): void {
    const loss = this.losses.get(connection);
    this.losses.set(connection, { blamed: loss?.blamed ?? this.inFlight[0], reason: loss?.reason });
    this.inFlight = [];
    this.onLost();
    this.start().catch(() => undefined);
  }

  close(): void {
    clearInterval(this.watchdog);
    this.connection.close();
  }
}

// ---------------------------------------------------------------- the run

interface Result {
  analysed: number;
  analysedBytes: number;
  findings: number;
  skipped: Map<string, (WalkedFile & { detail: string })[]>;
  exceptions: (WalkedFile & { error: string })[];
  timings: (WalkedFile & { ms: number })[];
  workersLost: number;
  startUpSeconds: number;
  rssAfterStartUpKiB: number;
  wallSeconds: number;
  peakRssKiB: number;
}

async function run(files: WalkedFile[], options: Options): Promise<Result> {
  const binaries = readGrammarBinaries(grammarPaths(DIST));
  const result: Result = {
    analysed: 0,
    analysedBytes: 0,
    findings: 0,
    skipped: new Map(),
    exceptions: [],
    timings: [],
    workersLost: 0,
    startUpSeconds: 0,
    rssAfterStartUpKiB: 0,
    wallSeconds: 0,
    peakRssKiB: 0,
  };
  const workers = Array.from({ length: options.workers }, () => new AnalysisWorker(binaries, options.timeoutSeconds * 1000, () => result.workersLost++));
  const startUp = performance.now();
  await Promise.all(workers.map((w) => w.start()));
  result.startUpSeconds = (performance.now() - startUp) / 1000;
  result.rssAfterStartUpKiB = process.resourceUsage().maxRSS;

  const queue = [...files];
  const skip = (entry: WalkedFile, reason: string, detail: string) => {
    const list = result.skipped.get(reason) ?? [];
    list.push({ ...entry, detail });
    result.skipped.set(reason, list);
  };
  const drain = async (worker: AnalysisWorker) => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      let bytes;
      try {
        bytes = new Uint8Array(await fs.promises.readFile(entry.absolute));
      } catch (error) {
        skip(entry, 'unreadable', error instanceof Error ? error.message : String(error));
        continue;
      }
      const answer = await worker.analyze(entry, bytes);
      if ('retry' in answer) queue.unshift(entry);
      else if ('error' in answer) result.exceptions.push({ ...entry, error: answer.error });
      else if (answer.outcome.skipped?.reason === INTERNAL_FAILURE) result.exceptions.push({ ...entry, error: `${INTERNAL_FAILURE}: ${answer.outcome.skipped.detail}` });
      else if (answer.outcome.skipped) skip(entry, answer.outcome.skipped.reason, answer.outcome.skipped.detail);
      else {
        result.analysed++;
        result.analysedBytes += entry.size;
        result.findings += answer.outcome.analysis.findings.length;
        result.timings.push({ ...entry, ms: answer.ms });
      }
    }
  };
  const started = performance.now();
  try {
    await Promise.all(workers.flatMap((worker) => [drain(worker), drain(worker)]));
  } finally {
    result.wallSeconds = (performance.now() - started) / 1000;
    for (const worker of workers) worker.close();
  }
  result.peakRssKiB = process.resourceUsage().maxRSS;
  return result;
}

// ---------------------------------------------------------------- the report

function report(dir: string, files: WalkedFile[], result: Result, options: Options): void {
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const skippedCount = [...result.skipped.values()].reduce((sum, list) => sum + list.length, 0);
  const mib = (kib: number) => (kib / 1024).toFixed(0);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`\nrobustness run over ${dir}`);
  console.log(`  node ${process.version}, ${os.availableParallelism()} cores, ${options.workers} worker threads, 2 files in flight each`);
  console.log(`  files:      ${files.length} .rs files, ${(totalBytes / MB).toFixed(2)} MB`);
  console.log(`  analysed:   ${result.analysed} files, ${(result.analysedBytes / MB).toFixed(2)} MB, ${result.findings} findings`);
  const reasons = [...result.skipped.entries()].sort((a, b) => b[1].length - a[1].length);
  console.log(`  skipped:    ${skippedCount}${reasons.length ? ` (${reasons.map(([reason, list]) => `${reason} ${list.length}`).join(', ')})` : ''}`);
  for (const [reason, list] of reasons) {
    for (const f of list.slice(0, LISTED_PER_REASON)) console.log(`    ${reason}: ${f.file} (${kib(f.size)}): ${f.detail}`);
    if (list.length > LISTED_PER_REASON) console.log(`    ${reason}: and ${list.length - LISTED_PER_REASON} more`);
  }
  console.log(
    `  wall time:  ${result.wallSeconds.toFixed(2)} s, ${(result.analysedBytes / MB / result.wallSeconds).toFixed(2)} MB/s ` +
      `(start-up of the workers, ${result.startUpSeconds.toFixed(2)} s, not included)`,
  );
  console.log(
    `  peak RSS:   ${mib(result.peakRssKiB)} MiB, process.resourceUsage().maxRSS of this process (main thread and all worker threads); ` +
      `${mib(result.rssAfterStartUpKiB)} MiB after start-up`,
  );
  if (result.workersLost > 0) console.log(`  workers replaced after a crash or hang: ${result.workersLost}`);
  const slowest = [...result.timings].sort((a, b) => b.ms - a.ms).slice(0, options.top);
  console.log(`  slowest ${slowest.length} files (ms from the worker starting the file to its answer):`);
  for (const f of slowest) console.log(`    ${f.ms.toFixed(0).padStart(6)} ms  ${kib(f.size).padStart(10)}  ${f.file}`);
  console.log(`  exceptions: ${result.exceptions.length}`);
  for (const e of result.exceptions) console.log(`    ${e.file}: ${e.error}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = options.dir ?? DEFAULT_CORPUS;
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    usageError(options.dir ? `${dir} is not a directory` : `the rustc test suite is missing at ${dir}. Install it with:\n  ${INSTALL}`);
  }
  for (const file of ['worker-node.js', 'web-tree-sitter.wasm', 'tree-sitter-rust.wasm']) {
    if (!fs.existsSync(path.join(DIST, file))) usageError(`dist/${file} is missing: build first with \`node esbuild.config.mjs\``);
  }
  // Without a size limit of the walk's own: the core decides what is too large.
  const files = (await walkRustProject(dir, Number.POSITIVE_INFINITY)).files.filter((f) => f.kind === 'rust');
  process.stderr.write(`robustness: analysing ${files.length} .rs files below ${dir}\n`);
  const result = await run(files, options);
  report(dir, files, result, options);
  process.exitCode = result.exceptions.length === 0 ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`robustness: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
