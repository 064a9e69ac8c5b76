import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import type { TextEdit } from '../worker/documents';
import { ReceivedFindings, type PackedAnalysis } from '../worker/packedFindings';
import type { Settings } from './config';
import type { EditTimingRecorder } from './editTimings';
import type { FindingsStore } from './findingsStore';
import type { Log } from './log';
import type { WorkerClient } from './workerClient';
import { relativePath } from './workspaceFiles';

/** A Rust document open in the editor, as the host follows it edit by edit. */
interface FollowedDocument {
  uri: vscode.Uri;
  file: string;
  /** The version the worker has; edits after it wait in `pending`. */
  sentVersion: number;
  pending: TextEdit[];
  timer?: ReturnType<typeof setTimeout>;
  /** The groups of the latest reply, current or stale: the next reply lists those it kept. */
  received: ReceivedFindings;
}

function isRust(document: vscode.TextDocument): boolean {
  return document.languageId === 'rust' || document.uri.path.endsWith('.rs');
}

/**
 * Keeps the worker's copy of each open Rust document in step with the editor: the whole text when
 * it opens, then its edits, gathered until typing pauses (the debounce). Each current reply goes
 * to the findings store; a reply for a version already edited again is stale and not shown.
 */
export class OpenDocumentSync implements vscode.Disposable {
  private readonly followed = new Map<string, FollowedDocument>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[];
  /** A followed document closed: its file on disk may differ from what the editor held. */
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly worker: WorkerClient,
    private readonly store: FindingsStore,
    private readonly settings: () => Settings,
    private readonly log: Log,
    private readonly timings: EditTimingRecorder,
  ) {
    this.disposables = [
      this.closed,
      vscode.workspace.onDidOpenTextDocument((d) => this.follow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changeDocument(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closeDocument(d)),
    ];
  }

  /** Starts following the Rust documents already open when the extension activates. */
  followOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.follow(document);
  }

  private fileOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? relativePath(folder, uri) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
  }

  private follow(document: vscode.TextDocument): void {
    if (!isRust(document) || this.followed.has(document.uri.toString())) return;
    const followed: FollowedDocument = { uri: document.uri, file: this.fileOf(document.uri), sentVersion: document.version, pending: [], received: new ReceivedFindings() };
    this.followed.set(document.uri.toString(), followed);
    this.store.documentOpened(document.uri);
    void this.sendWhole(followed, document);
  }

  private async sendWhole(followed: FollowedDocument, document: vscode.TextDocument): Promise<void> {
    followed.sentVersion = document.version;
    followed.pending = [];
    try {
      const reply = await this.worker.request(
        { kind: 'openDocument', uri: document.uri.toString(), file: followed.file, version: document.version, text: document.getText() },
        'document',
      );
      this.accept(followed, reply.version, reply.analysis);
    } catch (error) {
      this.log.error(`${followed.file}: ${errorMessage(error)}`);
    }
  }

  private changeDocument(event: vscode.TextDocumentChangeEvent): void {
    const followed = this.followed.get(event.document.uri.toString());
    if (!followed) {
      // A document no longer followed since its file was deleted, edited again: follow it anew.
      if (!event.document.isClosed) this.follow(event.document);
      return;
    }
    if (event.contentChanges.length === 0) return;
    for (const change of event.contentChanges) {
      followed.pending.push({ rangeOffset: change.rangeOffset, rangeLength: change.rangeLength, text: change.text });
    }
    clearTimeout(followed.timer);
    followed.timer = setTimeout(() => void this.flush(followed, event.document), this.settings().debounceMs);
  }

  /** Sends the edits gathered since the last flush; the worker re-parses incrementally. */
  private async flush(followed: FollowedDocument, document: vscode.TextDocument): Promise<void> {
    const edits = followed.pending;
    const version = document.version;
    followed.pending = [];
    followed.sentVersion = version;
    const flushedAt = performance.now();
    try {
      const reply = await this.worker.request({ kind: 'changeDocument', uri: document.uri.toString(), version, edits }, 'document');
      if (!reply.analysis) {
        // The worker does not have the document (it restarted): send it whole.
        return this.sendWhole(followed, document);
      }
      const repliedAt = performance.now();
      const key = followed.uri.toString();
      if (followed.sentVersion === reply.version) this.timings.replied(key, { flushedAt, repliedAt, analysisMs: reply.analysisMs });
      // Accepting the reply starts drawing the hints (onDidUpdate): the first turn of it.
      if (!this.accept(followed, reply.version, reply.analysis)) {
        this.timings.dropped(key);
        return this.sendWhole(followed, document);
      }
      this.timings.drew(key, { startedAt: repliedAt, turnStartedAt: repliedAt });
    } catch (error) {
      this.log.error(`${followed.file}: ${errorMessage(error)}`);
      if (this.followed.get(document.uri.toString()) === followed && !document.isClosed) await this.sendWhole(followed, document);
    }
  }

  /**
   * Takes every reply in, since the next one lists the groups it kept of it, but shows it only if
   * it is for the latest version sent: an older one is stale, and leaves what is shown as it is.
   * False when the reply lists a group this host was never sent: the document must be sent whole.
   */
  private accept(followed: FollowedDocument, version: number, analysis: PackedAnalysis | undefined): boolean {
    if (!analysis || this.followed.get(followed.uri.toString()) !== followed) return true;
    const received = followed.received.receive(analysis);
    if (!received) {
      this.log.warn(`${followed.file}: the worker's reply for version ${version} keeps findings the host was never sent; sending the document again`);
      return false;
    }
    if (version === followed.sentVersion) this.store.setDocument(followed.uri, received);
    return true;
  }

  private closeDocument(document: vscode.TextDocument): void {
    if (this.stopFollowing(document.uri.toString())) this.closed.fire(document.uri);
  }

  /** Stops following a document edit by edit, dropping its results and any edits not yet sent; false if it was not followed. */
  stopFollowing(key: string): boolean {
    const followed = this.followed.get(key);
    if (!followed) return false;
    clearTimeout(followed.timer);
    this.followed.delete(key);
    this.timings.dropped(key);
    this.store.documentClosed(key);
    void this.worker.request({ kind: 'closeDocument', uri: key }, 'closed').catch(() => undefined);
    return true;
  }

  /** Sends every followed document whole again, to a restarted worker. */
  async resendAll(): Promise<void> {
    for (const followed of this.followed.values()) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === followed.uri.toString());
      if (document) await this.sendWhole(followed, document);
    }
  }

  dispose(): void {
    for (const followed of this.followed.values()) clearTimeout(followed.timer);
    for (const d of this.disposables) d.dispose();
  }
}
