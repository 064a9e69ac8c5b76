import * as vscode from 'vscode';
import type { EditLatency, ScanSummary } from '../api';
import { errorMessage } from '../analysis/errorMessage';
import { analyzeManifest } from '../analysis/manifest';
import { isOwnCode, type CrateManifest, type FileAnalysis, type Finding, type SkippedFile } from '../analysis/model';
import { analyzeProject, needsText, type ProjectFile } from '../analysis/project';
import type { GrammarBinaries } from '../analysis/parser';
import { formatBytes } from '../analysis/source';
import { transferable, WorkerConnection, type WorkerChannel } from '../worker/connection';
import type { TextEdit } from '../worker/documents';
import { unpackAnalysis, type PackedAnalysis } from '../worker/packedFindings';
import type { Settings } from './config';
import { WorkspaceCrates } from './crateModels';
import type { Log } from './log';
import { relativePath, WorkspaceFiles, type WorkspaceFile } from './workspaceFiles';

/**
 * After an edit that changes what other files are judged by (a signature, a call, a module), the
 * files not open in an editor are judged again once typing pauses this long: their diagnostics
 * follow, without redrawing the whole workspace on every keystroke.
 */
const CRATE_REFRESH_MS = 1500;

/** How many files are read and analysed at once (a scan, a folder that appeared): enough to keep the worker busy. */
const SCAN_PIPELINE = 4;

interface OpenDocument {
  uri: vscode.Uri;
  file: string;
  /** The version the worker has; edits after it wait in `pending`. */
  sentVersion: number;
  pending: TextEdit[];
  timer?: ReturnType<typeof setTimeout>;
  /** The findings of the latest reply, kept or stale: the next reply refers to them (see PackedFindings). */
  received?: { version: number; findings: Finding[] };
}

export interface HostStats {
  /** For the last few flushes of edits, after the debounce. */
  editLatencies: EditLatency[];
  lastScan?: { files: number; skipped: number; ms: number };
}

function isRust(document: vscode.TextDocument): boolean {
  return document.languageId === 'rust' || document.uri.path.endsWith('.rs');
}

/**
 * Owns the analysis worker and what it found: the results of the workspace scan, kept current by a
 * file watcher, and the results of the open documents, kept current edit by edit. Open documents
 * win over the scan, since they hold what the reviewer sees.
 */
