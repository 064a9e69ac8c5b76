import { stringify } from 'csv-stringify/sync';
import { codeSpan, escapeMarkdown as md } from '../rubric/markdown';
import { LEVEL_TITLES, type Level } from '../rubric/model';
import type { CandidateBaseline, CompareCell, Comparison, TellingConcern } from './compare';

export const COMPARE_FORMATS = ['markdown', 'json', 'csv'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

const levelWords = (level: Level | undefined) => (level ? LEVEL_TITLES[level] : '—');
const concernWords = (c: TellingConcern) => `${c.rule} at ${c.file}:${c.line}: ${c.message}`;
const reviewedWords = (cell: CompareCell) => cell.reviewed.map((r) => `${r.reviewer}: ${r.level ? LEVEL_TITLES[r.level] : 'not assessed'}`).join('; ');

const tableText = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A row's baseline in words: since which, and how many of the starter's findings were left out, or why there was none. */
function baselineWords(baseline: CandidateBaseline | undefined): string {
  if (!baseline) return '';
  if ('problem' in baseline) return `none (${baseline.problem}): every line counts`;
  return `${baseline.label}, ${baseline.findingsLeftOut} of the starter's findings left out`;
}

/** A level cell: the suggestion, and beside it the levels the reviewers gave. */
function levelCell(cell: CompareCell): string {
  const reviewed = cell.reviewed.length > 0 ? ` (${cell.reviewed.map((r) => `${md(r.reviewer)}: ${r.level ? LEVEL_TITLES[r.level] : '—'}`).join(', ')})` : '';
  return `${levelWords(cell.suggested)}${reviewed}`;
}

/**
 * The comparison as Markdown: one table with a row per candidate and each category's suggested
 * level (and the reviewers' levels beside it), then a table per category with each candidate's
 * reason and most telling concern. Candidates' names and file names are escaped or in code spans.
 */
function toMarkdown(comparison: Comparison): string {
  const { rubric, rows } = comparison;
  const out = [`# Candidates compared: ${md(rubric.title)}`, ''];
  out.push('Suggested levels from the analysis (reviewers\' levels in brackets); the reviewers decide.', '');
  if (comparison.baseline) out.push(`> ${md(comparison.baseline)}`, '');
  out.push(`| Candidate | Lines of code | Tests | ${rubric.categories.map((c) => md(c.title)).join(' | ')} |`);
  out.push(`| --- | ---: | ---: | ${rubric.categories.map(() => '---').join(' | ')} |`);
  for (const row of rows) {
    out.push(`| ${md(row.candidate)} | ${row.codeLines} | ${row.tests} | ${rubric.categories.map((c) => levelCell(row.categories[c.id])).join(' | ')} |`);
  }
  out.push('');
  if (comparison.baseline) {
    out.push('| Candidate | Baseline |', '| --- | --- |', ...rows.map((row) => `| ${md(row.candidate)} | ${tableText(md(baselineWords(row.baseline)))} |`), '');
  }
  for (const category of rubric.categories) {
    out.push(`## ${md(category.title)}`, '', '| Candidate | Suggested | Why | Most telling concern |', '| --- | --- | --- | --- |');
    for (const row of rows) {
      const cell = row.categories[category.id];
      // Reasons and messages come from the signal catalogue, their code spans holding identifiers
      // and paths, as in the scan's Markdown; only a table's `|` is escaped. A concern's file is in a code span.
      const concern = cell.concern ? `${codeSpan(`${cell.concern.file}:${cell.concern.line}`)} ${tableText(cell.concern.message)}` : '—';
      out.push(`| ${md(row.candidate)} | ${levelWords(cell.suggested)} | ${tableText(cell.reason)} | ${concern} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * The comparison as CSV (RFC 4180, by csv-stringify): one row per candidate, four columns per
 * category. A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) is
 * quoted with a leading `'`, so a hostile folder name cannot run one.
 */
function toCsv(comparison: Comparison): string {
  const { rubric, rows } = comparison;
  // With a baseline, what each row counts since is a column of its own.
  const baseline = comparison.baseline ? [comparison.baseline] : [];
  const header = ['candidate', 'code lines', 'tests', ...baseline, ...rubric.categories.flatMap((c) => [`${c.id} suggested`, `${c.id} reason`, `${c.id} most telling concern`, `${c.id} reviewed`])];
  const records = rows.map((row) => [
    row.candidate,
    row.codeLines,
    row.tests,
    ...(comparison.baseline ? [baselineWords(row.baseline)] : []),
    ...rubric.categories.flatMap((c) => {
      const cell = row.categories[c.id];
      return [cell.suggested ?? '', cell.reason, cell.concern ? concernWords(cell.concern) : '', reviewedWords(cell)];
    }),
  ]);
  return stringify([header, ...records], { escape_formulas: true, record_delimiter: 'windows' });
}

export function formatComparison(comparison: Comparison, format: CompareFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(comparison, null, 2)}\n`;
    case 'csv':
      return toCsv(comparison);
    case 'markdown':
      return toMarkdown(comparison);
  }
}
