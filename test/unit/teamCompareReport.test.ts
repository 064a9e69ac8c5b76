import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanReport } from '../../src/analysis/model';
import { NODE_GIT_FS } from '../../src/cli/nodeGitFs';
import { scanDirectory } from '../../src/cli/scan';
import { readRepositoryHistory } from '../../src/history/repositoryHistory';
import { DEFAULT_RUBRIC } from '../../src/rubric/defaultRubric';
import { reviewToJson, reviewToMarkdown } from '../../src/rubric/export';
import { parseReview, type Review } from '../../src/rubric/review';
import { compareCandidates, reviewsOf, type CandidateAnalysis } from '../../src/team/compare';
import { formatComparison } from '../../src/team/compareFormats';
import { reportContext } from '../../src/team/report';

const FIXTURES = path.resolve('test/fixtures');
const GOLDEN = path.join(FIXTURES, 'team');
const DATE = new Date('2026-12-01T12:00:00Z');

/**
 * Each output is checked against its golden file. After a deliberate change to the rules or the
 * formats, `UPDATE_GOLDEN=1 npm run test:unit` rewrites them; review the diff before committing.
 */
function checkGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  strictEqual(actual, readFileSync(file, 'utf8'));
}

function fixtureReviews(): Review[] {
  const folder = path.join(GOLDEN, 'reviews');
  return readdirSync(folder)
    .sort()
    .map((name) => {
      const parsed = parseReview(JSON.parse(readFileSync(path.join(folder, name), 'utf8')));
      if ('error' in parsed) throw new Error(`${name}: ${parsed.error}`);
      return parsed.review;
    });
}

function sourceOf(root: string) {
  return (file: string, startLine: number, endLine: number) => readFileSync(path.join(root, file), 'utf8').split('\n').slice(startLine, endLine + 1).join('\n');
}

describe('team review: candidates compared and the scorecard report, over the two samples', () => {
  const samples = ['careless-takehome', 'careful-takehome'];
  const reports = new Map<string, ScanReport>();
  let reviews: Review[];
  before(async () => {
    for (const sample of samples) reports.set(sample, await scanDirectory(path.join(FIXTURES, sample), { includeTests: true, threads: 0, bundleDir: path.resolve('dist') }));
    reviews = fixtureReviews();
  });

  const candidates = (): CandidateAnalysis[] =>
    samples.map((sample) => {
      const report = reports.get(sample)!;
      return { label: sample, findings: report.findings, codeLines: report.project.codeLines, reviews: reviewsOf({ folderName: sample }, reviews) };
    });

  it('finds each candidate\'s reviews by the folder\'s name, or by the remote when both record one', () => {
    deepStrictEqual(reviewsOf({ folderName: 'careful-takehome' }, reviews).map((r) => r.reviewer), ['Ann Example', 'Bob Example']);
    const remote = { ...reviews[0], repository: { name: 'renamed', remote: 'git@github.com:x/careful.git' } };
    const other = { ...reviews[0], repository: { name: 'careful-takehome', remote: 'git@github.com:y/careful.git' } };
    // The same remote in another form; a review without a remote, by its name; another remote, not at all.
    deepStrictEqual(reviewsOf({ folderName: 'careful-takehome', remote: 'https://github.com/x/careful' }, [remote, reviews[1], other, reviews[2]]), [remote, reviews[1]]);
  });

  it('puts one row per candidate: code lines, tests, and each category\'s suggestion, telling concern and reviewers\' levels', () => {
    const comparison = compareCandidates(DEFAULT_RUBRIC, candidates());
    const [careless, careful] = comparison.rows;
    deepStrictEqual([careless.codeLines, careless.tests, careful.codeLines, careful.tests], [405, 2, 846, 15]);
    deepStrictEqual(careless.categories['error-handling'].concern?.rule, 'todo');
    deepStrictEqual(careful.categories.async.reviewed, [{ reviewer: 'Ann Example', level: 'yes' }, { reviewer: 'Bob Example', level: 'strong-no' }]);
    checkGolden('compare.golden.md', formatComparison(comparison, 'markdown'));
    checkGolden('compare.golden.csv', formatComparison(comparison, 'csv'));
    checkGolden('compare.golden.json', formatComparison(comparison, 'json'));
  });

  it('writes CSV that a hostile name cannot break or turn into a formula', () => {
    const hostile = ['=HYPERLINK("http://x","click")', 'a,b\n"quoted"', '+1', '@SUM(A1)', '-2'];
    const comparison = compareCandidates(DEFAULT_RUBRIC, hostile.map((label) => ({ label, findings: [], codeLines: 0, reviews: [] })));
    const firstColumn = formatComparison(comparison, 'csv')
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.slice(0, line.indexOf(',0,0,')));
    deepStrictEqual(firstColumn.slice(0, 1), [`"'=HYPERLINK(""http://x"",""click"")"`]);
    ok(formatComparison(comparison, 'csv').includes(`\r\n"a,b\n""quoted""",0,0,`));
    deepStrictEqual(firstColumn.slice(2), [`'+1`, `'@SUM(A1)`, `'-2`]);
  });

  it('prints the hiring scorecard Copy Review produces, the analysis filling in what no review gives, and why there is no history', async () => {
    const root = path.join(FIXTURES, 'careless-takehome');
    const report = reports.get('careless-takehome')!;
    const context = reportContext({
      rubric: DEFAULT_RUBRIC,
      repository: { name: 'careless-takehome' },
      findings: report.findings,
      codeLines: report.project.codeLines,
      date: DATE,
      source: sourceOf(root),
      history: await readRepositoryHistory(NODE_GIT_FS, path.resolve(root)),
    });
    checkGolden('report-careless.golden.md', reviewToMarkdown(context));
  });

  it('keeps what the review says and fills in only the categories it leaves open', async () => {
    const root = path.join(FIXTURES, 'careful-takehome');
    const report = reports.get('careful-takehome')!;
    const review = reviews.find((r) => r.reviewer === 'Ann Example' && r.repository.name === 'careful-takehome')!;
    const context = reportContext({
      rubric: DEFAULT_RUBRIC,
      repository: { name: 'careful-takehome' },
      findings: report.findings,
      codeLines: report.project.codeLines,
      review,
      date: DATE,
      source: sourceOf(root),
      history: await readRepositoryHistory(NODE_GIT_FS, path.resolve(root)),
    });
    strictEqual(context.reviewer, 'Ann Example');
    deepStrictEqual(context.review.categories['error-handling'], review.categories['error-handling']);
    ok(context.review.categories.lifetimes.notes.startsWith('_Not assessed by a reviewer._ The analysis suggests **Yes**: '));
    checkGolden('report-careful.golden.md', reviewToMarkdown(context));
    checkGolden('report-careful.golden.json', reviewToJson(context));
  });
});
