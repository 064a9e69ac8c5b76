import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RUBRIC } from '../rubric/defaultRubric';
import { reviewToJson, reviewToMarkdown } from '../rubric/export';
import type { Review } from '../rubric/review';
import { reportContext } from '../team/report';
import { isDirectory, readCommit, readRemote } from './candidateFolder';
import { readReviewFile } from './reviewFile';
import { scanDirectory } from './scan';
import { formatOption, parseCommandLine } from './commandLine';
import { UsageError, type CliCommand } from './usage';

const FORMATS = ['markdown', 'json'] as const;
type ReportFormat = (typeof FORMATS)[number];

const USAGE = `rust-review report <dir> [--review <file.json>] [--format markdown|json]

Prints the hiring scorecard that Copy Review produces in VS Code, from the same code: the review's
levels, notes and pinned evidence, the analysis's evidence for every category, and for each
category the review leaves open, the level the analysis suggests and why.
  --review <file>  a review exported as JSON (Copy Review or Save Review as JSON); without one, the
                   scorecard holds the analysis alone
  --format         markdown (default) or json (importable into the scorecard)`;

function parseReportArguments(args: readonly string[]): { dir: string; review?: string; format: ReportFormat } {
  const { values, positionals } = parseCommandLine(args, { review: { type: 'string' }, format: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'report needs a directory' : `unexpected argument ${positionals[1]}; report takes one directory`);
  if (values.review === '') throw new UsageError('--review takes an exported review (JSON)');
  return { dir: positionals[0], format: formatOption(values.format, FORMATS), ...(values.review ? { review: values.review } : {}) };
}

/**
 * The lines of the folder's files that the export quotes, each file read once; a file outside the
 * folder, or one that cannot be read, quotes nothing.
 */
function sourceLines(root: string): (file: string, startLine: number, endLine: number) => string | undefined {
  const files = new Map<string, string[] | undefined>();
  return (file, startLine, endLine) => {
    if (!files.has(file)) {
      const absolute = path.resolve(root, file);
      let lines: string[] | undefined;
      if (absolute.startsWith(root + path.sep)) {
        try {
          lines = readFileSync(absolute, 'utf8').split(/\r?\n/);
        } catch {
          lines = undefined;
        }
      }
      files.set(file, lines);
    }
    return files.get(file)?.slice(startLine, endLine + 1).join('\n');
  };
}

async function runReport(args: readonly string[]): Promise<number> {
  const options = parseReportArguments(args);
  const root = path.resolve(options.dir);
  if (!isDirectory(root)) {
    process.stderr.write(`rust-review: not a directory: ${options.dir}\n`);
    return 2;
  }
  let review: Review | undefined;
  if (options.review) {
    const read = readReviewFile(options.review);
    if ('error' in read) {
      process.stderr.write(`rust-review: ${read.error}\n`);
      return 2;
    }
    review = read.review;
    if (review.repository.name !== path.basename(root)) process.stderr.write(`rust-review: note: the review is of ${review.repository.name}, the folder is ${path.basename(root)}\n`);
  }
  const report = await scanDirectory(root, { includeTests: true });
  const remote = readRemote(root);
  const commit = await readCommit(root);
  const context = reportContext({
    rubric: DEFAULT_RUBRIC,
    repository: { name: path.basename(root), ...(remote ? { remote } : {}) },
    ...(commit ? { commit } : {}),
    findings: report.findings,
    codeLines: report.project.codeLines,
    ...(review ? { review } : {}),
    date: new Date(),
    source: sourceLines(root),
  });
  process.stdout.write(options.format === 'json' ? reviewToJson(context) : reviewToMarkdown(context));
  return 0;
}

export const REPORT_COMMAND: CliCommand = { usage: USAGE, run: runReport };
