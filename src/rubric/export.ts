import type { RepositoryHistory } from '../history/model';
import { blindRecordWords } from './blindRecord';
import { webRepositoryUrl } from './gitRefs';
import { historyJson, historyMarkdown } from './historyExport';
import { timeBoxHours } from './historyFacts';
import { codeBlock, codeSpan, dedent, escapeMarkdown } from './markdown';
import { LEVEL_TITLES, type Rubric } from './model';
import type { PinnedEvidence, Review } from './review';
import { unassessed, weightedScore, type CategoryEvidence } from './scoring';
import { MAX_STATEMENT_LINES, statementLines } from './statement';
import { plural } from './text';

/** Everything an export needs besides the review itself: all of it plain data. */
export interface ExportContext {
  review: Review;
  rubric: Rubric;
  reviewer: string;
  date: Date;
  /** The analysis evidence per rubric category id. */
  evidence: ReadonlyMap<string, CategoryEvidence>;
  /** The source lines of a range (zero-based, inclusive), when the file can be read. */
  source: (file: string, startLine: number, endLine: number) => string | undefined;
  /** The repository's history and baseline, once read. */
  history?: RepositoryHistory;
}

/** How many analysis locations the Markdown lists per category, each with its code. */
export const QUOTED_LOCATIONS = 3;


/** A link to the exact lines at the reviewed commit, for GitHub and GitLab remotes. */
export function permalink(remote: string | undefined, commit: string | undefined, file: string, startLine: number, endLine: number): string | undefined {
  const web = webRepositoryUrl(remote);
  if (!web || !commit) return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  const [from, to] = [startLine + 1, endLine + 1];
  if (web.host === 'github') return `${web.base}/blob/${commit}/${path}#L${from}${to > from ? `-L${to}` : ''}`;
  return `${web.base}/-/blob/${commit}/${path}#L${from}${to > from ? `-${to}` : ''}`;
}

function locationLabel(file: string, startLine: number, endLine: number): string {
  return `${file}:${startLine + 1}${endLine > startLine ? `-${endLine + 1}` : ''}`;
}

function countsLine(evidence: CategoryEvidence): string {
  const { concern, strength, info } = evidence.counts;
  const own = [plural(concern.code, 'concern', 'concerns'), plural(strength.code, 'strength', 'strengths'), `${info.code} info`].join(', ');
  const inTests = concern.test + strength.test + info.test;
  const tests = inTests > 0 ? `; in tests, benches and examples: ${[plural(concern.test, 'concern', 'concerns'), plural(strength.test, 'strength', 'strengths'), `${info.test} info`].join(', ')}` : '';
  return `${own} in the crate's own code${tests}`;
}

/**
 * The review as Markdown shaped like a hiring scorecard: who, what and when, the recommendation,
 * a table of the levels, then each category's notes, evidence and chosen questions. Text from the
 * repository (names, code) is fenced or escaped; the reviewer's own notes are kept as Markdown.
 */
