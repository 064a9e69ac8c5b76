import { DEFAULT_RUBRIC } from '../rubric/defaultRubric';
import { calibrate, calibrationToJson } from '../team/calibration';
import { calibrationToMarkdown } from '../team/calibrationMarkdown';
import { readReviewFile } from './reviewFile';
import { formatOption, parseCommandLine } from './commandLine';
import { UsageError, type CliCommand } from './usage';

const FORMATS = ['markdown', 'json'] as const;
type CalibrationFormat = (typeof FORMATS)[number];

const USAGE = `rust-review calibrate <a.json> <b.json> [--format markdown|json]

Compares two reviewers' exported reviews of one candidate (Copy Review or Save Review as JSON), for
the debrief: both levels and notes per category, disagreements of two levels or more or across the
yes/no line, and the evidence each pinned.
  --format   markdown (default) or json`;

function parseCalibrateArguments(args: readonly string[]): { files: string[]; format: CalibrationFormat } {
  const { values, positionals } = parseCommandLine(args, { format: { type: 'string' } });
  if (positionals.length !== 2) throw new UsageError(`calibrate takes two exported reviews; got ${positionals.length}`);
  return { files: positionals, format: formatOption(values.format, FORMATS) };
}

function runCalibrate(args: readonly string[]): Promise<number> {
  const { files, format } = parseCalibrateArguments(args);
  const [a, b] = files.map(readReviewFile);
  for (const read of [a, b]) if ('error' in read) process.stderr.write(`rust-review: ${read.error}\n`);
  if ('error' in a || 'error' in b) return Promise.resolve(2);
  // The default rubric names the categories; a review against another one is compared by its
  // category ids, and the output says the rubrics differ.
  const calibration = calibrate(a.review, b.review, DEFAULT_RUBRIC);
  process.stdout.write(format === 'json' ? calibrationToJson(calibration) : calibrationToMarkdown(calibration));
  return Promise.resolve(0);
}

export const CALIBRATE_COMMAND: CliCommand = { usage: USAGE, run: runCalibrate };
