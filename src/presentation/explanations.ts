/** The explanations of signals: a finding's hover, and the page each diagnostic's code links to. */
import { CATEGORY_TITLES, type Finding, type SignalInfo } from '../analysis/model';
import { signalById, SIGNALS } from '../analysis/signals';

const CONTEXT_NOTE: Record<Finding['context'], string> = {
  code: '',
  test: 'In test code, where panics and prints are expected more often.',
  bench: 'In a benchmark.',
  example: 'In an example.',
  build: 'In the build script (`build.rs`).',
};

/**
 * The hover for a finding, as Markdown: what it is, why it matters for the hire, and what to ask.
 * The message of a finding drawn as a diagnostic is left out (`withMessage` false): VS Code's own
 * hover of the diagnostic shows it just above, and would show it twice.
 */
export function findingHoverMarkdown(finding: Finding, withMessage: boolean): string {
  const signal = signalById(finding.rule);
  let markdown = `**${CATEGORY_TITLES[finding.category]}** · ${finding.polarity} · \`${finding.rule}\`\n\n`;
  if (withMessage) markdown += `${finding.message}\n\n`;
  if (signal) {
    markdown += `${signal.explanation}\n\n`;
    markdown += `**Ask the candidate:** ${signal.question}\n\n`;
  }
  const note = CONTEXT_NOTE[finding.context];
  if (note) markdown += `_${note}_\n`;
  return markdown;
}

function signalPage(signal: SignalInfo): string {
  return [
    `# ${signal.id}`,
    '',
    `${CATEGORY_TITLES[signal.category]} · ${signal.polarity}`,
    '',
    `${signal.message}`,
    '',
    signal.explanation,
    '',
    `**Ask the candidate:** ${signal.question}`,
    '',
  ].join('\n');
}

/** The Markdown page of the signal with this id, or of the signals known when there is none. */
export function explanationDocument(id: string): string {
  const signal = signalById(id);
  return signal ? signalPage(signal) : `# Unknown signal \`${id}\`\n\nKnown signals: ${SIGNALS.map((s) => s.id).join(', ')}\n`;
}
