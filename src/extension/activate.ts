import * as vscode from 'vscode';
import type { ExtensionApi } from '../api';
import type { GrammarBinaries } from '../analysis/parser';
import type { WorkerChannel } from '../worker/connection';
import { recordBaseline } from '../rubric/review';
import type { HistoryChannel } from '../worker/historyClient';
import { BlindReview, blindCommands } from './blindReview';
import { CalibrationService, calibrationCommands } from './calibration';
import { commandTable, registerCommands } from './commands';
import { COMPARE_CANDIDATES_COMMAND, CompareCandidatesPanel } from './compareCandidates';
import { readSettings, RESCAN_SETTINGS, type Settings } from './config';
import { FindingDecorations } from './decorations';
import { DiagnosticsPainter } from './diagnosticsPainter';
import { EditLatencyRecorder, NO_EDIT_TIMINGS } from './editTimings';
import { EvidenceActionProvider, FindingHoverProvider, RUST_SELECTOR } from './editorFeatures';
import { registerExplanations } from './explanations';
import { FindingsStore } from './findingsStore';
import { StarterDimming } from './historyDimming';
import { HistoryReader } from './historyReader';
import { HistoryStore } from './historyStore';
import { openOnStartup, showFirstScreen } from './firstScreen';
import { createLog, LOG_LANGUAGE } from './log';
import { OpenDocumentSync } from './openDocumentSync';
import { readRepository, type RepositoryInfo } from './repository';
import { ReviewStore } from './reviewStore';
import { RubricSource } from './rubricSource';
import { SCORECARD_VIEW, ScorecardService, ScorecardViewProvider } from './scorecard';
import { ShownFindings } from './shownFindings';
import { StatusBar } from './statusBar';
import { WorkerClient } from './workerClient';
import { WorkspaceScanner } from './workspaceScanner';

/** How long after the first scan the history is read, so that the first hints are drawn first. */
const HISTORY_AFTER_FIRST_SCAN_MS = 500;

/** What each platform's entry point supplies: how to start the analysis worker, and a history worker. */
export interface Platform {
  createWorkerChannel(extensionUri: vscode.Uri): WorkerChannel;
  createHistoryChannel(extensionUri: vscode.Uri): HistoryChannel;
}

