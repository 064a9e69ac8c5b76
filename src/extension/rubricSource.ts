import * as vscode from 'vscode';
import { SIGNALS } from '../analysis/signals';
import { DEFAULT_RUBRIC } from '../rubric/defaultRubric';
import type { Rubric } from '../rubric/model';
import { parseRubric } from '../rubric/rubricFile';
import type { Log } from './log';
import { fileInWorkspace } from './workspaceFolders';

const WORKSPACE_RUBRIC = '.vscode/rust-review.rubric.json';
const LAST_GOOD_KEY = 'rustReview.lastGoodRubric';
const KNOWN_SIGNALS = new Set(SIGNALS.map((s) => s.id));

/**
 * The rubric in force: a team's own file (the `rubricPath` setting, else the workspace's
 * `.vscode/rust-review.rubric.json`), or the built-in one. An invalid file is reported and the
 * last good rubric stays in force, so no score is lost while the file is being edited.
 */
export class RubricSource implements vscode.Disposable {
  private rubric: Rubric;
  private problemText: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watcher: vscode.FileSystemWatcher;
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly rubricPath: () => string,
    private readonly log: Log,
  ) {
    this.rubric = state.get<Rubric>(LAST_GOOD_KEY) ?? DEFAULT_RUBRIC;
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    const onChange = (uri: vscode.Uri) => {
      if (this.fileUri()?.toString() === uri.toString()) void this.reload();
    };
    this.watcher.onDidChange(onChange);
    this.watcher.onDidCreate(onChange);
    this.watcher.onDidDelete(onChange);
  }

  get current(): Rubric {
    return this.rubric;
  }

  /** Why the custom rubric is not in force, when it is broken. */
  get problem(): string | undefined {
    return this.problemText;
  }

  private fileUri(): vscode.Uri | undefined {
    const configured = this.rubricPath().trim();
    if (configured) {
      if (/^[a-z][\w+.-]+:/i.test(configured) && !/^[a-z]:[\\/]/i.test(configured)) return vscode.Uri.parse(configured);
      if (configured.startsWith('/') || /^[a-z]:[\\/]/i.test(configured)) return vscode.Uri.file(configured);
      return fileInWorkspace(configured);
    }
    return fileInWorkspace(WORKSPACE_RUBRIC);
  }

  /** Reads the rubric file again; the built-in rubric when there is none. */
  async reload(): Promise<void> {
    const uri = this.fileUri();
    const configured = this.rubricPath().trim() !== '';
    let text: string | undefined;
    if (uri) {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined;
      }
    }
    if (text === undefined) {
      this.apply(DEFAULT_RUBRIC, configured ? `the rubric file ${uri?.fsPath ?? this.rubricPath()} cannot be read; using the built-in rubric` : undefined);
      return;
    }
    const parsed = parseRubric(text, KNOWN_SIGNALS);
    if ('error' in parsed) {
      const problem = `${uri?.path.split('/').pop()}: ${parsed.error}. The last good rubric (${this.rubric.title}) stays in force.`;
      this.log.error(`rubric ${problem}`);
      void vscode.window.showErrorMessage(`Rust Review: rubric ${problem}`);
      this.problemText = problem;
      this.changed.fire();
      return;
    }
    this.apply(parsed.rubric, undefined);
    void this.state.update(LAST_GOOD_KEY, parsed.rubric);
  }

  private apply(rubric: Rubric, problem: string | undefined): void {
    this.rubric = rubric;
    this.problemText = problem;
    if (problem) this.log.warn(problem);
    this.changed.fire();
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
