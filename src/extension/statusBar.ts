import * as vscode from 'vscode';
import { statusSummary } from '../presentation/drawnCounts';
import type { ShownFindings } from './shownFindings';

/** Counts of the hints drawn across the workspace, as the Problems panel and the gutter show them; a click opens the scorecard. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rustReview.status', vscode.StatusBarAlignment.Left, 10);

  constructor(
    private readonly shown: ShownFindings,
    command: string,
  ) {
    this.item.name = 'Rust Review';
    this.item.command = command;
    this.item.text = '$(checklist) Rust Review';
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  /** Shows the current counts; while they are being counted, the last ones stay (ShownFindings says when it is done). */
  update(): void {
    const totals = this.shown.totals();
    if (!totals) return;
    const { text, tooltip } = statusSummary(totals);
    this.item.text = text;
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
