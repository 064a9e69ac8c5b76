/**
 * Follow-up questions drawn from how the candidate worked, in the tone of the questions drawn from
 * their code: name what the history shows, then ask for the reasoning behind it. Plain text, with
 * no Markdown, since a commit message is the candidate's and the export escapes it.
 */
import type { HistoryAvailable } from '../history/model';
import { commitNumber, durationText, isFarOverTimeBox, linesChanged, quotedSubject } from './historyFacts';

/** Questions about the history, the most telling first: a dump, a span far over the time-box, when tests came, the messages. */
export function historyQuestions(history: HistoryAvailable, expectedHours: number | undefined): string[] {
  const { commits, summary } = history;
  const questions: string[] = [];
  const total = commits.reduce((sum, commit) => sum + linesChanged(commit), 0);
  if (commits.length === 1) {
    questions.push('The whole project arrived in one commit — how did you work up to it, and what did your first working version look like?');
  }
  for (const id of summary.dumps) {
    const dump = commits.find((commit) => commit.id === id);
    if (!dump) continue;
    questions.push(
      `Commit ${commitNumber(history, id)}, ${quotedSubject(dump.message)}, changed ${linesChanged(dump).toLocaleString('en-US')} of the ${total.toLocaleString('en-US')} lines in one step — what made you change approach, and how did you check that nothing broke?`,
    );
  }
  if (expectedHours !== undefined && summary.spanHours !== undefined && isFarOverTimeBox(summary.spanHours, expectedHours)) {
    questions.push(
      `The commits span ${durationText(summary.spanHours)} against a time-box of ${durationText(expectedHours)} — how did your time on it break down, and what would you have left out to fit the time-box?`,
    );
  }
  if (summary.tests === 'at-the-end') {
    questions.push('The tests came in the last commits, after the code — how did you check that the code worked while you were writing it?');
  } else if (summary.tests === 'none' && commits.length > 0) {
    questions.push('No commit added or changed a test — how did you convince yourself that the code works, and what would you test first?');
  }
  if (commits.length >= 3 && summary.vagueMessages.length * 2 >= commits.length) {
    questions.push(`${summary.vagueMessages.length} of the ${commits.length} commit messages say little — pick one of those commits and tell me what it changed and why.`);
  }
  return questions;
}
