import path from 'node:path';
import { notDirectories } from './directories';
import { candidateScope, readStarter, type Starter } from './candidateScope';
import { characterColumns } from './columns';
import { FORMATS, formatReport, type Format } from './formats';
import { readRubricOption } from './rubricOption';
import { MAX_THREADS, scanDirectory } from './scan';
import { choiceOption, isOption, optionValue, UsageError, type CliCommand } from './usage';

const USAGE = `rust-review scan <dir> [--format text|json|markdown|sarif] [--rubric <file>] [--include-tests] [--threads N]
                [--baseline <commit|folder>]

Scans a Rust project without building or running it and reports rubric evidence for a take-home review.
  --format          text (default), json, markdown or sarif (SARIF 2.1.0)
  --rubric <file>   suggest levels against this rubric file (JSON) instead of the default rubric
  --include-tests   also report concerns and info found in test code (testing signals are always reported)
  --baseline <b>    report only findings on lines the candidate added or changed since the starter code: a commit,
                    tag or branch of the repository at <dir>, or a folder holding the starter
  --threads N       analysis worker threads; 0 analyses on the main thread (default: one per core, up to ${MAX_THREADS},
                    or 0 for less than 512 KiB of Rust)`;

interface ScanOptions {
  dir: string;
  format: Format;
  includeTests: boolean;
  threads?: number;
  rubric?: string;
  baseline?: string;
}

function parseScanArguments(args: readonly string[]): ScanOptions {
  let dir: string | undefined;
  let format: Format = 'text';
  let includeTests = false;
  let threads: number | undefined;
  let rubric: string | undefined;
  let baseline: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--include-tests') includeTests = true;
    else if (isOption(arg, '--rubric')) {
      const { value, next } = optionValue(args, i, '--rubric');
      i = next;
      if (!value) throw new UsageError('--rubric takes a rubric file');
      rubric = value;
    } else if (isOption(arg, '--baseline')) {
      const { value, next } = optionValue(args, i, '--baseline');
      i = next;
      if (!value) throw new UsageError('--baseline takes a commit, tag or folder');
      baseline = value;
    } else if (isOption(arg, '--threads')) {
      const { value, next } = optionValue(args, i, '--threads');
      i = next;
      const count = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || count > MAX_THREADS) throw new UsageError(`--threads takes a whole number from 0 to ${MAX_THREADS}; got ${value ?? 'nothing'}`);
      threads = count;
    } else if (isOption(arg, '--format')) {
      ({ value: format, next: i } = choiceOption(args, i, '--format', FORMATS));
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (dir === undefined) dir = arg;
    else throw new UsageError(`unexpected argument ${arg}; scan takes one directory`);
  }
  if (dir === undefined) throw new UsageError('scan needs a directory');
  return { dir, format, includeTests, threads, ...(rubric ? { rubric } : {}), ...(baseline ? { baseline } : {}) };
}

function progress(done: number, total: number): void {
  process.stderr.write(`\rScanning ${done}/${total} files${done === total ? '\n' : ''}`);
}

async function runScan(args: readonly string[]): Promise<number> {
  const command = parseScanArguments(args);
  const root = path.resolve(command.dir);
  const notFolder = notDirectories([command.dir]);
  if (notFolder) {
    process.stderr.write(`rust-review: ${notFolder}\n`);
    return 2;
  }
  const rubric = readRubricOption(command.rubric);
  if ('error' in rubric) {
    process.stderr.write(`rust-review: ${rubric.error}\n`);
    return 2;
  }
  let starter: Starter | undefined;
  if (command.baseline) {
    const read = await readStarter(root, command.baseline);
    if ('problem' in read) {
      process.stderr.write(`rust-review: ${read.problem}\n`);
      return 2;
    }
    starter = read;
  }
  const scanned = await scanDirectory(root, {
    includeTests: command.includeTests,
    threads: command.threads,
    onProgress: process.stderr.isTTY ? progress : undefined,
  });
  // With a baseline, the starter's findings and code lines are left out of everything the report says, and the findings counted.
  const { findings, codeLines, findingsLeftOut } = candidateScope(root, scanned, starter);
  const report = { ...scanned, findings, project: { ...scanned.project, codeLines }, root: command.dir };
  const scope = starter ? { label: starter.label, leftOut: findingsLeftOut } : undefined;
  const output = formatReport(report, command.format, characterColumns(root, report.findings, report.nonAsciiFiles), rubric.rubric, scope);
  process.stdout.write(output);
  return 0;
}

export const SCAN_COMMAND: CliCommand = { usage: USAGE, run: runScan };
