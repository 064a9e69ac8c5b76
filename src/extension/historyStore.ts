import * as vscode from 'vscode';
import type { RepositoryHistory } from '../history/model';

/**
 * What the extension knows of the open repository's history and baseline, read after the first
 * scan's hints are drawn. The scorecard's "How they worked" card and the starter-code filter read
 * it; `current` stays undefined until the history has been read (or found unavailable).
 */
export class HistoryStore implements vscode.Disposable {
  private value: RepositoryHistory | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  get current(): RepositoryHistory | undefined {
    return this.value;
  }

  /** Replaces what is known, and tells the readers. */
  set(history: RepositoryHistory | undefined): void {
    this.value = history;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
