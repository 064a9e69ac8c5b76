/**
 * How the candidate worked, in the export: what the history says, the baseline and what the
 * candidate changed since, the commits the reviewer pinned and the questions chosen from the
 * history. Commit messages, tags and paths are the candidate's, so they are escaped or fenced.
 */
import type { RepositoryHistory } from '../history/model';
import { webRepositoryUrl } from './gitRefs';
import { baselineLabel, changeCounts, changesSummary, commitSize, HISTORY_CAVEAT, historyFacts, timeText } from './historyFacts';
import { codeSpan, escapeMarkdown } from './markdown';
import type { PinnedCommit, Review } from './review';

/** A link to a commit's page, for GitHub and GitLab remotes. */
function commitLink(remote: string | undefined, commit: string): string | undefined {
  const web = webRepositoryUrl(remote);
  if (!web) return undefined;
  return web.host === 'github' ? `${web.base}/commit/${commit}` : `${web.base}/-/commit/${commit}`;
}

function baselineLine(review: Review, repository: RepositoryHistory | undefined): string {
  if (repository?.baseline) {
    const changed = repository.changes ? ` The candidate changed ${escapeMarkdown(changesSummary(changeCounts(repository.changes)))}.` : '';
    return `**Baseline:** ${escapeMarkdown(baselineLabel(repository.baseline))}, in force: the lines unchanged since it are the starter's.${changed}`;
  }
  // Not in force now (the history not read, or the baseline gone), but the review was scored against it.
  if (review.baseline) return `**Baseline:** ${escapeMarkdown(review.baseline.label)}, as the review recorded it: the levels were chosen with the lines unchanged since it set apart as the starter's.`;
  if (repository?.proposal) {
    const { baseline, reason } = repository.proposal;
    return `**Baseline:** none in force; proposed: ${escapeMarkdown(baselineLabel(baseline))} (${escapeMarkdown(reason)}). Every line counts as the candidate's.`;
  }
  return "**Baseline:** none: every line counts as the candidate's.";
}

function pinnedLine(commit: PinnedCommit, review: Review): string {
  const short = codeSpan(commit.commit.slice(0, 7));
  const url = commitLink(review.repository.remote, commit.commit);
  const subject = commit.subject ? `“${escapeMarkdown(commit.subject)}”` : '_no message_';
  return `- ${url ? `[${short}](${url})` : short} ${timeText(commit.time)} ${subject} (${commitSize(commit)})`;
}

/** The Markdown section, or nothing when the history is unknown and the reviewer took nothing from it. */
export function historyMarkdown(review: Review, repository: RepositoryHistory | undefined, expectedHours: number | undefined): string[] {
  const pinned = review.commits ?? [];
  const questions = review.historyQuestions ?? [];
  if (!repository && pinned.length === 0 && questions.length === 0 && !review.baseline) return [];
  const out = ['## How they worked', '', `_${HISTORY_CAVEAT}_`, ''];
  const history = repository?.history;
  if (!history) out.push('The history was not read.', '');
  else if (!history.available) out.push(`History is not available: ${escapeMarkdown(history.reason)}`, '');
  else out.push(...historyFacts(history, expectedHours).map((fact) => `- **${fact.label}:** ${escapeMarkdown(fact.text)}${fact.notable ? ' _(worth asking about)_' : ''}`), '');
  out.push(baselineLine(review, repository), '');
  if (pinned.length > 0) out.push('**Pinned commits:**', '', ...pinned.map((commit) => pinnedLine(commit, review)), '');
  if (questions.length > 0) out.push('**Follow-up questions:**', '', ...questions.map((question) => `- ${escapeMarkdown(question)}`), '');
  return out;
}

/** The history's part of the JSON export: the summary or why there is none, the baseline and what changed since. */
export function historyJson(repository: RepositoryHistory | undefined): Record<string, unknown> | undefined {
  if (!repository) return undefined;
  const { history, baseline, proposal, changes } = repository;
  return {
    ...(history.available ? { available: true, summary: history.summary, ...(history.partial ? { partial: history.partial } : {}) } : { available: false, reason: history.reason }),
    ...(baseline ? { baseline } : {}),
    ...(proposal ? { proposal } : {}),
    ...(changes
      ? { changes: { ...changeCounts(changes), files: changes.filter((c) => c.status !== 'unchanged').map(({ path, status, added, removed }) => ({ path, status, added, removed })) } }
      : {}),
  };
}
