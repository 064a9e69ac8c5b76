import * as vscode from 'vscode';
import type { HistoryReader } from './historyReader';
import type { HistoryStore } from './historyStore';

/**
 * Dims the starter's lines in the visible editors (`rustReview.starterFindings`: "dim"), so that
 * the candidate's own lines, and the hints on them, stand out. Redrawn when the history or the
 * baseline changes and when editors come into view.
 */
export class StarterDimming implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({ opacity: '0.55', isWholeLine: true });
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly reader: HistoryReader,
    store: HistoryStore,
  ) {
    this.subscriptions = [store.onDidChange(() => this.redraw()), vscode.window.onDidChangeVisibleTextEditors(() => this.redraw())];
  }

  redraw(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const ranges: vscode.Range[] = [];
      for (const line of this.reader.starterLinesOf(editor.document.uri, editor.document.lineCount)) {
        const last = ranges.at(-1);
        if (last && last.end.line === line - 1) ranges[ranges.length - 1] = new vscode.Range(last.start, new vscode.Position(line, 0));
        else ranges.push(new vscode.Range(line, 0, line, 0));
      }
      editor.setDecorations(this.type, ranges);
    }
  }

  dispose(): void {
    this.type.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
