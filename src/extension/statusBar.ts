import * as vscode from 'vscode';
import type { HintRenderer } from './hints';

/** Counts of concerns and strengths across the workspace; a click opens the scorecard. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rustReview.status', vscode.StatusBarAlignment.Left, 10);

  constructor(
    private readonly hints: HintRenderer,
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

  /** Shows the current counts; while they are being counted, the last ones stay (the renderer says when it is done). */
  update(): void {
    const totals = this.hints.totals();
    if (!totals) return;
    const { concerns, strengths } = totals;
    this.item.text = `$(checklist) $(warning) ${concerns}  $(pass) ${strengths}`;
    this.item.tooltip = `Rust Review: ${concerns} concerns and ${strengths} strengths shown. Click to open the scorecard.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
