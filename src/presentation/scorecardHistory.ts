/**
 * The view model of the scorecard's "How they worked" card: the history on a timeline, what it
 * says, the commits the reviewer pinned, the questions it raises, and the baseline with what the
 * candidate changed since. Pure, like the rest of the scorecard's view model.
 */
import type { HistoryAvailable, RepositoryHistory } from '../history/model';
import { baselineLabel, changeCounts, commitNumber, commitSubject, historyFacts, linesChanged, timeText } from '../rubric/historyFacts';
import { historyQuestions } from '../rubric/historyQuestions';
import type { RecordedBaseline, Review } from '../rubric/review';
import type { BaselineView, ChangedFileView, CommitView, HistoryCardView, HistoryState, QuestionView } from './scorecardView';
import { plural } from '../rubric/text';

/** The most commits the timeline draws and the panel is sent: the latest ones. A take-home has tens. */
export const MAX_TIMELINE_COMMITS = 200;

/** Where each commit sits on the timeline, by time; evenly when the times cannot place them (one instant, or unreadable). */
function positions(times: number[]): number[] {
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  if (times.some(Number.isNaN) || !(span > 0)) return times.map((_, i) => (times.length > 1 ? i / (times.length - 1) : 0.5));
  return times.map((time) => (time - first) / span);
}

function timeline(history: HistoryAvailable, pinned: ReadonlySet<string>): CommitView[] {
  const shown = history.commits.slice(-MAX_TIMELINE_COMMITS);
  const largest = Math.max(1, ...shown.map(linesChanged));
  const at = positions(shown.map((commit) => Date.parse(commit.time)));
  const dumps = new Set(history.summary.dumps);
  const vague = new Set(history.summary.vagueMessages);
  const before = history.commits.length - shown.length;
  return shown.map((commit, i) => ({
    id: commit.id,
    number: before + i + 1,
    subject: commitSubject(commit.message),
    time: timeText(commit.time),
    at: at[i],
    files: commit.files,
    insertions: commit.insertions,
    deletions: commit.deletions,
    sizeUnknown: commit.sizeUnknown === true,
    size: linesChanged(commit) / largest,
    dump: dumps.has(commit.id),
    tests: commit.testFiles > 0,
    vague: vague.has(commit.id),
    pinned: pinned.has(commit.id),
  }));
}

function historyState(repository: RepositoryHistory | undefined, expectedHours: number | undefined, pinned: ReadonlySet<string>): HistoryState {
  if (!repository) return { state: 'reading' };
  const { history } = repository;
  if (!history.available) return { state: 'unavailable', reason: history.reason };
  const commits = timeline(history, pinned);
  const earlier = history.commits.length - commits.length;
  const span = history.summary.spanHours;
  // The timeline starts at the first commit only when it shows them all.
  const timeBoxAt = earlier === 0 && span !== undefined && expectedHours !== undefined && span > expectedHours ? expectedHours / span : undefined;
  return {
    state: 'available',
    commits,
    earlier,
    description: timelineDescription(commits, earlier, timeBoxAt),
    ...(timeBoxAt === undefined ? {} : { timeBoxAt }),
    facts: historyFacts(history, expectedHours),
  };
}

/** The timeline in words: how many commits, from when to when, which stand out. */
function timelineDescription(commits: CommitView[], earlier: number, timeBoxAt: number | undefined): string {
  if (commits.length === 0) return 'No commits.';
  const first = commits[0];
  const last = commits[commits.length - 1];
  const sentences = [`${plural(commits.length, 'commit', 'commits')}${earlier > 0 ? ` (the latest; ${earlier.toLocaleString('en-US')} earlier ones are left off)` : ''}, from ${first.time} to ${last.time}.`];
  const dumps = commits.filter((commit) => commit.dump);
  if (dumps.length > 0) sentences.push(`${dumps.map((commit) => `Commit ${commit.number}`).join(' and ')} stands out, with at least half of the lines changed.`);
  const withTests = commits.filter((commit) => commit.tests).map((commit) => commit.number);
  sentences.push(withTests.length > 0 ? `Tests changed in ${withTests.length === 1 ? 'commit' : 'commits'} ${withTests.join(', ')}.` : 'No commit changed a test.');
  if (timeBoxAt !== undefined) sentences.push(`The time-box ends ${Math.round(timeBoxAt * 100)}% of the way along.`);
  return sentences.join(' ');
}

/** The baseline in force, else the one the review was scored against (while the history is read, or once it is gone), else the proposal. */
function baselineView(repository: RepositoryHistory | undefined, recorded: RecordedBaseline | undefined): BaselineView | undefined {
  if (repository?.baseline) {
    const changed = (repository.changes ?? []).filter((change) => change.status !== 'unchanged');
    const files: ChangedFileView[] = changed.map((change) => {
      const status = change.status as ChangedFileView['status'];
      const line = change.candidateLines[0]?.start ?? 0;
      return {
        file: change.path,
        status,
        added: change.added,
        removed: change.removed,
        ...(status === 'removed' ? {} : { location: { file: change.path, line, character: 0, endLine: line, endCharacter: 0 } }),
      };
    });
    const changes = repository.changes && { ...changeCounts(repository.changes), files };
    return { state: 'in-force', label: baselineLabel(repository.baseline), ...(changes ? { changes } : {}) };
  }
  if (recorded) return { state: 'recorded', label: recorded.label };
  if (repository?.proposal) return { state: 'proposed', label: baselineLabel(repository.proposal.baseline), reason: repository.proposal.reason };
  return undefined;
}

/** The "How they worked" card, from what is known of the history (undefined while it is read) and the review. */
export function historyCardView(repository: RepositoryHistory | undefined, review: Review, expectedHours: number | undefined): HistoryCardView {
  const pinnedCommits = review.commits ?? [];
  const pinnedIds = new Set(pinnedCommits.map((commit) => commit.commit));
  const history = repository?.history.available ? repository.history : undefined;
  const offered = history ? historyQuestions(history, expectedHours) : [];
  const chosen = review.historyQuestions ?? [];
  // A chosen question stays listed when the history that raised it is gone or has changed.
  const questions: QuestionView[] = [...offered, ...chosen.filter((text) => !offered.includes(text))].map((text) => ({ text, chosen: chosen.includes(text) }));
  const baseline = baselineView(repository, review.baseline);
  return {
    history: historyState(repository, expectedHours, pinnedIds),
    pinned: pinnedCommits.map((commit) => {
      const number = history ? commitNumber(history, commit.commit) : 0;
      return {
        id: commit.commit,
        ...(number > 0 ? { number } : {}),
        subject: commit.subject,
        time: timeText(commit.time),
        files: commit.files,
        insertions: commit.insertions,
        deletions: commit.deletions,
      };
    }),
    questions,
    ...(baseline ? { baseline } : {}),
  };
}
