import * as vscode from 'vscode';
import { FileFindings, PlacedRuns } from '../analysis/anchoredFindings';
import { isOwnCode, type CrateManifest, type FileAnalysis, type FileSummary, type Finding, type SkippedFile } from '../analysis/model';
import { analyzeProject, type ProjectFile } from '../analysis/project';
import type { ReceivedDocument } from '../worker/packedFindings';
import { WorkspaceCrates } from './crateModels';
import { relativePath } from './workspaceFiles';

/**
 * After an edit that changes what other files are judged by (a signature, a call, a module), the
 * files not open in an editor are judged again once typing pauses this long: their diagnostics
 * follow, without redrawing the whole workspace on every keystroke.
 */
const CRATE_REFRESH_MS = 1500;

/** How the last scan went, for the scorecard's summary. */
export interface ScanRecord {
  files: number;
  skipped: number;
  ms: number;
}

/**
 * What the analysis found across the workspace: the workspace scan's results and the open
 * documents', each file's open document winning over its scan, since it holds what the reviewer
 * sees. It judges the findings by each folder's crate model and tells, through `onDidUpdate`,
 * which files' findings changed.
 */
export class FindingsStore implements vscode.Disposable {
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
  /** The documents open in an editor, by key, with the latest reply of the worker once one came: findings held group by group. */
  private readonly documents = new Map<string, { uri: vscode.Uri; received?: ReceivedDocument }>();
  /** The open documents' findings as last placed in their files, group by group, for those who ask for placed findings. */
  private readonly placedRuns = new PlacedRuns();
  /** A file's findings, given placed (a scan's, a manifest's), held as its own: judged again, the same array comes back and so does this. */
  private readonly heldAsFile = new WeakMap<readonly Finding[], FileFindings>();
  /** The crate model of each folder: findings are shown as it judges them. */
  private readonly crateModels = new WorkspaceCrates();
  /** The URI of each file known by its key: parsing ten thousand keys back on each update showed. */
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly updated = new vscode.EventEmitter<vscode.Uri[]>();
  private crateRefresh: ReturnType<typeof setTimeout> | undefined;
  private scansRunning = 0;
  private lastScanRecord: ScanRecord | undefined;
  /** Fires with the files whose findings changed. */
  readonly onDidUpdate = this.updated.event;

  /** The findings for one file, its open document's if open, else the scan's, as the crate model judges them, placed in the file. */
  findingsFor(uri: vscode.Uri): Finding[] {
    const received = this.documents.get(uri.toString())?.received;
    return received ? this.crateModels.judgeDocument(uri, received.summary, received.findings).placed(this.placedRuns) : this.placedFindingsFor(uri);
  }

  /**
   * The same findings, held as they came: an open document's group by group, relative to each
   * group, so that an edit above them costs nothing here; the editor places them when it draws.
   */
  fileFindingsFor(uri: vscode.Uri): FileFindings {
    const received = this.documents.get(uri.toString())?.received;
    if (received) return this.crateModels.judgeDocument(uri, received.summary, received.findings);
    const findings = this.placedFindingsFor(uri);
    let held = this.heldAsFile.get(findings);
    if (!held) this.heldAsFile.set(findings, (held = FileFindings.of(findings)));
    return held;
  }

