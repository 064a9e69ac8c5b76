import { readdirSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../analysis/errorMessage';
import type { RepositoryHistory } from '../history/model';
import { readRepositoryHistory } from '../history/repositoryHistory';
import type { Review } from '../rubric/review';
import { plural } from '../rubric/text';
import { compareCandidates, reviewsOf, type CandidateAnalysis, type CandidateBaseline } from '../team/compare';
import { COMPARE_FORMATS, formatComparison, type CompareFormat } from '../team/compareFormats';
import { maskStrings } from '../team/masking';
import { blindCandidate, readRemote } from './candidateFolder';
import { isDirectory, notDirectories } from './directories';
import { candidateScope, readStarter, type Starter } from './candidateScope';
import { NODE_GIT_FS } from './nodeGitFs';
import { readReviewFile } from './reviewFile';
import { readRubricOption } from './rubricOption';
import { scanDirectories } from './scan';
import { formatOption, parseCommandLine } from './commandLine';
import { UsageError, type CliCommand } from './usage';

const USAGE = `rust-review compare <dir>... [--reviews <folder>] [--blind] [--rubric <file>] [--baseline <folder|commit|proposed>]
                [--format markdown|json|csv]

Puts candidates' take-homes side by side, one row each: lines of their own code, the number of
tests, and for every rubric category the suggested level, its reason and the most telling concern.
All folders are analysed in one process, on every core.
  --reviews <folder>  the exported reviews (JSON) in this folder sit beside the suggestions, matched
                      to a candidate by remote, else by the repository's folder name
  --blind             a candidate code (C-4F2A, from the repository's root commit) instead of the
                      folder's name, and the candidate's names and e-mails masked, commit authors and
                      committers included
  --rubric <file>     suggest levels against this rubric file (JSON) instead of the default rubric
  --baseline <b>      count only the lines each candidate added or changed since the starter code, in
                      the findings, the suggestions and the lines of code: a folder holding the
                      starter that every candidate was handed (relative to the current directory),
                      else a commit, tag or branch of each candidate's repository; or "proposed", the
                      baseline git's reader proposes from each history (a tag such as "start", or a
                      root commit by someone else), where a history without one counts every line
  --format            markdown (default), json or csv`;

interface CompareOptions {
  dirs: string[];
  reviews?: string;
  rubric?: string;
  /** An absolute folder, a commit or tag name, or PROPOSED. */
  baseline?: string;
  blind: boolean;
  format: CompareFormat;
}

function parseCompareArguments(args: readonly string[]): CompareOptions {
  const { values, positionals } = parseCommandLine(args, {
    reviews: { type: 'string' },
    blind: { type: 'boolean' },
    rubric: { type: 'string' },
    baseline: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('compare needs at least one directory');
  if (values.reviews === '') throw new UsageError('--reviews takes a folder of exported reviews');
  if (values.rubric === '') throw new UsageError('--rubric takes a rubric file');
  if (values.baseline === '') throw new UsageError('--baseline takes a starter folder, a commit or tag, or "proposed"');
  // A folder from here is the starter shared by all, found from every candidate's folder alike.
  const baseline = values.baseline && values.baseline !== PROPOSED && isDirectory(values.baseline) ? path.resolve(values.baseline) : values.baseline;
  return {
    dirs: positionals,
    blind: values.blind ?? false,
    format: formatOption(values.format, COMPARE_FORMATS),
    ...(values.reviews ? { reviews: values.reviews } : {}),
    ...(values.rubric ? { rubric: values.rubric } : {}),
    ...(baseline ? { baseline } : {}),
  };
}

/** `--baseline proposed`: each candidate's own baseline, as git's reader proposes it from their history. */
const PROPOSED = 'proposed';

/** What compare reads of a candidate's repository besides the scan: the history where it is needed, and the starter where a baseline is given. */
interface CandidateRepository {
  history: RepositoryHistory | undefined;
  starter: Starter | { problem: string } | undefined;
}

async function readCandidateRepository(root: string, options: CompareOptions): Promise<CandidateRepository> {
  const history = options.blind || options.baseline === PROPOSED ? await readRepositoryHistory(NODE_GIT_FS, root) : undefined;
  if (!options.baseline) return { history, starter: undefined };
  if (options.baseline !== PROPOSED) return { history, starter: await readStarter(root, options.baseline) };
  const proposal = history?.proposal;
  if (proposal) return { history, starter: await readStarter(root, proposal.baseline) };
  // Without a history, why there is none says more than that nothing could be proposed from it.
  const why = history && !history.history.available ? history.history.reason : history?.noProposal;
  return { history, starter: { problem: `no baseline proposed: ${why ?? 'the history was not read'}` } };
}

/** The row's account of its baseline, from the starter read or why there is none. */
function candidateBaseline(starter: CandidateRepository['starter'], findingsLeftOut: number): CandidateBaseline | undefined {
  if (!starter) return undefined;
  return 'problem' in starter ? { problem: starter.problem } : { label: starter.label, findingsLeftOut };
}

/** Every exported review in the folder; a file that is not one is named on stderr and left out. */
function readReviews(folder: string): Review[] | undefined {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (error) {
    process.stderr.write(`rust-review: cannot read the reviews folder ${folder}: ${errorMessage(error)}\n`);
    return undefined;
  }
  const reviews: Review[] = [];
  for (const name of names) {
    const read = readReviewFile(path.join(folder, name));
    if ('error' in read) process.stderr.write(`rust-review: skipping ${read.error}\n`);
    else reviews.push(read.review);
  }
  return reviews;
}

/** Each folder's name, or its path as given where two folders share a name. */
function labels(dirs: readonly string[]): string[] {
  const names = dirs.map((dir) => path.basename(path.resolve(dir)));
  return names.map((name, i) => (names.indexOf(name) === names.lastIndexOf(name) ? name : dirs[i]));
}

async function runCompare(args: readonly string[]): Promise<number> {
  const options = parseCompareArguments(args);
  const notFolders = notDirectories(options.dirs);
  if (notFolders) {
    process.stderr.write(`rust-review: ${notFolders}\n`);
    return 2;
  }
  const rubric = readRubricOption(options.rubric);
  if ('error' in rubric) {
    process.stderr.write(`rust-review: ${rubric.error}\n`);
    return 2;
  }
  const reviews = options.reviews === undefined ? [] : readReviews(options.reviews);
  if (!reviews) return 2;
  const roots = options.dirs.map((dir) => path.resolve(dir));
  // The histories (a blind comparison masks the commit authors) and the baselines are read while the candidates are scanned.
  const [reports, repositories] = await Promise.all([scanDirectories(roots, { includeTests: true }), Promise.all(roots.map((root) => readCandidateRepository(root, options)))]);
  // A baseline named for all that a candidate lacks is bad input; a proposal some histories lack is not.
  const unresolved = options.baseline === PROPOSED ? [] : repositories.flatMap(({ starter }, i) => (starter && 'problem' in starter ? [`${options.blind ? `candidate ${i + 1}` : options.dirs[i]}: ${starter.problem}`] : []));
  if (unresolved.length > 0) {
    process.stderr.write(`rust-review: ${unresolved.join('; ')}\n`);
    return 2;
  }
  const names = labels(options.dirs);
  const used = new Set<Review>();
  const candidates = reports.map((report, i): CandidateAnalysis & { mask?: (text: string) => string } => {
    const folderName = path.basename(roots[i]);
    const remote = readRemote(roots[i]);
    const own = reviewsOf({ folderName, ...(remote ? { remote } : {}) }, reviews);
    for (const review of own) used.add(review);
    const { history, starter } = repositories[i];
    const { findings, codeLines, findingsLeftOut } = candidateScope(roots[i], report, starter && 'lines' in starter ? starter : undefined);
    const baseline = candidateBaseline(starter, findingsLeftOut);
    const analysis = { findings, codeLines, reviews: own, ...(baseline ? { baseline } : {}) };
    if (!options.blind || !history) return { label: names[i], ...analysis };
    const blind = blindCandidate(roots[i], report.project.crates.map((c) => c.file), history);
    return { label: blind.code, ...analysis, mask: blind.mask };
  });
  const say = (i: number, text: string) => process.stderr.write(candidates[i].mask?.(text) ?? text);
  reports.forEach((report, i) => {
    if (report.skipped.length === 0) return;
    const skipped = report.skipped.map((s) => `${s.file} (${s.detail})`).join('; ');
    say(i, `rust-review: ${candidates[i].label}: skipped ${plural(report.skipped.length, 'file', 'files')}: ${skipped}\n`);
  });
  candidates.forEach(({ baseline, label }, i) => {
    if (baseline && 'problem' in baseline) say(i, `rust-review: ${label}: ${baseline.problem}; every line counts as the candidate's\n`);
  });
  const unmatched = reviews.filter((review) => !used.has(review));
  // A review names its repository, often after the candidate: a blind comparison only counts them.
  if (options.blind && unmatched.length > 0) process.stderr.write(`rust-review: ${plural(unmatched.length, 'review matches', 'reviews match')} no candidate\n`);
  else for (const review of unmatched) process.stderr.write(`rust-review: the review of ${JSON.stringify(review.repository.name)} matches no candidate\n`);
  const comparison = compareCandidates(rubric.rubric, candidates);
  if (options.blind) {
    // Each row masked with its own candidate's names; sorted by code, so the order given (often by name) says nothing.
    comparison.rows = comparison.rows.map((row, i) => maskStrings(row, candidates[i].mask ?? ((text) => text))).sort((a, b) => (a.candidate < b.candidate ? -1 : 1));
  }
  process.stdout.write(formatComparison(comparison, options.format));
  return 0;
}

export const COMPARE_COMMAND: CliCommand = { usage: USAGE, run: runCompare };
