import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import type { Finding } from '../analysis/model';
import { QUOTED_LOCATIONS, reviewToJson, reviewToMarkdown, type ExportContext } from '../rubric/export';
import { userName } from '../rubric/gitRefs';
import type { RepositoryHistory } from '../history/model';
import { commitSubject, timeBoxHours } from '../rubric/historyFacts';
import type { Rubric } from '../rubric/model';
import { chooseHistoryQuestion, chooseQuestion, pinCommit, setRecommendation, setSummary, unpinCommit, unpinEvidence, updateCategory, type PinnedCommit } from '../rubric/review';
import { evidenceFor, type CategoryEvidence } from '../rubric/scoring';
import { historyCardView } from '../presentation/scorecardHistory';
import { buildScorecard, categoryView, type FolderOf } from '../presentation/scorecardModel';
import type { HistoryCardView, LocationView, ScorecardView } from '../presentation/scorecardView';
import { replyTo, type ExportFormat, type ExtensionMessage, type RequestOutcome, type ScorecardRequest, type WebviewMessage } from '../webview/protocol';
import type { Disclosure } from './blindReview';
import type { FindingsStore } from './findingsStore';
import type { Settings } from './config';
import type { Log } from './log';
import type { RepositoryInfo } from './repository';
import { readReviewFile, type ReviewStore } from './reviewStore';
import type { RubricSource } from './rubricSource';
import { showWebviewPage } from './webviewPage';
import { fileInWorkspace, workspaceFolderOf } from './workspaceFolders';

export const SCORECARD_VIEW = 'rustReview.scorecard';
/** The command that chooses the baseline, run from the panel's button. */
const CHOOSE_BASELINE_COMMAND = 'rustReview.chooseBaseline';
const DONE: RequestOutcome = { status: 'done' };
const CANCELLED: RequestOutcome = { status: 'cancelled' };

/** Source lines of the files the export quotes, read once per export: open editors first. */
class SourceLines {
  private readonly lines = new Map<string, string[]>();

  async load(files: Iterable<string>): Promise<void> {
    for (const file of new Set(files)) {
      const uri = fileInWorkspace(file);
      if (this.lines.has(file) || !uri) continue;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      try {
        const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        this.lines.set(file, text.split(/\r?\n/));
      } catch {
        // A file gone since the scan is quoted without its code.
      }
    }
  }

  range(file: string, startLine: number, endLine: number): string | undefined {
    const lines = this.lines.get(file);
    return lines && startLine < lines.length ? lines.slice(startLine, endLine + 1).join('\n') : undefined;
  }
}

/** `step` applied to each item, an item per turn of the thread, so that no turn holds it long. */
async function eachInTurn<T, R>(items: readonly T[], step: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) {
    if (results.length > 0) await new Promise((resolve) => setTimeout(resolve));
    results.push(step(item));
  }
  return results;
}

/** What the scorecard reads of the repository's history: undefined until it has been read. */
export interface HistorySource {
  readonly current: RepositoryHistory | undefined;
}

/**
 * The scorecard's logic, with or without the panel: it builds what the panel shows, applies the
 * panel's changes to the review, and exports. Every export works from the command palette alone.
 */
export class ScorecardService {
  /** Findings left out of the evidence, the suggested levels and the questions: the starter's, once a baseline is chosen (set by activate). */
  leavesOut: (uri: vscode.Uri, finding: Finding) => boolean = () => false;

  constructor(
    private readonly host: FindingsStore,
    private readonly rubrics: RubricSource,
    private readonly reviews: () => Promise<ReviewStore>,
    private readonly repository: () => Promise<RepositoryInfo | undefined>,
    private readonly settings: () => Settings,
    private readonly log: Log,
    private readonly history: HistorySource,
    /** What blind review hides of what the panel and the exports show. */
    private readonly disclosure: Disclosure,
  ) {}

  /** A commit of the history as the review records it when pinned; undefined for one the history does not hold. */
  private pinnedCommit(commitId: string, now: Date): PinnedCommit | undefined {
    const history = this.history.current?.history;
    const commit = history?.available ? history.commits.find((c) => c.id === commitId) : undefined;
    if (!commit) return undefined;
    const { files, insertions, deletions } = commit;
    return { commit: commit.id, subject: commitSubject(commit.message), time: commit.time, files, insertions, deletions, createdAt: now.toISOString() };
  }

  /** Every finding, and the workspace folder of each one's file: two folders may hold the same relative path. */
  private findings(): { findings: Finding[]; folderOf: FolderOf } {
    const findings: Finding[] = [];
    const folders = new Map<Finding, string | undefined>();
    for (const file of this.host.allFindings()) {
      const folder = workspaceFolderOf(file.uri);
      for (const finding of file.findings) {
        if (this.leavesOut(file.uri, finding)) continue;
        findings.push(finding);
        folders.set(finding, folder);
      }
    }
    return { findings, folderOf: (finding) => folders.get(finding) };
  }