export class AnalysisHost implements vscode.Disposable {
  private connection: Promise<WorkerConnection> | undefined;
  private readonly scanned = new Map<string, FileAnalysis>();
  private readonly manifests = new Map<string, { manifest: CrateManifest; findings: Finding[]; text: string }>();
  /** The files around the code (README, CI, lockfile..), by key: read by the project analysis. */
  private readonly projectFiles = new Map<string, ProjectFile>();
  /**
   * The project analysis's findings of each workspace folder, by file path; computed when asked for
   * after a change to a manifest, a project file or the set of Rust files (targets come from them).
   */
  private projectFindings = new Map<string, Map<string, Finding[]>>();
  private readonly skippedFiles = new Map<string, SkippedFile>();
  private readonly open = new Map<string, OpenDocument>();
  private readonly documentResults = new Map<string, FileAnalysis>();
  /** The crate model of each folder: findings are shown as it judges them. */
  private readonly crateModels = new WorkspaceCrates();
  private readonly updated = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private scanCancellation: vscode.CancellationTokenSource | undefined;
  private crateRefresh: ReturnType<typeof setTimeout> | undefined;
  /** Per file, the number of its latest read (see analyzeWorkspaceFile); forgetting a file drops it. */
  private readonly latestRead = new Map<string, number>();
  private readCount = 0;
  /** The URI of each file known by its key: parsing ten thousand keys back on each update showed. */
  private readonly uris = new Map<string, vscode.Uri>();
  /** Per open document, the timing of its latest edit until its hints are drawn (see noteDrawing). */
  private readonly drawing = new Map<string, { flushedAt: number; repliedAt: number; analysisMs: number; drawMs: number; longestDrawTurnMs: number; longestDrawTurnAt: number }>();
  readonly files: WorkspaceFiles;
  readonly stats: HostStats = { editLatencies: [] };
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly createChannel: () => WorkerChannel,
    private readonly readBinaries: () => Promise<GrammarBinaries>,
    private readonly settings: () => Settings,
    private readonly log: Log,
  ) {
    this.files = new WorkspaceFiles(() => this.settings().exclude);
    this.disposables.push(
      this.updated,
      vscode.workspace.onDidOpenTextDocument((d) => this.openDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changeDocument(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closeDocument(d)),
    );
  }

  /** Starts the worker lazily, and again if it died: activation never waits for the WASM. */
  private worker(): Promise<WorkerConnection> {
    const current = this.connection;
    if (current) {
      return current.then((c) => {
        if (c.alive) return c;
        this.connection = undefined;
        return this.worker();
      });
    }
    const started = (async () => {
      const connection = new WorkerConnection(this.createChannel());
      const binaries = await this.readBinaries();
      await connection.request({ kind: 'init', binaries, options: { maxFileBytes: this.settings().maxFileSize } }, 'ready');
      return connection;
    })();
    this.connection = started;
    started.catch((error: unknown) => {
      this.log.error(`the analysis worker did not start: ${errorMessage(error)}`);
      if (this.connection === started) this.connection = undefined;
    });
    return started;
  }

  /** The findings for one file, its open document's if open, else the scan's, as the crate model judges them. */
  findingsFor(uri: vscode.Uri): Finding[] {
    const key = uri.toString();
    const analysis = this.documentResults.get(key) ?? this.scanned.get(key);
    if (analysis) return this.crateModels.judge(uri, analysis);
    const own = this.manifests.get(key)?.findings ?? [];
    const project = this.projectFindingsOf(uri);
    return project.length === 0 ? own : [...own, ...project].sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex);
  }

  /** The project analysis's findings in one manifest or project file (none land in Rust files). */
  private projectFindingsOf(uri: vscode.Uri): Finding[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return [];
    const key = folder.uri.toString();
    let byFile = this.projectFindings.get(key);
    if (!byFile) {
      const prefix = `${key}/`;
      const inFolder = <T>(map: Map<string, T>) => [...map].filter(([k]) => k.startsWith(prefix)).map(([, value]) => value);
      const findings = analyzeProject({
        manifests: inFolder(this.manifests),
        files: inFolder(this.projectFiles),
        sources: inFolder(this.scanned).map((analysis) => analysis.file),
      });
      byFile = new Map();
      for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
      this.projectFindings.set(key, byFile);
    }
    return byFile.get(relativePath(folder, uri)) ?? [];
  }

  /** Every file with findings, open documents taking precedence over the scan. */
  allFindings(): { uri: vscode.Uri; findings: Finding[] }[] {
    const keys = new Set([...this.scanned.keys(), ...this.documentResults.keys(), ...this.manifests.keys(), ...this.projectFiles.keys()]);
    return [...keys].sort().map((key) => {
      const uri = this.uriOf(key);
      return { uri, findings: this.findingsFor(uri) };
    });
  }

  /** Lines of the crate's own code in the files analysed, open documents taking precedence: what the rubric weighs concerns against. */
  codeLines(): number {
    let total = 0;
    for (const key of new Set([...this.scanned.keys(), ...this.documentResults.keys()])) {
      const analysis = this.documentResults.get(key) ?? this.scanned.get(key);
      if (analysis && isOwnCode(analysis)) total += analysis.stats.codeLines;
    }
    return total;
  }

  get skipped(): SkippedFile[] {
    return [...this.skippedFiles.values()];
  }

  /** Scans every workspace file, with a notification that can cancel it. */
  scanWorkspace(): Thenable<ScanSummary> {
    this.scanCancellation?.cancel();
    const cancellation = (this.scanCancellation = new vscode.CancellationTokenSource());
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Rust Review: scanning the take-home', cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => cancellation.cancel());
        return this.scan(cancellation.token, (done, total) => progress.report({ message: `${done}/${total} files`, increment: 100 / Math.max(total, 1) }));
      },
    );
  }

  private async scan(token: vscode.CancellationToken, report: (done: number, total: number) => void): Promise<ScanSummary> {
    const started = Date.now();
    const files = await this.files.findAll(token);
    this.log.info(`scan: ${files.length} files to analyse, listed in ${Date.now() - started} ms`);
    const previous = new Set([...this.scanned.keys(), ...this.manifests.keys(), ...this.projectFiles.keys(), ...this.skippedFiles.keys()]);
    const seen = new Set<string>();
    let done = 0;
    await this.analyzeFiles(
      files,
      (file) => {
        seen.add(file.uri.toString());
        report(++done, files.length);
      },
      token,
    );
    const cancelled = token.isCancellationRequested;
    const changed = new Set(seen);
    if (!cancelled) {
      // Files that were there before and are gone now (or are now excluded): their hints go too.
      for (const key of previous) {
        if (seen.has(key)) continue;
        this.forget(key);
        changed.add(key);
      }
    }
    const skipped = this.skipped;
    const ms = Date.now() - started;
    this.stats.lastScan = { files: done, skipped: skipped.length, ms };
    this.log.info(`scan ${cancelled ? 'cancelled after' : 'done:'} ${done} files, ${skipped.length} skipped, ${ms} ms`);
    this.updated.fire([...changed].map((key) => this.uriOf(key)));
    return { files: done, skipped, ms, cancelled };
  }

  /** Reads and analyses files, a few at a time, until done or cancelled. */
  private async analyzeFiles(files: readonly WorkspaceFile[], onAnalysed?: (file: WorkspaceFile) => void, token?: vscode.CancellationToken): Promise<void> {
    let next = 0;
    const work = async () => {
      while (next < files.length && !token?.isCancellationRequested) {
        const file = files[next++];
        await this.analyzeWorkspaceFile(file);
        onAnalysed?.(file);
      }
    };
    await Promise.all(Array.from({ length: SCAN_PIPELINE }, work));
  }

  /**
   * Reads and analyses one workspace file, recording a skip with its reason instead of failing.
   * What a read finds is kept only while it is the file's latest read: a file renamed or deleted
   * meanwhile, or read again since, must not come back with old results.
   */
  async analyzeWorkspaceFile(file: WorkspaceFile): Promise<void> {
    const key = file.uri.toString();
    this.uris.set(key, file.uri);
    const read = ++this.readCount;
    this.latestRead.set(key, read);
    const superseded = () => this.latestRead.get(key) !== read;
    const skip = (reason: SkippedFile['reason'], detail: string) => {
      if (superseded()) return;
      this.scanned.delete(key);
      if (this.projectFiles.delete(key)) this.projectFindings.clear();
      this.skippedFiles.set(key, { file: file.path, reason, detail });
      this.log.warn(`skip ${file.path}: ${detail}`);
    };
    try {
      if (file.kind !== 'rust' && file.kind !== 'manifest' && !needsText(file.kind)) {
        // A lockfile counts by being there: it is never read, whatever its size.
        this.skippedFiles.delete(key);
        this.setProjectFile(key, { file: file.path, kind: file.kind });
        return;
      }
      const { size } = await vscode.workspace.fs.stat(file.uri);
      const max = this.settings().maxFileSize;
      if (size > max) return skip('too-large', `${formatBytes(size)} is over the ${formatBytes(max)} limit`);
      const contents = await vscode.workspace.fs.readFile(file.uri);
      if (superseded()) return;
      this.skippedFiles.delete(key);
      if (file.kind === 'manifest') {
        const text = new TextDecoder().decode(contents);
        const result = analyzeManifest(file.path, text);
        if (result.manifest.error) this.log.warn(`${file.path}: ${result.manifest.error}`);
        this.manifests.set(key, { ...result, text });
        this.projectFindings.clear();
        this.syncManifests(file.uri);
        return;
      }
      if (file.kind !== 'rust') {
        this.setProjectFile(key, { file: file.path, kind: file.kind, text: new TextDecoder().decode(contents) });
        return;
      }
      const { bytes, transfer } = transferable(contents);
      const { outcome } = await (await this.worker()).request({ kind: 'analyzeFile', file: file.path, bytes }, 'analyzed', transfer);
      if (outcome.skipped) return skip(outcome.skipped.reason, outcome.skipped.detail);
      if (superseded()) return;
      // A new Rust file may be a package's binary, bench or example: the project is judged again.
      if (!this.scanned.has(key)) this.projectFindings.clear();
      this.scanned.set(key, outcome.analysis);
      if (!this.documentResults.has(key)) this.crateModels.setFile(file.uri, outcome.analysis);
    } catch (error) {
      // Listed, then renamed or deleted before it was read: gone, not unreadable.
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        if (!superseded()) this.forget(key);
        return;
      }
      skip('unreadable', errorMessage(error));
    }
  }

  /** A file created, changed or deleted outside the editor. */
  async fileChanged(uri: vscode.Uri, deleted: boolean): Promise<void> {
    const key = uri.toString();
    if (deleted) {
      this.forget(key);
      // VS Code keeps a document for a while after its editor closes, so a deleted file's document
      // may still be followed though nobody sees it: its hints go too, with any edit waiting to be
      // sent (a revert on closing), and come back if it is edited again.
      this.untrack(key);
    } else {
      // An open document's hints come from its text in the editor, kept current edit by edit; its
      // file is read again when it closes. Re-analysing it on every save would only queue a whole
      // file's analysis in front of the next edit's.
      if (this.open.has(key)) return;
      const file = await this.files.accepts(uri);
      if (!file) return;
      await this.analyzeWorkspaceFile(file);
    }
    // A file's modules, functions or manifest may change how the others are judged.
    this.refreshCrateLater();
    this.updated.fire([uri]);
  }

  /** A folder created, or moved here: VS Code reports the folder alone, not each file it holds. */
  async folderCreated(uri: vscode.Uri): Promise<void> {
    try {
      if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) return;
      const files = await this.files.findUnder(uri);
      if (files.length === 0) return;
      await this.analyzeFiles(files);
      this.refreshCrateLater();
      this.updated.fire(files.map((file) => file.uri));
    } catch (error) {
      // Gone again before it was read: its deletion is reported on its own.
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log.error(`${uri.path}: ${errorMessage(error)}`);
    }
  }

  /** A folder deleted: VS Code reports the folder alone, not each file that went with it. */
  folderDeleted(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    const known = new Set([...this.scanned.keys(), ...this.manifests.keys(), ...this.projectFiles.keys(), ...this.skippedFiles.keys(), ...this.open.keys()]);
    const gone = [...known].filter((key) => key.startsWith(prefix));
    if (gone.length === 0) return;
    for (const key of gone) {
      this.forget(key);
      this.untrack(key);
    }
    this.refreshCrateLater();
    this.updated.fire(gone.map((key) => this.uriOf(key)));
  }

  private uriOf(key: string): vscode.Uri {
    return this.uris.get(key) ?? vscode.Uri.parse(key);
  }

  private forget(key: string): void {
    const uri = this.uriOf(key);
    const scanned = this.scanned.get(key);
    if (scanned && !this.documentResults.has(key)) this.crateModels.removeFile(uri, scanned.file);
    const manifest = this.manifests.delete(key);
    if (manifest) this.syncManifests(uri);
    // A manifest, a project file or a Rust file (a target) gone: the project is judged again.
    if (manifest || this.projectFiles.delete(key) || this.scanned.has(key)) this.projectFindings.clear();
    if (!this.open.has(key)) this.uris.delete(key);
    this.latestRead.delete(key);
    this.scanned.delete(key);
    this.skippedFiles.delete(key);
  }

  private setProjectFile(key: string, file: ProjectFile): void {
    this.projectFiles.set(key, file);
    this.projectFindings.clear();
  }

  /** Gives the crate model of the folder that holds `uri` every manifest known in that folder. */
  private syncManifests(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    const manifests = [...this.manifests].filter(([key]) => folder === undefined || key.startsWith(`${folder}/`)).map(([, m]) => m.manifest);
    this.crateModels.setManifests(uri, manifests);
  }

  /**
   * After an edit that changes what other files are judged by: the other open documents, to redraw
   * now; every file is judged again once typing pauses (see CRATE_REFRESH_MS).
   */
  private crateChanged(key: string): vscode.Uri[] {
    this.refreshCrateLater();
    return [...this.open.values()].filter((tracked) => tracked.uri.toString() !== key).map((tracked) => tracked.uri);
  }

  /** Judges every file again once changes pause: a burst of file events costs one redraw. */
  private refreshCrateLater(): void {
    clearTimeout(this.crateRefresh);
    this.crateRefresh = setTimeout(() => this.updated.fire(this.allFindings().map((f) => f.uri)), CRATE_REFRESH_MS);
  }

  /** Starts tracking the Rust documents already open when the extension activates. */
  trackOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.openDocument(document);
  }

  private fileOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? relativePath(folder, uri) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
  }

  private openDocument(document: vscode.TextDocument): void {
    if (!isRust(document) || this.open.has(document.uri.toString())) return;
    const tracked: OpenDocument = { uri: document.uri, file: this.fileOf(document.uri), sentVersion: document.version, pending: [] };
    this.open.set(document.uri.toString(), tracked);
    this.uris.set(document.uri.toString(), document.uri);
    void this.sendOpen(tracked, document);
  }

  private async sendOpen(tracked: OpenDocument, document: vscode.TextDocument): Promise<void> {
    tracked.sentVersion = document.version;
    tracked.pending = [];
    try {
      const worker = await this.worker();
      const reply = await worker.request(
        { kind: 'openDocument', uri: document.uri.toString(), file: tracked.file, version: document.version, text: document.getText() },
        'document',
      );
      this.accept(tracked, reply.version, reply.analysis);
    } catch (error) {
      this.log.error(`${tracked.file}: ${errorMessage(error)}`);
    }
  }

  private changeDocument(event: vscode.TextDocumentChangeEvent): void {
    const tracked = this.open.get(event.document.uri.toString());
    if (!tracked) {
      // A document no longer followed since its file was deleted, edited again: follow it anew.
      if (!event.document.isClosed) this.openDocument(event.document);
      return;
    }
    if (event.contentChanges.length === 0) return;
    for (const change of event.contentChanges) {
      tracked.pending.push({ rangeOffset: change.rangeOffset, rangeLength: change.rangeLength, text: change.text });
    }
    clearTimeout(tracked.timer);
    tracked.timer = setTimeout(() => void this.flush(tracked, event.document), this.settings().debounceMs);
  }

  /** Sends the edits gathered since the last flush; the worker re-parses incrementally. */
  private async flush(tracked: OpenDocument, document: vscode.TextDocument): Promise<void> {
    const edits = tracked.pending;
    const version = document.version;
    tracked.pending = [];
    tracked.sentVersion = version;
    const flushedAt = performance.now();
    try {
      const reply = await (await this.worker()).request({ kind: 'changeDocument', uri: document.uri.toString(), version, edits }, 'document');
      if (!reply.analysis) {
        // The worker does not have the document (it restarted): send it whole.
        return this.sendOpen(tracked, document);
      }
      const repliedAt = performance.now();
      const key = tracked.uri.toString();
      if (tracked.sentVersion === reply.version) this.drawing.set(key, { flushedAt, repliedAt, analysisMs: reply.analysisMs, drawMs: 0, longestDrawTurnMs: 0, longestDrawTurnAt: repliedAt });
      // Accepting the reply starts drawing the hints (onDidUpdate): the first turn of it.
      if (!this.accept(tracked, reply.version, reply.analysis)) {
        this.drawing.delete(key);
        return this.sendOpen(tracked, document);
      }
      this.noteDrawing(key, { startedAt: repliedAt, turnStartedAt: repliedAt });
    } catch (error) {
      this.log.error(`${tracked.file}: ${errorMessage(error)}`);
      if (this.open.get(document.uri.toString()) === tracked && !document.isClosed) await this.sendOpen(tracked, document);
    }
  }

  /**
   * Whoever draws a document's hints reports each step of it, when the step and the turn of the
   * host's thread it ran in began, and says when they are all drawn: the edit's latency is then
   * complete. A turn may hold steps of other work before this document's, which block the thread
   * as much: a turn counts up to the end of this document's last step in it.
   */
  noteDrawing(key: string, step: { startedAt: number; turnStartedAt: number }, drawn = false): void {
    const timing = this.drawing.get(key);
    if (!timing) return;
    const now = performance.now();
    timing.drawMs += now - step.startedAt;
    const turnMs = now - step.turnStartedAt;
    if (turnMs > timing.longestDrawTurnMs) {
      timing.longestDrawTurnMs = turnMs;
      timing.longestDrawTurnAt = step.turnStartedAt;
    }
    if (!drawn) return;
    this.drawing.delete(key);
    const { flushedAt, repliedAt, analysisMs, drawMs, longestDrawTurnMs, longestDrawTurnAt } = timing;
    this.stats.editLatencies.push({ flushedAt, workerMs: repliedAt - flushedAt, analysisMs, hintsMs: now - flushedAt, drawMs, longestDrawTurnMs, longestDrawTurnAt });
    if (this.stats.editLatencies.length > 50) this.stats.editLatencies.shift();
  }

  /**
   * Unpacks every reply, since the next one refers to it, but keeps it only if it is for the latest
   * version sent: an older one is stale. False when the reply refers to findings this host does not
   * have: the document must be sent whole.
   */
  private accept(tracked: OpenDocument, version: number, analysis: PackedAnalysis | undefined): boolean {
    const key = tracked.uri.toString();
    if (!analysis || this.open.get(key) !== tracked) return true;
    const { base } = analysis.findings;
    if (base !== undefined && tracked.received?.version !== base) {
      this.log.warn(`${tracked.file}: the worker's reply refers to version ${base}, the host has ${tracked.received?.version ?? 'none'}; sending the document again`);
      tracked.received = undefined;
      return false;
    }
    const stale = version !== tracked.sentVersion;
    const held = base === undefined ? [] : (tracked.received?.findings ?? []);
    // A stale reply must not move the findings shown now: hovers and code actions read them.
    const unpacked = unpackAnalysis(analysis, held, { copyKept: stale && held === this.documentResults.get(key)?.findings });
    tracked.received = { version, findings: unpacked.findings };
    if (stale) return true;
    this.documentResults.set(key, unpacked);
    const reshaped = this.crateModels.setFile(tracked.uri, unpacked);
    this.updated.fire(reshaped ? [tracked.uri, ...this.crateChanged(key)] : [tracked.uri]);
    return true;
  }

  private closeDocument(document: vscode.TextDocument): void {
    if (!this.untrack(document.uri.toString())) return;
    // The file on disk may differ from the closed document: read it again.
    void this.fileChanged(document.uri, false);
  }

  /** Stops following a document edit by edit, dropping its results and any edits not yet sent; false if it was not followed. */
  private untrack(key: string): boolean {
    const tracked = this.open.get(key);
    if (!tracked) return false;
    clearTimeout(tracked.timer);
    this.open.delete(key);
    this.drawing.delete(key);
    const document = this.documentResults.get(key);
    this.documentResults.delete(key);
    const scanned = this.scanned.get(key);
    if (scanned) this.crateModels.setFile(tracked.uri, scanned);
    else if (document) this.crateModels.removeFile(tracked.uri, document.file);
    if (!this.scanned.has(key) && !this.manifests.has(key) && !this.projectFiles.has(key) && !this.skippedFiles.has(key)) this.uris.delete(key);
    void this.worker().then((w) => w.request({ kind: 'closeDocument', uri: key }, 'closed')).catch(() => undefined);
    return true;
  }

  /** Restarts the worker with new options, re-opening every tracked document. */
  async restart(): Promise<void> {
    const old = this.connection;
    this.connection = undefined;
    void old?.then((c) => c.close(), () => undefined);
    for (const tracked of this.open.values()) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === tracked.uri.toString());
      if (document) await this.sendOpen(tracked, document);
    }
  }

  dispose(): void {
    this.scanCancellation?.cancel();
    clearTimeout(this.crateRefresh);
    for (const tracked of this.open.values()) clearTimeout(tracked.timer);
    void this.connection?.then((c) => c.close(), () => undefined);
    for (const d of this.disposables) d.dispose();
  }
}
