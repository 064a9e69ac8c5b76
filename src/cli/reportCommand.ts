import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readRepositoryHistory } from '../history/repositoryHistory';
import { reviewToJson, reviewToMarkdown } from '../rubric/export';
import type { Review } from '../rubric/review';
import { maskStrings } from '../team/masking';
import { reportContext } from '../team/report';
import { blindCandidate, readCommit, readRemote, type BlindCandidate } from './candidateFolder';
import { notDirectories } from './directories';
import { NODE_GIT_FS } from './nodeGitFs';
import { readReviewFile } from './reviewFile';
import { readRubricOption } from './rubricOption';
import { scanDirectory } from './scan';
import { formatOption, parseCommandLine } from './commandLine';
import { UsageError, type CliCommand } from './usage';

const FORMATS = ['markdown', 'json'] as const;
type ReportFormat = (typeof FORMATS)[number];

const USAGE = `rust-review report <dir> [--review <file.json>] [--blind] [--rubric <file>] [--format markdown|json]

Prints the hiring scorecard that Copy Review produces in VS Code, from the same code: the review's
levels, notes and pinned evidence, the analysis's evidence for every category, and for each
category the review leaves open, the level the analysis suggests and why.
  --review <file>  a review exported as JSON (Copy Review or Save Review as JSON); without one, the
                   scorecard holds the analysis alone
  --blind          the repository shown as its candidate code (C-4F2A), without its remote, and the
                   candidate's names and e-mails masked, commit authors and committers included, as
                   compare --blind masks them
  --rubric <file>  suggest levels against this rubric file (JSON) instead of the default rubric
  --format         markdown (default) or json (importable into the scorecard)`;

interface ReportOptions {
  dir: string;
  review?: string;
  rubric?: string;
  blind: boolean;
  format: ReportFormat;
}

function parseReportArguments(args: readonly string[]): ReportOptions {
  const { values, positionals } = parseCommandLine(args, { review: { type: 'string' }, blind: { type: 'boolean' }, rubric: { type: 'string' }, format: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'report needs a directory' : `unexpected argument ${positionals[1]}; report takes one directory`);
  if (values.review === '') throw new UsageError('--review takes an exported review (JSON)');
  if (values.rubric === '') throw new UsageError('--rubric takes a rubric file');
  return {
    dir: positionals[0],
    blind: values.blind ?? false,
    format: formatOption(values.format, FORMATS),
    ...(values.review ? { review: values.review } : {}),
    ...(values.rubric ? { rubric: values.rubric } : {}),
  };
}

/** The scorecard with the candidate's names masked: the Markdown as text, the JSON string by string, so that it stays JSON. */
function masked(output: string, format: ReportFormat, blind: BlindCandidate): string {
  return format === 'json' ? `${JSON.stringify(maskStrings(JSON.parse(output), blind.mask), null, 2)}\n` : blind.mask(output);
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
  const notFolder = notDirectories([options.dir]);
  if (notFolder) {
    process.stderr.write(`rust-review: ${notFolder}\n`);
    return 2;
  }
  const rubric = readRubricOption(options.rubric);
  if ('error' in rubric) {
    process.stderr.write(`rust-review: ${rubric.error}\n`);
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
    // Blind, neither name is said: both are often the candidate's.
    if (review.repository.name !== path.basename(root)) {
      process.stderr.write(options.blind ? 'rust-review: note: the review is of another repository than the folder\n' : `rust-review: note: the review is of ${review.repository.name}, the folder is ${path.basename(root)}\n`);
    }
  }
  // The history goes into the scorecard's "How they worked" section, and blind, its authors and
  // committers are masked with the candidate's other names.
  const [report, history] = await Promise.all([scanDirectory(root, { includeTests: true }), readRepositoryHistory(NODE_GIT_FS, root)]);
  const blind = options.blind && blindCandidate(root, report.project.crates.map((c) => c.file), history);
  const remote = readRemote(root);
  // Blind, the repository is its code, without the remote whose owner is often the candidate's account.
  const repository = blind ? { name: blind.code } : { name: path.basename(root), ...(remote ? { remote } : {}) };
  const commit = await readCommit(root);
  const context = reportContext({
    rubric: rubric.rubric,
    repository,
    ...(commit ? { commit } : {}),
    findings: report.findings,
    codeLines: report.project.codeLines,
    ...(review ? { review: blind ? { ...review, repository } : review } : {}),
    date: new Date(),
    source: sourceLines(root),
    history,
  });
  const output = options.format === 'json' ? reviewToJson(context) : reviewToMarkdown(context);
  process.stdout.write(blind ? masked(output, options.format, blind) : output);
  return 0;
}

export const REPORT_COMMAND: CliCommand = { usage: USAGE, run: runReport };