export function reviewToMarkdown(context: ExportContext): string {
  const { review, rubric } = context;
  const link = (file: string, start: number, end: number) => {
    const label = codeSpan(locationLabel(file, start, end));
    const url = permalink(review.repository.remote, review.commit, file, start, end);
    return url ? `[${label}](${url})` : label;
  };
  // The whole statement around a finding, read from the lines near it.
  const snippetOf = (file: string, start: number, end: number) => {
    const from = Math.max(0, start - MAX_STATEMENT_LINES);
    const near = context.source(file, from, end + MAX_STATEMENT_LINES);
    if (near === undefined) return [];
    const lines = near.split('\n');
    const statement = statementLines(lines, start - from, end - from);
    const text = lines.slice(statement.startLine, statement.endLine + 1).join('\n');
    return [codeBlock(dedent(text), 'rust').replace(/^/gm, '  ')];
  };
  const out: string[] = [`# Rust take-home review: ${escapeMarkdown(review.repository.name)}`, ''];
  out.push(`- **Repository:** ${escapeMarkdown(review.repository.name)}${review.repository.remote ? ` (${codeSpan(review.repository.remote)})` : ''}`);
  out.push(`- **Commit:** ${review.commit ? codeSpan(review.commit) : '_not a git repository_'}`);
  out.push(`- **Reviewer:** ${context.reviewer ? escapeMarkdown(context.reviewer) : '_not set_'}`);
  if (review.blind) out.push(`- **Blind review:** ${blindRecordWords(review.blind)}`);
  out.push(`- **Date:** ${context.date.toISOString().slice(0, 10)}`);
  out.push(`- **Rubric:** ${escapeMarkdown(rubric.title)} (${codeSpan(review.rubric.id)} ${escapeMarkdown(review.rubric.version)})`, '');

  out.push(`## Recommendation: ${review.recommendation ? LEVEL_TITLES[review.recommendation] : 'not decided'}`, '');
  const score = weightedScore(review, rubric);
  if (score !== undefined) out.push(`Weighted score: ${score.toFixed(2)} / 4 (a hint from the category levels; the recommendation is the reviewer's own).`, '');
  const missing = unassessed(review, rubric);
  if (missing.length > 0) out.push(`> **Incomplete review.** Not assessed yet: ${missing.map((c) => escapeMarkdown(c.title)).join(', ')}.`, '');
  if (review.summary.trim()) out.push(review.summary.trim(), '');

  out.push('## Scorecard', '', '| Category | Weight | Level |', '| --- | ---: | --- |');
  for (const category of rubric.categories) {
    const level = review.categories[category.id]?.level;
    out.push(`| ${escapeMarkdown(category.title)} | ${category.weight} | ${level ? LEVEL_TITLES[level] : 'Not assessed'} |`);
  }
  out.push('');
  out.push(...historyMarkdown(review, context.history, timeBoxHours(rubric, context.history?.history)));

  for (const category of rubric.categories) {
    const state = review.categories[category.id];
    out.push(`## ${escapeMarkdown(category.title)}: ${state?.level ? LEVEL_TITLES[state.level] : 'Not assessed'}`, '');
    out.push(state?.notes.trim() ? state.notes.trim() : '_No notes._', '');
    const evidence = context.evidence.get(category.id);
    if (evidence && evidence.findings.length > 0) {
      out.push(`**Evidence from the analysis:** ${countsLine(evidence)}.`, '');
      for (const finding of evidence.findings.slice(0, QUOTED_LOCATIONS)) {
        const { start, end } = finding.range;
        out.push(`- ${link(finding.file, start.line, end.line)} ${finding.message}${finding.context === 'code' ? '' : ` (${finding.context})`}`);
        out.push(...snippetOf(finding.file, start.line, end.line));
      }
      out.push('');
    }
    const pinned = review.evidence.filter((e) => e.categoryId === category.id);
    if (pinned.length > 0) {
      out.push('**Pinned evidence:**', '');
      for (const item of pinned) out.push(...pinnedLines(item, review, link));
      out.push('');
    }
    if (state && state.questions.length > 0) {
      out.push('**Follow-up questions:**', '', ...state.questions.map((q) => `- ${q}`), '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function pinnedLines(item: PinnedEvidence, review: Review, link: (file: string, start: number, end: number) => string): string[] {
  const { startLine, endLine } = item.range;
  const about = item.note ? ` ${item.note}` : item.message ? ` ${item.message}` : '';
  const older = item.commit && review.commit && item.commit !== review.commit ? ` _(pinned at commit ${codeSpan(item.commit.slice(0, 7))}, older than the one reviewed)_` : '';
  return [`- ${link(item.file, startLine, endLine)}${about}${older}`, codeBlock(dedent(item.snippet), 'rust').replace(/^/gm, '  ')];
}

/**
 * The review as JSON, importable again; the analysis summary and the history's (with the baseline)
 * ride along for a second reviewer to compare.
 */
export function reviewToJson(context: ExportContext): string {
  const analysis = Object.fromEntries([...context.evidence].map(([id, evidence]) => [id, evidence.counts]));
  const exported = {
    ...context.review,
    reviewer: context.reviewer,
    exportedAt: context.date.toISOString(),
    weightedScore: weightedScore(context.review, context.rubric),
    analysis,
    history: historyJson(context.history),
  };
  return `${JSON.stringify(exported, null, 2)}\n`;
}