async function readBinaries(extensionUri: vscode.Uri): Promise<GrammarBinaries> {
  const read = (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', name));
  const [runtime, rust] = await Promise.all([read('web-tree-sitter.wasm'), read('tree-sitter-rust.wasm')]);
  return { runtime, rust };
}

/**
 * Wires the extension's parts together. Returns the test hooks (see ExtensionApi) only when VS Code
 * runs the extension under tests: the integration suite, the hostile workspace and the benchmark.
 */
export function activateExtension(context: vscode.ExtensionContext, platform: Platform): ExtensionApi | undefined {
  const underTest = context.extensionMode === vscode.ExtensionMode.Test;
  const timings: ExtensionApi['timings'] = { activatedAt: Date.now() };
  const channel = vscode.window.createOutputChannel('Rust Take-Home Review', LOG_LANGUAGE);
  const log = createLog(channel);
  let settings: Settings = readSettings();
  const currentSettings = () => settings;
  const rubrics = new RubricSource(context.workspaceState, () => settings.rubricPath, log);
  const rubric = () => rubrics.current;
  // Each edit is timed from its flush to its hints drawn only when tests or the benchmark read it.
  const editLatencies = underTest ? new EditLatencyRecorder() : undefined;
  const editTimings = editLatencies ?? NO_EDIT_TIMINGS;

  const worker = new WorkerClient(
    () => platform.createWorkerChannel(context.extensionUri),
    () => readBinaries(context.extensionUri),
    currentSettings,
    log,
  );
  const store = new FindingsStore();
  const documents = new OpenDocumentSync(worker, store, currentSettings, log, editTimings);
  const scanner = new WorkspaceScanner(store, worker, documents, currentSettings, log);
  const shown = new ShownFindings(store, currentSettings);
  const diagnostics = new DiagnosticsPainter(shown, currentSettings, editTimings);
  const decorations = new FindingDecorations(context.extensionUri, shown, currentSettings);
  const statusBar = new StatusBar(shown, 'rustReview.showScorecard');
  // The repository's history and baseline, for the scorecard and the starter-code filter.
  const history = new HistoryStore();
  const historyReader = new HistoryReader(history, log, () => platform.createHistoryChannel(context.extensionUri));
  // With a baseline, the starter's findings are hidden or dimmed in the editor, and left out of the scorecard.
  shown.hiddenLinesIn = (uri) => historyReader.hiddenLinesIn(uri);

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

  // What blind review hides: every text the panel, the hovers and the exports show passes through it.
  const blind = new BlindReview(openReviews, history, currentSettings, rubric, log);
  const scorecard = new ScorecardService(store, rubrics, openReviews, readRepositoryOnce, currentSettings, log, history, blind);
  scorecard.leavesOut = (uri, finding) => historyReader.isStarterFinding(uri, finding);
  const panel = new ScorecardViewProvider(context.extensionUri, scorecard, log);
  const calibration = new CalibrationService(scorecard, openReviews, rubric, blind, log);
  const candidates = new CompareCandidatesPanel(context.extensionUri, store, openReviews, rubric, blind, currentSettings, log);

  /** Redraws the hints of the given files, or of every file after a settings change. */
  const redraw = (uris?: readonly vscode.Uri[]) => {
    shown.invalidate(uris);
    diagnostics.repaint(uris ?? store.files(), uris === undefined);
    decorations.redraw(uris);
    statusBar.update();
  };

  context.subscriptions.push(
    channel,
    worker,
    store,
    documents,
    scanner,
    shown,
    diagnostics,
    decorations,
    statusBar,
    history,
    blind,
    calibration,
    candidates,
    historyReader,
    new StarterDimming(historyReader, history),
    history.onDidChange(() => {
      redraw();
      panel.refresh();
    }),
    // The review records the baseline its levels were chosen against, so that reopened or exported it says which.
    historyReader.onDidReadBaseline(
      (baseline) =>
        void openReviews()
          .then((reviews) => reviews.update((review) => recordBaseline(review, baseline, new Date())))
          .catch((error: unknown) => log.warn(`the review could not record its baseline: ${String(error)}`)),
    ),
    rubrics,
    panel,
    vscode.window.registerWebviewViewProvider(SCORECARD_VIEW, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    rubrics.onDidChange(() => panel.refresh()),
    blind.onDidChange(() => {
      panel.refresh(0);
      candidates.refresh(0);
    }),
    registerExplanations(),
    vscode.languages.registerHoverProvider(RUST_SELECTOR, new FindingHoverProvider(shown, (text) => blind.text(text))),
    vscode.languages.registerCodeActionsProvider(RUST_SELECTOR, new EvidenceActionProvider(shown, rubric), {
      providedCodeActionKinds: EvidenceActionProvider.kinds,
    }),
    ...registerCommands({
      ...commandTable({ scanner, store, shown, scorecard, disclosure: blind, history: historyReader, reviews: openReviews, repository: readRepositoryOnce, rubric }),
      ...blindCommands(blind),
      ...calibrationCommands(calibration),
      [COMPARE_CANDIDATES_COMMAND]: () => candidates.show(),
    }),
    shown.onDidChangeTotals(() => statusBar.update()),
    store.onDidUpdate((uris) => {
      redraw(uris);
      panel.refresh();
      candidates.refresh();
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (timings.firstHintsAt === undefined && active && uris.some((u) => u.toString() === active)) timings.firstHintsAt = Date.now();
    }),
    // The file on disk may differ from the closed document: read it again.
    documents.onDidClose((uri) => void scanner.fileChanged(uri, false)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => decorations.decorate(e))),
    vscode.window.onDidChangeTextEditorVisibleRanges((event) => decorations.decorate(event.textEditor)),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      // Only the active-line mode depends on where the cursor is.
      if (settings.inlineText === 'activeLine') decorations.decorate(event.textEditor);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('rustReview') && !event.affectsConfiguration('files.exclude')) return;
      settings = readSettings();
      if (event.affectsConfiguration('rustReview.blind')) blind.settingsChanged();
      if (RESCAN_SETTINGS.some((key) => event.affectsConfiguration(key)) || event.affectsConfiguration('files.exclude')) {
        // A new worker takes the new options; every followed document is sent to it whole.
        worker.restart();
        void documents.resendAll().then(() => scanner.scanWorkspace());
      }
      redraw();
    }),
  );

  documents.followOpenDocuments();
  void rubrics.reload();
  void openReviews().then((store) => context.subscriptions.push(store, store.onDidChange(() => panel.refresh(0))));
  const firstScan = scanner.scanWorkspace();
  void Promise.resolve(firstScan).finally(() => {
    panel.refresh(0);
    candidates.refresh(0);
    // The history is read once the first scan's hints are drawn, never before: it can take seconds
    // (in a worker, but its answers to the worker's reads still take turns of the host's thread).
    historyReader.readAfter(HISTORY_AFTER_FIRST_SCAN_MS);
  });
  if (openOnStartup()) void showFirstScreen(context.workspaceState).catch((error: unknown) => log.warn(`could not open the first screen: ${String(error)}`));
  log.info(`activated in ${vscode.env.uiKind === vscode.UIKind.Web ? 'the web' : 'the desktop'} extension host; workspace trusted: ${vscode.workspace.isTrusted}`);
  // Outside tests, nothing: no other extension depends on this one's internals.
  if (!editLatencies) return undefined;
  return {
    host: {
      scanWorkspace: () => scanner.scanWorkspace(),
      stats: editLatencies,
      files: scanner.files,
      findingsFor: (uri) => store.findingsFor(uri),
      allFindings: () => store.allFindings(),
      get skipped() {
        return store.skipped;
      },
    },
    statusBar,
    scorecard,
    reviews: openReviews,
    openReview: (storage, repository, rubric, log) => ReviewStore.open(storage, repository, rubric, log),
    rubrics,
    firstScan,
    timings,
    log,
    history: {
      get current() {
        return history.current;
      },
      get lastRead() {
        return historyReader.lastRead;
      },
    },
    blind,
    compareCandidates: {
      comparison: async () => (await candidates.comparison()).comparison,
      open: (row, categoryId) => candidates.open(row, categoryId),
    },
  };
}