  /** The findings of a file not open in an editor. */
  private placedFindingsFor(uri: vscode.Uri): Finding[] {
    const key = uri.toString();
    const scanned = this.scanned.get(key);
    if (scanned) return this.crateModels.judge(uri, scanned);
    const own = this.manifests.get(key)?.findings ?? [];
    const project = this.projectFindingsOf(uri);
    return project.length === 0 ? own : [...own, ...project].sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex);
  }

  private summaryOf(key: string): FileSummary | undefined {
    return this.documents.get(key)?.received?.summary ?? this.scanned.get(key);
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

  /** Every file that may have findings, in order. */
  files(): vscode.Uri[] {
    return this.keysWithFindings().map((key) => this.uriOf(key));
  }

  private keysWithFindings(): string[] {
    const keys = new Set([...this.scanned.keys(), ...this.manifests.keys(), ...this.projectFiles.keys()]);
    for (const [key, document] of this.documents) if (document.received) keys.add(key);
    return [...keys].sort();
  }

  /** Every file with findings, open documents taking precedence over the scan. */
  allFindings(): { uri: vscode.Uri; findings: Finding[] }[] {
    return this.files().map((uri) => ({ uri, findings: this.findingsFor(uri) }));
  }

  /**
   * Lines of the crate's own code in the files analysed, open documents taking precedence: what the
   * rubric weighs concerns against. Given a workspace folder (a candidate, in Compare Candidates), in its files only.
   */
  codeLines(folder?: vscode.WorkspaceFolder): number {
    let total = 0;
    const keys = new Set([...this.scanned.keys(), ...[...this.documents].filter(([, d]) => d.received).map(([key]) => key)]);
    for (const key of keys) {
      if (folder && vscode.workspace.getWorkspaceFolder(this.uriOf(key))?.uri.toString() !== folder.uri.toString()) continue;
      const analysis = this.summaryOf(key);
      if (analysis && isOwnCode(analysis)) total += analysis.stats.codeLines;
    }
    return total;
  }

  get skipped(): SkippedFile[] {
    return [...this.skippedFiles.values()];
  }

  /** Whether a scan of the workspace is under way, or the first has not ended yet (it starts a turn after activation). */
  get scanning(): boolean {
    return this.scansRunning > 0 || !this.lastScanRecord;
  }

  get lastScan(): ScanRecord | undefined {
    return this.lastScanRecord;
  }

  scanStarted(): void {
    this.scansRunning++;
  }

  /** A scan ended, cancelled or done; `changed` are the files it found, changed or saw go. */
  scanEnded(record: ScanRecord, changed: readonly string[]): void {
    this.scansRunning--;
    this.lastScanRecord = record;
    this.updated.fire(changed.map((key) => this.uriOf(key)));
  }

  /** Every file the store knows, findings or skip, open or not. */
  knownKeys(): string[] {
    return [...new Set([...this.scanned.keys(), ...this.manifests.keys(), ...this.projectFiles.keys(), ...this.skippedFiles.keys(), ...this.documents.keys()])];
  }

  /** Files the scan found: with findings, skipped, or around the code. */
  scannedKeys(): Set<string> {
    return new Set([...this.scanned.keys(), ...this.manifests.keys(), ...this.projectFiles.keys(), ...this.skippedFiles.keys()]);
  }

  isOpen(key: string): boolean {
    return this.documents.has(key);
  }

  remember(uri: vscode.Uri): void {
    this.uris.set(uri.toString(), uri);
  }

  uriOf(key: string): vscode.Uri {
    return this.uris.get(key) ?? vscode.Uri.parse(key);
  }

  /** A Rust file as the scan analysed it. */
  setScanned(uri: vscode.Uri, analysis: FileAnalysis): void {
    const key = uri.toString();
    // A new Rust file may be a package's binary, bench or example: the project is judged again.
    if (!this.scanned.has(key)) this.projectFindings.clear();
    this.scanned.set(key, analysis);
    if (!this.documents.get(key)?.received) this.crateModels.setFile(uri, analysis);
  }

  setManifest(uri: vscode.Uri, manifest: { manifest: CrateManifest; findings: Finding[]; text: string }): void {
    this.manifests.set(uri.toString(), manifest);
    this.projectFindings.clear();
    this.syncManifests(uri);
  }

  setProjectFile(uri: vscode.Uri, file: ProjectFile): void {
    this.projectFiles.set(uri.toString(), file);
    this.projectFindings.clear();
  }

  /** A file the scan could not analyse: its findings go, and the reason is listed. */
  setSkipped(uri: vscode.Uri, skipped: SkippedFile): void {
    const key = uri.toString();
    this.scanned.delete(key);
    if (this.projectFiles.delete(key)) this.projectFindings.clear();
    this.skippedFiles.set(key, skipped);
  }

  /** A file read again: it is no longer listed as skipped. */
  unskip(uri: vscode.Uri): void {
    this.skippedFiles.delete(uri.toString());
  }

  /** Drops what the scan found of a file: gone, or no longer analysed. */
  forget(key: string): void {
    const uri = this.uriOf(key);
    const scanned = this.scanned.get(key);
    if (scanned && !this.documents.get(key)?.received) this.crateModels.removeFile(uri, scanned.file);
    const manifest = this.manifests.delete(key);
    if (manifest) this.syncManifests(uri);
    // A manifest, a project file or a Rust file (a target) gone: the project is judged again.
    if (manifest || this.projectFiles.delete(key) || this.scanned.has(key)) this.projectFindings.clear();
    if (!this.documents.has(key)) this.uris.delete(key);
    this.scanned.delete(key);
    this.skippedFiles.delete(key);
  }

  /** Gives the crate model of the folder that holds `uri` every manifest known in that folder. */
  private syncManifests(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    const manifests = [...this.manifests].filter(([key]) => folder === undefined || key.startsWith(`${folder}/`)).map(([, m]) => m.manifest);
    this.crateModels.setManifests(uri, manifests);
  }

  /** A document now followed in the editor: its findings come with `setDocument`. */
  documentOpened(uri: vscode.Uri): void {
    this.documents.set(uri.toString(), { uri });
    this.remember(uri);
  }

  /**
   * An open document's latest reply, shown from now on. When it changes what other files are
   * judged by, the other open documents are redrawn now and every file once typing pauses.
   */
  setDocument(uri: vscode.Uri, received: ReceivedDocument): void {
    const key = uri.toString();
    const document = this.documents.get(key);
    if (!document) return;
    document.received = received;
    const reshaped = this.crateModels.setFile(uri, received.summary);
    if (!reshaped) return this.updated.fire([uri]);
    this.refreshCrateLater();
    this.updated.fire([uri, ...[...this.documents.values()].filter((other) => other !== document).map((other) => other.uri)]);
  }

  /** A document no longer followed: the scan's findings of its file count again. */
  documentClosed(key: string): void {
    const document = this.documents.get(key);
    if (!document) return;
    this.documents.delete(key);
    const scanned = this.scanned.get(key);
    if (scanned) this.crateModels.setFile(document.uri, scanned);
    else if (document.received) this.crateModels.removeFile(document.uri, document.received.summary.file);
    if (!this.scanned.has(key) && !this.manifests.has(key) && !this.projectFiles.has(key) && !this.skippedFiles.has(key)) this.uris.delete(key);
  }

  /** Files whose findings changed outside a scan (a file event, a folder moved). */
  changed(uris: vscode.Uri[]): void {
    this.updated.fire(uris);
  }

  /** Judges every file again once changes pause: a burst of file events costs one redraw. */
  refreshCrateLater(): void {
    clearTimeout(this.crateRefresh);
    this.crateRefresh = setTimeout(() => this.updated.fire(this.files()), CRATE_REFRESH_MS);
  }

  dispose(): void {
    clearTimeout(this.crateRefresh);
    this.updated.dispose();
  }
}
