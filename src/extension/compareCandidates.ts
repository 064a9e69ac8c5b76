import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import type { Finding } from '../analysis/model';
import type { Rubric } from '../rubric/model';
import { compareCandidates, type CandidateAnalysis, type CompareRow, type Comparison } from '../team/compare';
import { maskStrings } from '../team/masking';
import type { CompareExtensionMessage, CompareWebviewMessage } from '../webview/compare/protocol';
import type { BlindReview } from './blindReview';
import type { Settings } from './config';
import type { FindingsStore } from './findingsStore';
import type { Log } from './log';
import type { ReviewStore } from './reviewStore';
import { showWebviewPage, type WebviewPage } from './webviewPage';
import { fileInWorkspace, workspaceFolderOf } from './workspaceFolders';

export const COMPARE_CANDIDATES_COMMAND = 'rustReview.compareCandidates';
const COMPARE_PAGE: WebviewPage = { stylesheet: 'compare.css', script: 'compare.js', title: 'Compare Candidates', mount: { id: 'compare', label: 'Candidates side by side', loading: 'Comparing the candidates…' } };

/** A row as the tab shows it, and what a click on it opens: its folder and its unmasked cells. */
interface Shown {
  folder: vscode.WorkspaceFolder;
  row: CompareRow;
}

/** Each folder's name, numbered where two folders share one. */
function folderLabels(folders: readonly vscode.WorkspaceFolder[]): string[] {
  const names = folders.map((f) => f.name);
  return names.map((name, i) => (names.indexOf(name) === names.lastIndexOf(name) ? name : `${name} (${i + 1})`));
}

/**
 * Compare Candidates: the folders of a multi-root workspace side by side in an editor tab, a
 * candidate a row (src/team/compare.ts, as `rust-review compare` prints it), from the findings the
 * workspace scan already holds. The first folder's row carries the reviewer's levels. A click on a
 * cell opens that candidate's most telling concern of the category. Blind, the rows are candidate
 * codes, each masked with its own candidate's names, sorted by code.
 */
export class CompareCandidatesPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private shown: Shown[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: FindingsStore,
    private readonly reviews: () => Promise<ReviewStore>,
    private readonly rubric: () => Rubric,
    private readonly blind: BlindReview,
    private readonly settings: () => Settings,
    private readonly log: Log,
  ) {}

  /** The comparison as the tab is sent it, whose rows a click then opens. */
  async comparison(): Promise<{ comparison: Comparison; blind: boolean }> {
    const { comparison, shown, blind } = await this.compare();
    this.shown = shown;
    return { comparison, blind };
  }

  private async compare(): Promise<{ comparison: Comparison; shown: Shown[]; blind: boolean }> {
    await this.blind.ready();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const findings = new Map<string, Finding[]>();
    for (const file of this.store.allFindings()) {
      const folder = workspaceFolderOf(file.uri);
      if (folder) findings.set(folder, [...(findings.get(folder) ?? []), ...file.findings]);
    }
    const review = (await this.reviews()).current;
    const reviewer = this.settings().reviewer.trim() || 'You';
    const labels = folderLabels(folders);
    const blind = this.blind.comparesBlind;
    const candidates = folders.map((folder, i): CandidateAnalysis => ({
      label: blind ? (this.blind.candidate(folder)?.code ?? labels[i]) : labels[i],
      findings: findings.get(folder.uri.toString()) ?? [],
      codeLines: this.store.codeLines(folder),
      // The extension keeps the review of the first folder, the repository under review.
      reviews: i === 0 ? [{ ...review, reviewer }] : [],
    }));
    const comparison = compareCandidates(this.rubric(), candidates);
    const shown = comparison.rows.map((row, i) => ({ folder: folders[i], row }));
    if (!blind) return { comparison, shown, blind };
    const masked = shown.map(({ folder, row }) => ({ folder, row, masked: maskStrings(row, this.blind.candidate(folder)?.mask ?? ((text) => text)) }));
    // Sorted by code: the folders' order (often by name) says nothing.
    masked.sort((a, b) => (a.masked.candidate < b.masked.candidate ? -1 : 1));
    return { comparison: { ...comparison, rows: masked.map((m) => m.masked) }, shown: masked, blind };
  }

  /** Opens the tab, or shows it again. */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('rustReview.compareCandidates', 'Compare Candidates', vscode.ViewColumn.Active);
    this.panel = panel;
    this.ready = false;
    showWebviewPage(panel.webview, this.extensionUri, COMPARE_PAGE);
    panel.webview.onDidReceiveMessage((message: CompareWebviewMessage) => void this.receive(message));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
      clearTimeout(this.pending);
    });
  }

  private async receive(message: CompareWebviewMessage): Promise<void> {
    try {
      if (message.type === 'ready') {
        this.ready = true;
        this.refresh(0);
      } else if (message.type === 'open') {
        await this.open(message.row, message.categoryId);
      }
    } catch (error) {
      this.log.error(`compare candidates: ${errorMessage(error)}`);
    }
  }

  /** Opens a candidate's most telling concern of a category, in that candidate's folder. */
  async open(row: number, categoryId: string): Promise<void> {
    const target = this.shown[row];
    const concern = target?.row.categories[categoryId]?.concern;
    const uri = concern && fileInWorkspace(concern.file, target.folder.uri.toString());
    if (!uri) return;
    const line = Math.max(0, concern.line - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.Beside });
  }

  /** Sends the tab a fresh comparison, coalescing bursts of changes (a scan, typing) into one. */
  refresh(delayMs = 500): void {
    if (!this.panel || !this.ready) return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      void this.comparison().then(
        ({ comparison, blind }) => {
          const message: CompareExtensionMessage = { type: 'comparison', comparison, scanning: this.store.scanning, blind };
          void this.panel?.webview.postMessage(message);
        },
        (error: unknown) => this.log.error(`compare candidates: ${errorMessage(error)}`),
      );
    }, delayMs);
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.panel?.dispose();
  }
}
