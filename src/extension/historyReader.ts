import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import type { Finding } from '../analysis/model';
import { baselineLabel, starterLines, type StarterLines } from '../history/baseline';
import { GitRepository } from '../history/gitRepository';
import type { HistoryReadRecord } from '../api';
import { baselineRecord, type RecordedBaseline } from '../rubric/review';
import { readInWorker, type HistoryChannel, type HistoryRead } from '../worker/historyClient';
import { workspaceGitFs } from './historyFs';
import type { HistoryStore } from './historyStore';
import type { Log } from './log';

const SECTION = 'rustReview';
/** The baseline the reviewer chose: a commit, tag or branch, or a folder (relative to the workspace folder, or absolute); empty for none. */
const BASELINE = 'baseline';
/** How the editor shows findings on the starter's lines: dimmed, or hidden. */
const STARTER_FINDINGS = 'starterFindings';
/** How long the reader reads the history before it stops and keeps what it has (see readHistory). */
const TIME_LIMIT_MS = 60_000;
/** How long the history worker may run in all, comparing with the baseline included, before it is terminated. */
const HARD_LIMIT_MS = 120_000;

type BaselinePick = vscode.QuickPickItem & { value?: string; folder?: true };

interface FolderStarter {
  root: vscode.Uri;
  starter: StarterLines;
}

/** The baseline set for a workspace folder: its own (`rustReview.baseline` is a resource setting), else the workspace's. */
function baselineOf(folder: vscode.WorkspaceFolder): string {
  return vscode.workspace.getConfiguration(SECTION, folder.uri).get<string>(BASELINE, '').trim();
}

/**
 * Reads the history and the baseline of the first workspace folder's repository (never a git
 * process), fills the HistoryStore, and says which findings are on the starter's lines. Each read
 * runs in a history worker of its own, off the host's thread (src/worker/historyClient.ts), whose
 * file reads the host answers with `vscode.workspace.fs` (desktop and web); it runs after the
 * first scan's hints, and again when the baseline setting changes.
 */
export class HistoryReader implements vscode.Disposable {
  /** Each workspace folder's starter lines, by its URI, for the folders with a baseline in force. */
  private readonly starters = new Map<string, FolderStarter>();
  /** Counts reads, so that an older read finishing late does not overwrite a newer one. */
  private generation = 0;
  private readonly subscription: vscode.Disposable;
  /** The read under way, whose worker a newer read or dispose terminates. */
  private running: HistoryRead | undefined;
  /** The read scheduled after the first scan, which dispose cancels. */
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** How the last read ended, for the tests and the benchmark. */
  lastRead: HistoryReadRecord | undefined;
  private readonly baselineRead = new vscode.EventEmitter<RecordedBaseline | undefined>();
  /** After each read that succeeded: the baseline in force, as the review records it (undefined for none). */
  readonly onDidReadBaseline: vscode.Event<RecordedBaseline | undefined> = this.baselineRead.event;