  private async sources(evidence: ReadonlyMap<string, CategoryEvidence>): Promise<SourceLines> {
    const sources = new SourceLines();
    const quoted = [...evidence.values()].flatMap((e) => e.findings.slice(0, QUOTED_LOCATIONS).map((f) => f.file));
    await sources.load(quoted);
    return sources;
  }

  /**
   * The evidence of each category, a category per turn of the extension host's thread: the panel
   * is redrawn as the reviewer types, and sorting all of a big workspace's findings at once held
   * the thread for up to 20 ms.
   */
  private async evidence(rubric: Rubric): Promise<{ byCategory: Map<string, CategoryEvidence>; folderOf: FolderOf }> {
    const { findings, folderOf } = this.findings();
    const codeLines = this.host.codeLines();
    const evidence = await eachInTurn(rubric.categories, (category) => evidenceFor(category, findings, codeLines));
    return { byCategory: new Map(rubric.categories.map((category, i) => [category.id, evidence[i]])), folderOf };
  }

  async view(): Promise<ScorecardView> {
    const rubric = this.rubrics.current;
    const { byCategory: evidence, folderOf } = await this.evidence(rubric);
    const review = (await this.reviews()).current;
    const categories = await eachInTurn(rubric.categories, (category) => categoryView(category, evidence.get(category.id)!, review, folderOf));
    await this.disclosure.ready();
    const view = buildScorecard({
      review,
      rubric,
      ...(this.rubrics.problem ? { rubricProblem: this.rubrics.problem } : {}),
      categories,
      history: withFirstFolder(historyCardView(this.history.current, review, timeBoxHours(rubric, this.history.current?.history))),
      scan: { state: this.host.scanning ? 'scanning' : 'done', files: this.host.lastScan?.files ?? 0, skipped: this.host.skipped.length },
    });
    return this.disclosure.view(view);
  }

  /** Applies a change the reviewer made in the panel; the store saves it at once. */
  async apply(message: WebviewMessage): Promise<void> {
    const store = await this.reviews();
    const now = new Date();
    switch (message.type) {
      case 'setLevel':
        return store.update((r) => updateCategory(r, message.categoryId, { level: message.level }, now));
      case 'setNotes':
        return store.update((r) => updateCategory(r, message.categoryId, { notes: message.notes }, now));
      case 'setRecommendation':
        return store.update((r) => setRecommendation(r, message.level, now));
      case 'setSummary':
        return store.update((r) => setSummary(r, message.summary, now));
      case 'chooseQuestion':
        return store.update((r) => chooseQuestion(r, message.categoryId, message.text, message.chosen, now));
      case 'unpin':
        return store.update((r) => unpinEvidence(r, message.evidenceId, now));
      case 'pinCommit': {
        const commit = this.pinnedCommit(message.commitId, now);
        if (!commit) return undefined;
        return store.update((r) => pinCommit(r, commit, now));
      }
      case 'unpinCommit':
        return store.update((r) => unpinCommit(r, message.commitId, now));
      case 'chooseHistoryQuestion':
        return store.update((r) => chooseHistoryQuestion(r, message.text, message.chosen, now));
      default:
        return undefined;
    }
  }

