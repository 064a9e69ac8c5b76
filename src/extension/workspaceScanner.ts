import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import type { ScanSummary } from '../api';
import { analyzeManifest } from '../analysis/manifest';
import type { SkippedFile } from '../analysis/model';
import { needsText } from '../analysis/project';
import { formatBytes } from '../analysis/source';
import { transferable } from '../worker/connection';
import { unpackOutcome } from '../worker/packedOutcome';
import type { Settings } from './config';
import type { FindingsStore } from './findingsStore';
import type { Log } from './log';
import type { WorkerClient } from './workerClient';
import { ANALYSED_FILES, WorkspaceFiles, type WorkspaceFile } from './workspaceFiles';

/** How many files are read and analysed at once (a scan, a folder that appeared): enough to keep the worker busy. */
const SCAN_PIPELINE = 4;

/** The files whose changes matter: Rust sources, manifests, the files around them, and the ignore files that decide which count. */
const WATCHED_FILES = `${ANALYSED_FILES.slice(0, -1)},**/.gitignore}`;
const WATCHED_FILE = /(\.rs|\/Cargo\.toml|\/\.gitignore)$/;

/** What the scanner needs of the documents followed in the editor. */
export interface FollowedDocuments {
  /** Stops following a document whose file was deleted; false if it was not followed. */
  stopFollowing(key: string): boolean;
}

/**
 * Reads the workspace's files into the findings store: every file at a scan, then each file or
 * folder a file-system event reports created, changed or deleted. Open documents are left to the
 * editor's text (see OpenDocumentSync).
 */
