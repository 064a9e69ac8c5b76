import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { characterColumns } from './columns';
import { FORMATS, formatReport, type Format } from './formats';
import { scanDirectory } from './scan';

const USAGE = `Usage: rust-review scan <dir> [--format text|json|markdown|sarif] [--include-tests]

Scans a Rust project without building or running it and reports rubric evidence for a take-home review.
  --format          text (default), json, markdown or sarif (SARIF 2.1.0)
  --include-tests   also report concerns and info found in test code (testing signals are always reported)`;

class UsageError extends Error {}

interface Command {
  dir: string;
  format: Format;
  includeTests: boolean;
}

export function parseArguments(args: readonly string[]): Command | 'help' {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) return 'help';
  const [command, ...rest] = args;
  if (command !== 'scan') throw new UsageError(`unknown command "${command}"; expected "scan"`);
  let dir: string | undefined;
  let format: Format = 'text';
  let includeTests = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--include-tests') includeTests = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (!FORMATS.includes(value as Format)) throw new UsageError(`--format takes one of ${FORMATS.join(', ')}; got ${value ?? 'nothing'}`);
      format = value as Format;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (dir === undefined) dir = arg;
    else throw new UsageError(`unexpected argument ${arg}; scan takes one directory`);
  }
  if (dir === undefined) throw new UsageError('scan needs a directory');
  return { dir, format, includeTests };
}

function progress(done: number, total: number): void {
  process.stderr.write(`\rScanning ${done}/${total} files${done === total ? '\n' : ''}`);
}

export async function main(args: readonly string[]): Promise<number> {
  let command: Command | 'help';
  try {
    command = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`rust-review: ${error.message} (see --help)\n`);
    return 2;
  }
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const root = path.resolve(command.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    process.stderr.write(`rust-review: ${command.dir} is not a directory\n`);
    return 2;
  }
  const report = await scanDirectory(root, {
    includeTests: command.includeTests,
    onProgress: process.stderr.isTTY ? progress : undefined,
  });
  const output = formatReport({ ...report, root: command.dir }, command.format, characterColumns(root, report.findings, report.nonAsciiFiles));
  process.stdout.write(output);
  return 0;
}