  private async reviewer(): Promise<string> {
    const configured = this.settings().reviewer.trim();
    if (configured) return configured;
    const root = (await this.repository())?.root;
    if (!root) return '';
    try {
      return userName(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, '.git', 'config')))) ?? '';
    } catch {
      return '';
    }
  }

  /** Opens a location of the panel: a finding's file in its own workspace folder. */
  async open(location: LocationView): Promise<void> {
    const uri = fileInWorkspace(location.file, location.workspaceFolder);
    if (!uri) return;
    const { line, character, endLine, endCharacter } = location;
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, character, endLine, endCharacter) });
  }

  async exportText(format: ExportFormat): Promise<string> {
    const rubric = this.rubrics.current;
    const { byCategory: evidence } = await this.evidence(rubric);
    const [store, sources, reviewer] = await Promise.all([this.reviews(), this.sources(evidence), this.reviewer(), this.disclosure.ready()]);
    const context: ExportContext = {
      review: this.disclosure.review(store.current),
      rubric,
      reviewer,
      date: new Date(),
      evidence,
      source: (file, start, end) => sources.range(file, start, end),
      ...(this.history.current ? { history: this.history.current } : {}),
    };
    return this.disclosure.exportText(format === 'markdown' ? reviewToMarkdown(context) : reviewToJson(context), format);
  }

  async copy(format: ExportFormat): Promise<void> {
    await vscode.env.clipboard.writeText(await this.exportText(format));
    const store = await this.reviews();
    const open = this.rubrics.current.categories.filter((c) => !store.current.categories[c.id]?.level).map((c) => c.title);
    const note = open.length > 0 ? ` Not assessed yet: ${open.join(', ')}.` : '';
    void vscode.window.showInformationMessage(`Rust Review: the review was copied as ${format === 'markdown' ? 'Markdown' : 'JSON'}.${note}`);
  }

  /** Saves the review to a file the reviewer chooses; false when no format or file was chosen. */
  async saveAs(format?: ExportFormat): Promise<boolean> {
    const chosen =
      format ??
      (await vscode.window.showQuickPick([{ label: 'Markdown', format: 'markdown' as const }, { label: 'JSON', format: 'json' as const }], { placeHolder: 'Save the review as' }))?.format;
    if (!chosen) return false;
    const name = this.disclosure.review((await this.reviews()).current).repository.name.replace(/[^\w.-]+/g, '-');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `review-${name}.${chosen === 'markdown' ? 'md' : 'json'}`) } : {}),
      filters: chosen === 'markdown' ? { Markdown: ['md'] } : { JSON: ['json'] },
    });
    if (!target) return false;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(await this.exportText(chosen)));
    this.log.info(`review saved to ${target.toString(true)}`);
    return true;
  }

  /** Replaces the review with one exported before (by a second reviewer, say), after asking; a file that cannot be imported is said in a message. */
  async importFrom(uri?: vscode.Uri): Promise<void> {
    const outcome = await this.importReview(uri);
    if (outcome.status === 'failed') void vscode.window.showErrorMessage(`Rust Review: ${this.disclosure.text(outcome.error)}`);
  }

  /** The import, and what became of it: done, cancelled (no file chosen, or the review kept), or failed and why. */
  async importReview(uri?: vscode.Uri): Promise<RequestOutcome> {
    const source = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] }, openLabel: 'Import review' }))?.[0];
    if (!source) return CANCELLED;
    const parsed = await readReviewFile(source);
    if ('error' in parsed) return { status: 'failed', error: `${source.path.split('/').pop()} cannot be imported: ${parsed.error}.` };
    const store = await this.reviews();
    const replace = uri
      ? 'Replace'
      : await vscode.window.showWarningMessage('Replace the current review with the imported one?', { modal: true }, 'Replace');
    if (replace !== 'Replace') return CANCELLED;
    const { review } = parsed;
    // The blind record is this reviewer's, not the imported review's: an import neither reveals nor hides the candidate.
    await store.update((current) => {
      const { blind: _imported, ...levels } = review;
      return { ...levels, repository: current.repository, ...(current.commit ? { commit: current.commit } : {}), ...(current.blind ? { blind: current.blind } : {}), updatedAt: new Date().toISOString() };
    });
    this.log.info(`review imported from ${source.toString(true)}`);
    return DONE;
  }
}

/**
 * The scorecard panel: a webview view in the extension's own activity-bar container. The HTML is
 * a fixed shell with a strict Content Security Policy; everything the candidate's repository or
 * the reviewer wrote reaches the page as data in a message, never as markup.
 */
export class ScorecardViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly scorecard: ScorecardService,
    private readonly log: Log,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    showWebviewPage(view.webview, this.extensionUri, {
      stylesheet: 'styles.css',
      script: 'webview.js',
      title: 'Scorecard',
      mount: { id: 'scorecard', label: 'Rust take-home scorecard', loading: 'Loading the scorecard…' },
    });
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: WebviewMessage) => void this.receive(message)),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
      }),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.refresh();
      }),
    );
  }

  private async receive(message: WebviewMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.ready = true;
          return this.refresh(0);
        case 'open':
          return this.scorecard.open(message.location);
        case 'chooseBaseline':
          await vscode.commands.executeCommand(CHOOSE_BASELINE_COMMAND);
          return undefined;
        case 'export':
        case 'import': {
          const reply = await replyTo(message, () => this.run(message));
          if (reply.outcome.status === 'failed') this.log.error(`scorecard: ${reply.outcome.error}`);
          return this.post(reply);
        }
        default:
          return this.scorecard.apply(message);
      }
    } catch (error) {
      this.log.error(`scorecard: ${errorMessage(error)}`);
    }
  }

  /** Does what the panel asked; a throw is a failure that replyTo reports to the panel. */
  private async run(request: ScorecardRequest): Promise<RequestOutcome> {
    if (request.type === 'import') return this.scorecard.importReview();
    if (request.to === 'file') return (await this.scorecard.saveAs(request.format)) ? DONE : CANCELLED;
    await this.scorecard.copy(request.format);
    return DONE;
  }

  private post(message: ExtensionMessage): void {
    if (this.view && this.ready) void this.view.webview.postMessage(message);
  }

  /** Sends the panel a fresh view, coalescing bursts of changes (a scan, typing) into one. */
  refresh(delayMs = 200): void {
    // A hidden panel is redrawn when it shows again (onDidChangeVisibility).
    if (!this.view?.visible || !this.ready) return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      void this.scorecard.view().then(
        (view) => this.post({ type: 'state', view }),
        (error: unknown) => this.log.error(`scorecard: ${errorMessage(error)}`),
      );
    }, delayMs);
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}

/** In a multi-root workspace the card is about the first folder's repository: it says which. */
function withFirstFolder(card: HistoryCardView): HistoryCardView {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.length > 1 ? { ...card, firstFolder: folders[0].name } : card;
}