export class WorkspaceScanner implements vscode.Disposable {
  readonly files: WorkspaceFiles;
  private scanCancellation: vscode.CancellationTokenSource | undefined;
  /** Per file, the number of its latest read (see analyzeWorkspaceFile); forgetting a file drops it. */
  private readonly latestRead = new Map<string, number>();
  private readCount = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: FindingsStore,
    private readonly worker: WorkerClient,
    private readonly documents: FollowedDocuments,
    private readonly settings: () => Settings,
    private readonly log: Log,
  ) {
    this.files = new WorkspaceFiles(() => this.settings().exclude);
    const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
    const onFile = (deleted: boolean) => (uri: vscode.Uri) => {
      if (uri.path.endsWith('/.gitignore')) void this.scanWorkspace();
      else void this.fileChanged(uri, deleted);
    };
    // A folder created, moved or deleted comes as one event for the folder, which the watcher above
    // does not match. Cargo's and git's own folders are never analysed, and fill up fast.
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    const isFolderCandidate = (uri: vscode.Uri) => !WATCHED_FILE.test(uri.path) && !/\/(target|\.git)(\/|$)/.test(uri.path);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onFile(false)),
      watcher.onDidChange(onFile(false)),
      watcher.onDidDelete(onFile(true)),
      folders,
      folders.onDidCreate((uri) => {
        if (isFolderCandidate(uri)) void this.folderCreated(uri);
      }),
      folders.onDidDelete((uri) => {
        if (isFolderCandidate(uri)) this.folderDeleted(uri);
      }),
    );
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
    this.store.scanStarted();
    let done = 0;
    const changed = new Set<string>();
    try {
      const files = await this.files.findAll(token);
      this.log.info(`scan: ${files.length} files to analyse, listed in ${Date.now() - started} ms`);
      const previous = this.store.scannedKeys();
      await this.analyzeFiles(
        files,
        (file) => {
          changed.add(file.uri.toString());
          report(++done, files.length);
        },
        token,
      );
      const cancelled = token.isCancellationRequested;
      if (!cancelled) {
        // Files that were there before and are gone now (or are now excluded): their hints go too.
        for (const key of previous) {
          if (changed.has(key)) continue;
          this.forget(key);
          changed.add(key);
        }
      }
      const skipped = this.store.skipped;
      const ms = Date.now() - started;
      this.log.info(`scan ${cancelled ? 'cancelled after' : 'done:'} ${done} files, ${skipped.length} skipped, ${ms} ms`);
      return { files: done, skipped, ms, cancelled };
    } finally {
      this.store.scanEnded({ files: done, skipped: this.store.skipped.length, ms: Date.now() - started }, [...changed]);
    }
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
  private async analyzeWorkspaceFile(file: WorkspaceFile): Promise<void> {
    const { uri } = file;
    const key = uri.toString();
    this.store.remember(uri);
    const read = ++this.readCount;
    this.latestRead.set(key, read);
    const superseded = () => this.latestRead.get(key) !== read;
    const skip = (reason: SkippedFile['reason'], detail: string) => {
      if (superseded()) return;
      this.store.setSkipped(uri, { file: file.path, reason, detail });
      this.log.warn(`skip ${file.path}: ${detail}`);
    };
    try {
      if (file.kind !== 'rust' && file.kind !== 'manifest' && !needsText(file.kind)) {
        // A lockfile counts by being there: it is never read, whatever its size.
        this.store.unskip(uri);
        this.store.setProjectFile(uri, { file: file.path, kind: file.kind });
        return;
      }
      const { size } = await vscode.workspace.fs.stat(uri);
      const max = this.settings().maxFileSize;
      if (size > max) return skip('too-large', `${formatBytes(size)} is over the ${formatBytes(max)} limit`);
      const contents = await vscode.workspace.fs.readFile(uri);
      if (superseded()) return;
      this.store.unskip(uri);
      if (file.kind === 'manifest') {
        const text = new TextDecoder().decode(contents);
        const result = analyzeManifest(file.path, text);
        if (result.manifest.error) this.log.warn(`${file.path}: ${result.manifest.error}`);
        this.store.setManifest(uri, { ...result, text });
        return;
      }
      if (file.kind !== 'rust') {
        this.store.setProjectFile(uri, { file: file.path, kind: file.kind, text: new TextDecoder().decode(contents) });
        return;
      }
      const { bytes, transfer } = transferable(contents);
      const outcome = unpackOutcome((await this.worker.request({ kind: 'analyzeFile', file: file.path, bytes }, 'analyzed', transfer)).outcome);
      if (outcome.skipped) return skip(outcome.skipped.reason, outcome.skipped.detail);
      if (superseded()) return;
      this.store.setScanned(uri, outcome.analysis);
    } catch (error) {
      // Listed, then renamed or deleted before it was read: gone, not unreadable.
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        if (!superseded()) this.forget(key);
        return;
      }
      skip('unreadable', errorMessage(error));
    }
  }

  private forget(key: string): void {
    this.latestRead.delete(key);
    this.store.forget(key);
  }

  /** A file created, changed or deleted outside the editor, or an open document closed (its file may differ). */
  async fileChanged(uri: vscode.Uri, deleted: boolean): Promise<void> {
    const key = uri.toString();
    if (deleted) {
      this.forget(key);
      // VS Code keeps a document for a while after its editor closes, so a deleted file's document
      // may still be followed though nobody sees it: its hints go too, with any edit waiting to be
      // sent (a revert on closing), and come back if it is edited again.
      this.documents.stopFollowing(key);
    } else {
      // An open document's hints come from its text in the editor, kept current edit by edit; its
      // file is read again when it closes. Re-analysing it on every save would only queue a whole
      // file's analysis in front of the next edit's.
      if (this.store.isOpen(key)) return;
      const file = await this.files.accepts(uri);
      if (!file) return;
      await this.analyzeWorkspaceFile(file);
    }
    // A file's modules, functions or manifest may change how the others are judged.
    this.store.refreshCrateLater();
    this.store.changed([uri]);
  }

  /** A folder created, or moved here: VS Code reports the folder alone, not each file it holds. */
  private async folderCreated(uri: vscode.Uri): Promise<void> {
    try {
      if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) return;
      const files = await this.files.findUnder(uri);
      if (files.length === 0) return;
      await this.analyzeFiles(files);
      this.store.refreshCrateLater();
      this.store.changed(files.map((file) => file.uri));
    } catch (error) {
      // Gone again before it was read: its deletion is reported on its own.
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log.error(`${uri.path}: ${errorMessage(error)}`);
    }
  }

  /** A folder deleted: VS Code reports the folder alone, not each file that went with it. */
  private folderDeleted(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    const gone = this.store.knownKeys().filter((key) => key.startsWith(prefix));
    if (gone.length === 0) return;
    const uris = gone.map((key) => this.store.uriOf(key));
    for (const key of gone) {
      this.forget(key);
      this.documents.stopFollowing(key);
    }
    this.store.refreshCrateLater();
    this.store.changed(uris);
  }

  dispose(): void {
    this.scanCancellation?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
