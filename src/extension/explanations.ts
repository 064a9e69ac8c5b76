import * as vscode from 'vscode';
import type { Finding } from '../analysis/model';
import { explanationDocument, findingHoverMarkdown } from '../presentation/explanations';
import { SIGNAL_SCHEME } from './hints';

/** The hover for a finding (see src/presentation/explanations.ts), through `disclose` (blind review's masking). */
export function hoverMarkdown(finding: Finding, withMessage: boolean, disclose: (text: string) => string): vscode.MarkdownString {
  return new vscode.MarkdownString(disclose(findingHoverMarkdown(finding, withMessage)));
}

/** Serves `rust-review-signal:/<id>.md`, the target of each diagnostic's code. */
export class ExplanationProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    return explanationDocument(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
  }
}

export function registerExplanations(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SIGNAL_SCHEME, new ExplanationProvider());
}
