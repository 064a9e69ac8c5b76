import * as vscode from 'vscode';
import type { Finding } from '../analysis/model';
import type { Rubric } from '../rubric/model';
import { hoverMarkdown } from './explanations';
import { toRange } from './hints';
import type { ShownFindings } from './shownFindings';

export const RUST_SELECTOR: vscode.DocumentSelector = [{ language: 'rust' }, { pattern: '**/*.rs' }];

/** Arguments of the commands the code actions run; plain data so they survive serialisation. */
export interface PinRequest {
  uri: string;
  range: [number, number, number, number];
  categoryId?: string;
  signal?: string;
  message?: string;
}

export const PIN_COMMAND = 'rustReview.pinEvidence';
export const NOTE_COMMAND = 'rustReview.addNote';

export function rubricCategoryOf(rubric: Rubric, signal: string): Rubric['categories'][number] | undefined {
  return rubric.categories.find((c) => c.signals.includes(signal));
}

function rangeArgs(range: vscode.Range): PinRequest['range'] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/**
 * Hovers with the explanation and the question to ask, on every shown finding under the cursor;
 * the message too, unless VS Code's hover of the finding's diagnostic already shows it.
 */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly shown: ShownFindings,
    /** Blind review's masking of what the hover shows. */
    private readonly disclose: (text: string) => string,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const onLine = this.shown.placedOnLines(document.uri, [[position.line, position.line]]);
    const here = onLine.filter((f) => toRange(f).contains(position));
    if (here.length === 0) return undefined;
    return new vscode.Hover(here.map((finding) => hoverMarkdown(finding, !this.shown.isDiagnostic(finding), this.disclose)), toRange(here[0]));
  }
}

/** "Add as evidence to <category>" on every hint in the range, and "Add review note…" on any selection. */
export class EvidenceActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly shown: ShownFindings,
    private readonly rubric: () => Rubric,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const rubric = this.rubric();
    const onLines = this.shown.placedOnLines(document.uri, [[range.start.line, range.end.line]]);
    const findings: Finding[] = onLines.filter((f) => toRange(f).intersection(range) !== undefined);
    for (const finding of findings) {
      const category = rubricCategoryOf(rubric, finding.rule);
      if (!category) continue;
      const action = new vscode.CodeAction(`Add as evidence to ${category.title}: ${finding.rule}`, vscode.CodeActionKind.QuickFix);
      const request: PinRequest = {
        uri: document.uri.toString(),
        range: rangeArgs(toRange(finding)),
        categoryId: category.id,
        signal: finding.rule,
        message: finding.message,
      };
      action.command = { command: PIN_COMMAND, title: action.title, arguments: [request] };
      actions.push(action);
    }
    if (!range.isEmpty) {
      const action = new vscode.CodeAction('Add review note…', vscode.CodeActionKind.QuickFix);
      const request: PinRequest = { uri: document.uri.toString(), range: rangeArgs(range) };
      action.command = { command: NOTE_COMMAND, title: action.title, arguments: [request] };
      actions.push(action);
    }
    return actions;
  }
}