  constructor(
    private readonly store: HistoryStore,
    private readonly log: Log,
    private readonly createChannel: () => HistoryChannel,
  ) {
    this.subscription = vscode.Disposable.from(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.${BASELINE}`)) void this.read();
        // Hiding or dimming is drawn from the store: a change redraws as a new read would.
        else if (event.affectsConfiguration(`${SECTION}.${STARTER_FINDINGS}`)) this.redrawStarters();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.read()),
    );
  }

  /** Reads the history once `delayMs` have passed, unless disposed first. */
  readAfter(delayMs: number): void {
    // The first scan may end after deactivation: nothing is started then.
    if (this.disposed) return;
    clearTimeout(this.scheduled);
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      void this.read();
    }, delayMs);
  }

  /**
   * Reads the first folder's history and compares its files with the baseline set, in a worker,
   * then fills the store; then, in a multi-root workspace, compares each other folder that has a
   * baseline of its own with it, one worker after another, for its starter's lines, without reading
   * its history (the card stays about the first folder). Never rejects.
   */
  async read(): Promise<void> {
    if (this.disposed) return;
    const [first, ...others] = vscode.workspace.workspaceFolders ?? [];
    const generation = ++this.generation;
    this.running?.cancel();
    this.running = undefined;
    if (!first) {
      this.starters.clear();
      return this.store.set(undefined);
    }
    // A folder no longer open keeps no starter lines.
    const open = new Set([first, ...others].map((folder) => folder.uri.toString()));
    for (const key of [...this.starters.keys()]) if (!open.has(key)) this.starters.delete(key);
    if (!(await this.readFolder(first, generation, true))) return;
    for (const folder of others) {
      if (!baselineOf(folder)) {
        if (this.starters.delete(folder.uri.toString())) this.redrawStarters();
        continue;
      }
      if (!(await this.readFolder(folder, generation, false))) return;
    }
  }

  /** Reads one folder in a worker; false when a newer read or dispose cancelled it. */
  private async readFolder(folder: vscode.WorkspaceFolder, generation: number, first: boolean): Promise<boolean> {
    const started = performance.now();
    const baseline = baselineOf(folder);
    // Only the first folder's history is shown: another folder's read is its baseline's comparison alone.
    const read = readInWorker(this.createChannel, workspaceGitFs(folder.uri), { dir: folder.uri.path, baseline, readerLimitMs: TIME_LIMIT_MS, hardLimitMs: HARD_LIMIT_MS, baselineOnly: !first });
    this.running = read;
    const which = first ? '' : ` of folder ${folder.name}`;
    try {
      const { history: result, workerMs } = await read.result;
      if (generation !== this.generation) return false;
      this.setStarter(folder, result.baseline && result.changes ? starterLines(result.changes) : undefined);
      const ms = performance.now() - started;
      if (first) {
        this.store.set(result);
        this.baselineRead.fire(result.baseline && baselineRecord(result.baseline, folder.uri.path));
        this.lastRead = { in: 'worker', ms, workerMs };
      } else {
        this.redrawStarters();
      }
      const history = result.history;
      const what = !first ? 'the baseline alone' : history.available ? `${history.commits.length} commits${history.partial ? ` (partial: ${history.partial})` : ''}` : `no history (${history.reason})`;
      const against = result.baseline ? `; baseline ${baselineLabel(result.baseline)}, ${result.changes?.length ?? 0} files compared` : '';
      this.log.info(`history${which} read in ${Math.round(ms)} ms in the history worker: ${what}${against}`);
      if (result.baselineProblem) this.log.warn(`baseline${which}: ${result.baselineProblem}`);
    } catch (error) {
      // A newer read, or dispose, cancelled this one: the newer one says what it found.
      if (generation !== this.generation) return false;
      const problem = `history${which} could not be read: ${errorMessage(error)}`;
      this.log.error(problem);
      this.setStarter(folder, undefined);
      if (first) {
        this.lastRead = { in: 'worker', ms: performance.now() - started, problem };
        this.store.set({ history: { available: false, reason: problem }, noProposal: 'the history could not be read' });
      } else {
        this.redrawStarters();
      }
    } finally {
      if (this.running === read) this.running = undefined;
    }
    return true;
  }

  private setStarter(folder: vscode.WorkspaceFolder, starter: StarterLines | undefined): void {
    if (starter) this.starters.set(folder.uri.toString(), { root: folder.uri, starter });
    else this.starters.delete(folder.uri.toString());
  }

  /** Redraws what the starter's lines decide (hints, dimming, the scorecard) as a new read of the first folder would. */
  private redrawStarters(): void {
    if (this.store.current) this.store.set(this.store.current);
  }

  /** Whether a line of a file is the starter code's, by the baseline of its folder; false without one. */
  private isStarterLine(uri: vscode.Uri, line: number): boolean {
    let best: FolderStarter | undefined;
    for (const candidate of this.starters.values()) {
      const { root } = candidate;
      if (uri.scheme !== root.scheme || uri.authority !== root.authority) continue;
      const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
      // A folder inside another: the innermost one's repository decides.
      if (uri.path.startsWith(prefix) && (!best || root.path.length > best.root.path.length)) best = candidate;
    }
    if (!best) return false;
    const prefix = best.root.path.endsWith('/') ? best.root.path : `${best.root.path}/`;
    return best.starter(uri.path.slice(prefix.length), line);
  }

  /** Whether a finding is on a line of the starter code (where it starts), by the baseline set; false without one. */
  isStarterFinding(uri: vscode.Uri, finding: Finding): boolean {
    return this.isStarterLine(uri, finding.range.start.line);
  }

  /** The lines of a file whose findings the editor leaves out: the starter's, with `rustReview.starterFindings` set to "hide"; undefined when none are. */
  hiddenLinesIn(uri: vscode.Uri): ((line: number) => boolean) | undefined {
    if (this.starters.size === 0 || starterFindingsMode() !== 'hide') return undefined;
    return (line) => this.isStarterLine(uri, line);
  }

  /** The lines of an open file that are the starter's, for dimming; empty without a baseline or in "hide" mode. */
  starterLinesOf(uri: vscode.Uri, lineCount: number): number[] {
    if (starterFindingsMode() !== 'dim' || this.starters.size === 0) return [];
    return Array.from({ length: lineCount }, (_, line) => line).filter((line) => this.isStarterLine(uri, line));
  }

  /** "Rust Review: Choose Baseline…": the proposal with its reason, the tags, the root commit, a folder, or none; recorded in the workspace's settings. */
  async chooseBaseline(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return void vscode.window.showInformationMessage('Rust Review: open the candidate\'s folder to choose a baseline.');
    // Each folder of a multi-root workspace has a baseline of its own; the history read (the proposal, the root commits) is the first folder's.
    const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Whose baseline? Each folder has its own.' });
    if (!folder) return;
    const current = folder === folders[0] ? this.store.current : undefined;
    const items: BaselinePick[] = [];
    if (current?.proposal?.baseline.kind === 'commit') {
      items.push({ label: `$(lightbulb) ${current.proposal.baseline.label}`, description: 'proposed', detail: current.proposal.reason, value: current.proposal.baseline.commit });
    } else if (current?.noProposal) {
      items.push({ label: `No baseline proposed: ${current.noProposal}`, kind: vscode.QuickPickItemKind.Separator });
    }
    const repo = await GitRepository.open(workspaceGitFs(folder.uri), folder.uri.path);
    if (repo instanceof GitRepository) {
      for (const tag of await repo.tags().catch(() => [])) items.push({ label: `$(tag) ${tag.name}`, description: tag.commit.slice(0, 7), value: tag.name });
    }
    const history = current?.history;
    for (const root of history?.available ? history.commits.filter((c) => c.parents.length === 0) : []) {
      items.push({ label: `$(git-commit) root commit ${root.id.slice(0, 7)}`, description: root.author.name, detail: root.message.split('\n')[0], value: root.id });
    }
    items.push({ label: '$(folder) A folder with the starter code…', folder: true }, { label: '$(circle-slash) None', description: 'every line is the candidate\'s', value: '' });
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'What did the candidate start from? Findings on its unchanged lines are set apart.', matchOnDetail: true });
    if (!picked) return;
    let value = picked.value;
    if (picked.folder) {
      const chosen = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: folder.uri, openLabel: 'Use as baseline' }))?.[0];
      if (!chosen) return;
      const prefix = `${folder.uri.path.replace(/\/$/, '')}/`;
      value = chosen.path.startsWith(prefix) ? chosen.path.slice(prefix.length) : chosen.path;
    }
    // In a multi-root workspace the folder's own settings, so that one candidate's baseline is not every folder's.
    const target = folders.length === 1 ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.WorkspaceFolder;
    await vscode.workspace.getConfiguration(SECTION, folder.uri).update(BASELINE, value, target);
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    clearTimeout(this.scheduled);
    this.running?.cancel();
    this.running = undefined;
    this.subscription.dispose();
    this.baselineRead.dispose();
  }
}

function starterFindingsMode(): 'dim' | 'hide' {
  return vscode.workspace.getConfiguration(SECTION).get<'dim' | 'hide'>(STARTER_FINDINGS, 'dim');
}
