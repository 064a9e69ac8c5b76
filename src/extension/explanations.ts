import * as vscode from 'vscode';
import { CATEGORY_TITLES, type Finding } from '../analysis/model';
import { signalById, SIGNALS } from '../analysis/signals';
import type { SignalInfo } from '../analysis/model';
import { SIGNAL_SCHEME } from './hints';

const CONTEXT_NOTE: Record<Finding['context'], string> = {
  code: '',
  test: 'In test code, where panics and prints are expected more often.',
  bench: 'In a benchmark.',
  example: 'In an example.',
  build: 'In the build script (`build.rs`).',
};

/**
 * The hover for a finding: what it is, why it matters for the hire, and what to ask. The message
 * of a finding drawn as a diagnostic is left out (`withMessage` false): VS Code's own hover of the
 * diagnostic shows it just above, and would show it twice.
 */
export function hoverMarkdown(finding: Finding, withMessage: boolean): vscode.MarkdownString {
  const signal = signalById(finding.rule);
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown(`**${CATEGORY_TITLES[finding.category]}** · ${finding.polarity} · \`${finding.rule}\`\n\n`);
  if (withMessage) markdown.appendMarkdown(`${finding.message}\n\n`);
  if (signal) {
    markdown.appendMarkdown(`${signal.explanation}\n\n`);
    markdown.appendMarkdown(`**Ask the candidate:** ${signal.question}\n\n`);
  }
  const note = CONTEXT_NOTE[finding.context];
  if (note) markdown.appendMarkdown(`_${note}_\n`);
  return markdown;
}

function explanationDocument(signal: SignalInfo): string {
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

/** Serves `rust-review-signal:/<id>.md`, the target of each diagnostic's code. */
export class ExplanationProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const signal = signalById(id);
    return signal ? explanationDocument(signal) : `# Unknown signal \`${id}\`\n\nKnown signals: ${SIGNALS.map((s) => s.id).join(', ')}\n`;
  }
}

export function registerExplanations(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SIGNAL_SCHEME, new ExplanationProvider());
}
