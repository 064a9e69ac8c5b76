import * as vscode from 'vscode';
import { FileFindings, startLineOf, type LineWindow } from '../analysis/anchoredFindings';
import type { AnchoredFinding, Finding, FindingDescription } from '../analysis/model';
import { addCounts, countDrawn, noCounts, type DrawnCounts } from '../presentation/drawnCounts';
import { displayOf, isShown } from '../presentation/hintPolicy';
import type { Settings } from './config';
import type { FindingsStore } from './findingsStore';
import { DRAW_TURN_BUDGET_MS, SEVERITY } from './hints';

/** What was shown of each run's findings (by the run's findings) under one set of settings, and their counts as drawn (by the shown findings). */
interface RunMemo {
  settings: Settings;
  shown: WeakMap<readonly AnchoredFinding[], readonly AnchoredFinding[]>;
  counted: WeakMap<readonly AnchoredFinding[], DrawnCounts>;
}

/** Past this many files changed at once, the counts are redone in slices (see invalidate). */
const RECOUNT_ABOVE_FILES = 200;

/**
 * The findings the settings let through, per file, and their counts across the workspace: what
 * hovers, code actions, commands, the status bar and the painters ask. Kept per file until the
 * file's findings or a setting change, as the store holds them: an open document's relative to
 * its item groups, placed in the file only for what asks where they are (see FileFindings).
 */
export class ShownFindings implements vscode.Disposable {
  /** Per file, the findings the settings let through. */
  private readonly shownCache = new Map<string, FileFindings>();
  /** Per file, the shown findings counted by how they are drawn, for the status bar. */
  private readonly countCache = new Map<string, DrawnCounts>();
  private memo: RunMemo | undefined;
  /**
   * The counts across the workspace, kept current file by file as files change (a sum over ten
   * thousand files on every keystroke held the host's thread); undefined until counted.
   */
  private workspaceTotals: DrawnCounts | undefined;
  /** A count of the whole workspace under way (at first, and after a settings change), a slice of files per turn. */
  private recount: { queue: vscode.Uri[]; queued: Set<string>; totals: DrawnCounts; timer?: ReturnType<typeof setTimeout> } | undefined;
  private readonly totalsChanged = new vscode.EventEmitter<void>();
  /** Fires when a count of the whole workspace completes. */
  readonly onDidChangeTotals = this.totalsChanged.event;

  /**
   * The lines of a file whose findings the editor leaves out whatever the settings: the starter's,
   * when the reviewer hides them (set by activate); undefined when it hides none there, so that the
   * common case asks nothing per finding.
   */
  hiddenLinesIn: (uri: vscode.Uri) => ((line: number) => boolean) | undefined = () => undefined;

  constructor(
    private readonly store: FindingsStore,
    private readonly settings: () => Settings,
  ) {}

  /**
   * What was shown and counted of each run under the settings in force: runs never change, so an
   * edit filters and counts only the groups it analysed again. New settings start afresh.
   */
  private memoFor(settings: Settings): RunMemo {
    if (this.memo?.settings !== settings) this.memo = { settings, shown: new WeakMap(), counted: new WeakMap() };
    return this.memo;
  }

  /**
   * The findings the settings let through, for one file, group by group: the one place that
   * decides what is shown, by the hint policy and by the line a finding starts on.
   */
  findingsIn(uri: vscode.Uri): FileFindings {
    const key = uri.toString();
    let shown = this.shownCache.get(key);
    if (!shown) {
      const settings = this.settings();
      const hidden = this.hiddenLinesIn(uri);
      shown = !settings.hintsEnabled
        ? FileFindings.EMPTY
        : hidden
          ? this.store.fileFindingsFor(uri).filter((f, anchor) => isShown(f, settings.policy) && !hidden(startLineOf(f, anchor)))
          : this.store.fileFindingsFor(uri).filterEach((f) => isShown(f, settings.policy), this.memoFor(settings).shown);
      this.shownCache.set(key, shown);
    }
    return shown;
  }

