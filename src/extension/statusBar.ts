import * as vscode from 'vscode';
import type { AnalysisHost } from './analysisHost';
import type { HintRenderer } from './hints';

/** Counts of concerns and strengths across the workspace; a click opens the scorecard. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rustReview.status', vscode.StatusBarAlignment.Left, 10);

  constructor(
    private readonly host: AnalysisHost,
    private readonly hints: HintRenderer,
    command: string,
  ) {
    this.item.name = 'Rust Review';
    this.item.command = command;
    this.item.text = '$(checklist) Rust Review';
    this.item.show();
  }

  update(): void {
    let concerns = 0;
    let strengths = 0;
    for (const { uri } of this.host.allFindings()) {
      for (const finding of this.hints.shown(uri)) {
        if (finding.polarity === 'concern') concerns++;
        else if (finding.polarity === 'strength') strengths++;
      }
    }
    this.item.text = `$(checklist) $(warning) ${concerns}  $(pass) ${strengths}`;
    this.item.tooltip = `Rust Review: ${concerns} concerns and ${strengths} strengths shown. Click to open the scorecard.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
