import * as vscode from 'vscode';
import type { ExtensionApi } from '../api';
import type { GrammarBinaries } from '../analysis/parser';
import type { WorkerChannel } from '../worker/connection';
import { AnalysisHost } from './analysisHost';
import { registerCommands } from './commands';
import { readSettings, RESCAN_SETTINGS, type Settings } from './config';
import { EvidenceActionProvider, FindingHoverProvider, RUST_SELECTOR } from './editorFeatures';
import { registerExplanations } from './explanations';
import { openOnStartup, showFirstScreen } from './firstScreen';
import { HintRenderer } from './hints';
import { createLog, LOG_LANGUAGE } from './log';
import { readRepository, type RepositoryInfo } from './repository';
import { ReviewStore } from './reviewStore';
import { RubricSource } from './rubricSource';
import { Scorecard, SCORECARD_VIEW, ScorecardViewProvider } from './scorecard';
import { StatusBar } from './statusBar';
import { ANALYSED_FILES } from './workspaceFiles';

/** The files whose changes matter: Rust sources, manifests, the files around them, and the ignore files that decide which count. */
const WATCHED_FILES = `${ANALYSED_FILES.slice(0, -1)},**/.gitignore}`;
const WATCHED_FILE = /(\.rs|\/Cargo\.toml|\/\.gitignore)$/;

/** What each platform's entry point supplies: how to start the analysis worker. */
export interface Platform {
  createWorkerChannel(extensionUri: vscode.Uri): WorkerChannel;
}

async function readBinaries(extensionUri: vscode.Uri): Promise<GrammarBinaries> {
  const read = (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', name));
  const [runtime, rust] = await Promise.all([read('web-tree-sitter.wasm'), read('tree-sitter-rust.wasm')]);
  return { runtime, rust };
}

export function activateExtension(context: vscode.ExtensionContext, platform: Platform): ExtensionApi {
  const timings: ExtensionApi['timings'] = { activatedAt: Date.now() };
  const channel = vscode.window.createOutputChannel('Rust Take-Home Review', LOG_LANGUAGE);
  const log = createLog(channel);
  let settings: Settings = readSettings();
  const rubrics = new RubricSource(context.workspaceState, () => settings.rubricPath, log);
  const rubric = () => rubrics.current;

  const host = new AnalysisHost(
    () => platform.createWorkerChannel(context.extensionUri),
    () => readBinaries(context.extensionUri),
    () => settings,
    log,
  );
  const hints = new HintRenderer(context.extensionUri, host, () => settings);
  const statusBar = new StatusBar(hints, 'rustReview.showScorecard');

  let repository: Promise<RepositoryInfo | undefined> | undefined;
  const readRepositoryOnce = () => (repository ??= readRepository());
  let reviews: Promise<ReviewStore> | undefined;
  const openReviews = () =>
    (reviews ??= readRepositoryOnce().then((repo) =>
      ReviewStore.open(
        context.storageUri ?? context.globalStorageUri,
        repo ?? { name: vscode.workspace.name ?? 'untitled', root: context.globalStorageUri },
        rubric(),
        log,
      ),
    ));

  const scorecard = new Scorecard(host, rubrics, openReviews, readRepositoryOnce, () => settings, log);
  const panel = new ScorecardViewProvider(context.extensionUri, scorecard, log);
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
  const onFile = (deleted: boolean) => (uri: vscode.Uri) => {
    if (uri.path.endsWith('/.gitignore')) void host.scanWorkspace();
    else void host.fileChanged(uri, deleted);
  };
  // A folder created, moved or deleted comes as one event for the folder, which the watcher above
  // does not match. Cargo's and git's own folders are never analysed, and fill up fast.
  const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
  const isFolderCandidate = (uri: vscode.Uri) => !WATCHED_FILE.test(uri.path) && !/\/(target|\.git)(\/|$)/.test(uri.path);

  context.subscriptions.push(
    channel,
    host,
    hints,
    statusBar,
    watcher,
    rubrics,
    panel,
    vscode.window.registerWebviewViewProvider(SCORECARD_VIEW, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    rubrics.onDidChange(() => panel.refresh()),
    vscode.commands.registerCommand('rustReview.showScorecard', () => vscode.commands.executeCommand(`${SCORECARD_VIEW}.focus`)),
    vscode.commands.registerCommand('rustReview.copyReview', () => scorecard.copy('markdown')),
    vscode.commands.registerCommand('rustReview.copyReviewJson', () => scorecard.copy('json')),
    vscode.commands.registerCommand('rustReview.saveReview', () => scorecard.saveAs()),
    vscode.commands.registerCommand('rustReview.importReview', (uri?: vscode.Uri) => scorecard.importFrom(uri)),
    registerExplanations(),
    vscode.languages.registerHoverProvider(RUST_SELECTOR, new FindingHoverProvider(hints)),
    vscode.languages.registerCodeActionsProvider(RUST_SELECTOR, new EvidenceActionProvider(hints, rubric), {
      providedCodeActionKinds: EvidenceActionProvider.kinds,
    }),
    ...registerCommands({ host, hints, reviews: openReviews, repository: readRepositoryOnce, rubric }),
    hints.onDidChangeTotals(() => statusBar.update()),
    host.onDidUpdate((uris) => {
      hints.refresh(uris);
      statusBar.update();
      panel.refresh();
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (timings.firstHintsAt === undefined && active && uris.some((u) => u.toString() === active)) timings.firstHintsAt = Date.now();
    }),
    watcher.onDidCreate(onFile(false)),
    watcher.onDidChange(onFile(false)),
    watcher.onDidDelete(onFile(true)),
    folders,
    folders.onDidCreate((uri) => {
      if (isFolderCandidate(uri)) void host.folderCreated(uri);
    }),
    folders.onDidDelete((uri) => {
      if (isFolderCandidate(uri)) host.folderDeleted(uri);
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => hints.decorate(e))),
    vscode.window.onDidChangeTextEditorVisibleRanges((event) => hints.decorate(event.textEditor)),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      // Only the active-line mode depends on where the cursor is.
      if (settings.inlineText === 'activeLine') hints.decorate(event.textEditor);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('rustReview') && !event.affectsConfiguration('files.exclude')) return;
      settings = readSettings();
      if (RESCAN_SETTINGS.some((key) => event.affectsConfiguration(key)) || event.affectsConfiguration('files.exclude')) {
        void host.restart().then(() => host.scanWorkspace());
      }
      hints.refresh();
      statusBar.update();
    }),
  );

  host.trackOpenDocuments();
  void rubrics.reload();
  void openReviews().then((store) => context.subscriptions.push(store, store.onDidChange(() => panel.refresh(0))));
  const firstScan = host.scanWorkspace();
  void Promise.resolve(firstScan).finally(() => {
    scorecard.scanning = false;
    panel.refresh(0);
  });
  if (openOnStartup()) void showFirstScreen(context.workspaceState).catch((error: unknown) => log.warn(`could not open the first screen: ${String(error)}`));
  log.info(`activated in ${vscode.env.uiKind === vscode.UIKind.Web ? 'the web' : 'the desktop'} extension host; workspace trusted: ${vscode.workspace.isTrusted}`);
  return {
    host,
    statusBar,
    scorecard,
    reviews: openReviews,
    openReview: (storage, repository, rubric, log) => ReviewStore.open(storage, repository, rubric, log),
    rubrics,
    firstScan,
    timings,
    log,
  };
}