  /** The shown findings of a file, placed in it, in order. */
  placedIn(uri: vscode.Uri): Finding[] {
    return this.findingsIn(uri).placed();
  }

  /** The shown findings of a file on lines that meet any of the windows (first and last line, inclusive), placed in it: only those are made. */
  placedOnLines(uri: vscode.Uri, windows: readonly LineWindow[]): Finding[] {
    return this.findingsIn(uri).placedOnLines(windows);
  }

  /** Whether the finding is drawn as a diagnostic, whose message VS Code's own hover shows. */
  isDiagnostic(finding: FindingDescription): boolean {
    return SEVERITY[displayOf(finding, this.settings().policy)] !== undefined;
  }

  private countsOf(uri: vscode.Uri): DrawnCounts {
    const key = uri.toString();
    let counts = this.countCache.get(key);
    if (!counts) {
      const shown = this.findingsIn(uri);
      const settings = this.settings();
      const { counted } = this.memoFor(settings);
      counts = countDrawn(shown.fileFindings, settings.policy);
      for (const run of shown.runs) {
        let ofRun = counted.get(run.findings);
        if (!ofRun) counted.set(run.findings, (ofRun = countDrawn(run.findings, settings.policy)));
        addCounts(counts, ofRun, 1);
      }
      this.countCache.set(key, counts);
    }
    return counts;
  }

  /** The shown findings across the workspace, counted by how they are drawn; undefined while they are being counted (see onDidChangeTotals). */
  totals(): DrawnCounts | undefined {
    if (!this.workspaceTotals && !this.recount) this.startRecount(this.store.files());
    return this.workspaceTotals && { ...this.workspaceTotals };
  }

  private startRecount(uris: readonly vscode.Uri[]): void {
    clearTimeout(this.recount?.timer);
    this.workspaceTotals = undefined;
    this.recount = { queue: [...uris], queued: new Set(uris.map((uri) => uri.toString())), totals: noCounts() };
    this.countSome();
  }

  /** One turn of the count: files while the budget lasts, the rest in another turn. */
  private countSome(): void {
    const recount = this.recount;
    if (!recount) return;
    const started = performance.now();
    while (recount.queue.length > 0 && performance.now() - started < DRAW_TURN_BUDGET_MS) {
      const uri = recount.queue.pop() as vscode.Uri;
      recount.queued.delete(uri.toString());
      addCounts(recount.totals, this.countsOf(uri), 1);
    }
    if (recount.queue.length > 0) {
      recount.timer = setTimeout(() => this.countSome());
      return;
    }
    this.recount = undefined;
    this.workspaceTotals = recount.totals;
    this.totalsChanged.fire();
  }

  /**
   * Forgets what was shown of the given files (of all, after a settings change), and keeps the
   * workspace's counts current: a few files are counted again now, many in slices.
   */
  invalidate(uris?: readonly vscode.Uri[]): void {
    const recountAll = !uris || uris.length > RECOUNT_ABOVE_FILES;
    if (uris) {
      for (const uri of uris) {
        const key = uri.toString();
        const before = this.countCache.get(key);
        this.shownCache.delete(key);
        this.countCache.delete(key);
        // A file the count under way has not reached yet is counted when it is; any other is
        // counted again now, its old count taken off.
        const totals = this.workspaceTotals ?? this.recount?.totals;
        if (!recountAll && totals && !this.recount?.queued.has(key)) {
          if (before) addCounts(totals, before, -1);
          addCounts(totals, this.countsOf(uri), 1);
        }
      }
    } else {
      this.shownCache.clear();
      this.countCache.clear();
    }
    if (recountAll) this.startRecount(this.store.files());
  }

  dispose(): void {
    clearTimeout(this.recount?.timer);
    this.totalsChanged.dispose();
  }
}
