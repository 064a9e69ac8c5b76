// `npm run bench -- --compare [dir ...]`: is `rust-review compare` at least as fast per megabyte
// as scanning each candidate alone? Issue 19 asks that of comparing a hiring round's take-homes in
// one process on every core.
//
// The candidates, unless named: the two sample take-homes and the crates of Debian's registry of
// a take-home's size (15-150 kB of Rust), each standing for one candidate. Each round times
// `rust-review scan <dir> --format json --include-tests` once per candidate, one after the other
// as a reviewer would run them, and `rust-review compare <dir>... --format json` over all of them,
// the two in alternating order (ABBA) so that drift in the machine's load falls on both alike.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MAX_FILE_BYTES } from '../src/analysis/source';
import { walkRustProject } from '../src/cli/walk';

const REGISTRY = '/usr/share/cargo/registry';
/** A take-home's size: the two samples hold 16 and 48 kB of Rust. */
const TAKE_HOME_BYTES = { min: 15_000, max: 150_000 };
const MAX_CANDIDATES = 12;
const MB = 1e6;

async function rustBytes(dir: string): Promise<number> {
  const walked = await walkRustProject(dir, DEFAULT_MAX_FILE_BYTES);
  return walked.files.filter((f) => f.kind === 'rust').reduce((sum, f) => sum + f.size, 0);
}

/** The candidates to compare: the named folders, else the samples and take-home-sized crates of the registry. */
async function chooseCandidates(root: string, dirs: readonly string[]): Promise<{ dir: string; bytes: number }[]> {
  if (dirs.length > 0) return Promise.all(dirs.map(async (dir) => ({ dir: path.resolve(dir), bytes: await rustBytes(path.resolve(dir)) })));
  const samples = ['careless-takehome', 'careful-takehome'].map((name) => path.join(root, 'test', 'fixtures', name));
  const crates = fs.existsSync(REGISTRY) ? fs.readdirSync(REGISTRY).sort().map((name) => path.join(REGISTRY, name)) : [];
  const chosen: { dir: string; bytes: number }[] = [];
  for (const dir of [...samples, ...crates]) {
    if (chosen.length >= MAX_CANDIDATES) break;
    const bytes = await rustBytes(dir);
    if (bytes >= TAKE_HOME_BYTES.min && bytes <= TAKE_HOME_BYTES.max) chosen.push({ dir, bytes });
  }
  return chosen;
}

/** Runs the CLI with its output to a file, as the main bench does, and returns the wall time in seconds. */
function timedCli(cli: string, args: string[], outFile: string): number {
  const out = fs.openSync(outFile, 'w');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`rust-review ${args[0]} failed (${result.status}): ${result.stderr}`);
    return seconds;
  } finally {
    fs.closeSync(out);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchCompare(root: string, cli: string, dirs: readonly string[], rounds: number): Promise<void> {
  const candidates = await chooseCandidates(root, dirs);
  if (candidates.length < 2) throw new Error('compare needs two candidates or more: name them, or install take-home-sized crates (apt-get install librust-*-dev)');
  const bytes = candidates.reduce((sum, c) => sum + c.bytes, 0);
  const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rust-review-bench-compare-')), 'out.json');
  const alone = (): number => candidates.reduce((sum, c) => sum + timedCli(cli, ['scan', c.dir, '--format', 'json', '--include-tests'], outFile), 0);
  const together = (): number => timedCli(cli, ['compare', ...candidates.map((c) => c.dir), '--format', 'json'], outFile);
  process.stderr.write(`bench --compare: ${candidates.length} candidates, ${(bytes / MB).toFixed(2)} MB of Rust, ${os.availableParallelism()} cores, ${rounds} rounds\n`);
  // One untimed run of each fills the page cache.
  alone();
  together();
  const times = { alone: [] as number[], together: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['alone', 'together'] as const) : (['together', 'alone'] as const);
    for (const kind of order) times[kind].push(kind === 'alone' ? alone() : together());
  }
  fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
  const [aloneSeconds, togetherSeconds] = [median(times.alone), median(times.together)];
  const rate = (seconds: number) => (bytes / MB / seconds).toFixed(2);
  console.log(`\nCandidates compared: ${candidates.map((c) => path.basename(c.dir)).join(', ')}`);
  console.log(`  each scanned alone, one after the other: ${aloneSeconds.toFixed(2)} s (${rate(aloneSeconds)} MB/s); rounds ${times.alone.map((t) => t.toFixed(2)).join(', ')}`);
  console.log(`  compare, all in one process:            ${togetherSeconds.toFixed(2)} s (${rate(togetherSeconds)} MB/s); rounds ${times.together.map((t) => t.toFixed(2)).join(', ')}`);
  const met = togetherSeconds <= aloneSeconds;
  console.log(`  compare per MB is ${(aloneSeconds / togetherSeconds).toFixed(2)}× scanning alone: ${met ? 'met' : 'MISSED'} (at least as fast)`);
}
