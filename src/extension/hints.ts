import * as vscode from 'vscode';
import type { CategoryId, Finding, Polarity } from '../analysis/model';
import { addCounts, countDrawn, noCounts, type DrawnCounts } from '../presentation/drawnCounts';
import { displayOf, isShown, type Display } from '../presentation/hintPolicy';
import { inlineHintText } from '../presentation/hintText';
import type { DiagnosticShape, Layout } from '../presentation/partLayout';
import { plainText } from '../presentation/text';
import type { AnalysisHost } from './analysisHost';
import type { Settings } from './config';
import { PartitionedDiagnostics, type PartUpdate } from './diagnosticParts';

export const DIAGNOSTIC_SOURCE = 'rust-review';
/** Explanations open as read-only documents under this scheme: no network, works on the web. */
export const SIGNAL_SCHEME = 'rust-review-signal';

const SEVERITY: Partial<Record<Display, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The themeable colour of each category's inline text (see `contributes.colors`). */
export function categoryColor(category: CategoryId): vscode.ThemeColor {
  return new vscode.ThemeColor(`rustReview.category.${category.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`);
}

export function toRange(finding: Finding): vscode.Range {
  const { start, end } = finding.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** Decorations are drawn this many lines beyond the visible ones, so a short scroll needs no redraw to look right. */
const VISIBLE_MARGIN_LINES = 150;

/**
 * Drawing diagnostics is work for the extension host's thread, which every extension shares: it is
 * done a step at a time, one file's diagnostics built or one part of them handed to VS Code (see
 * diagnosticParts.ts), and a turn of the event loop takes no new step after this long. The end of
 * a scan, a settings change or a big file's edit thus never holds the thread for long.
 */
const DRAW_TURN_BUDGET_MS = 4;
/** Past this many files changed at once, the status bar's counts are redone in slices (see refresh). */
const RECOUNT_ABOVE_FILES = 200;
/** What handing one diagnostic to VS Code costs, measured in a remote window: about 6 µs (making it, in the same step, is not counted). */
const SET_MS_PER_DIAGNOSTIC = 0.006;
/** Typing that stopped this long ago has paused: a file's diagnostics left where VS Code moved them are set afresh. */
const SETTLE_AFTER_MS = 1500;

/** A finding shown as a diagnostic, and its severity under the settings. */
interface ConcernDiagnostic {
  finding: Finding;
  severity: vscode.DiagnosticSeverity;
}

/** How the diagnostic of a finding looks, and where (see partLayout.ts). */
function shapeOf({ finding, severity }: ConcernDiagnostic): DiagnosticShape {
  const { start, end } = finding.range;
  return { looks: `${start.character}:${end.line - start.line}:${end.character}:${severity}:${finding.rule}:${finding.message}`, line: start.line, endLine: end.line };
}

/**
 * Draws the findings: concerns as diagnostics, strengths and info as decorations with a gutter
 * icon per polarity, and inline text after the line. Decoration types are made once; each editor
 * gets one `setDecorations` call per type.
 */
export class HintRenderer implements vscode.Disposable {
  private readonly diagnostics = new PartitionedDiagnostics<ConcernDiagnostic>(DIAGNOSTIC_SOURCE, shapeOf, (item) => this.diagnosticOf(item));
  /** VS Code moves the diagnostics it shows in an open document as it is edited, and so does the record of them. */
  private readonly edits = vscode.workspace.onDidChangeTextDocument((event) => this.diagnostics.textChanged(event));
  private readonly markers: Record<'strength' | 'info', vscode.TextEditorDecorationType>;
  private readonly inline = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
  });

  constructor(
    extensionUri: vscode.Uri,
    private readonly host: AnalysisHost,
    private readonly settings: () => Settings,
  ) {
    const marker = (polarity: 'strength' | 'info') =>
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', `${polarity}.svg`),
        gutterIconSize: '70%',
        borderStyle: 'none none dotted none',
        borderWidth: '1px',
        borderColor: new vscode.ThemeColor(`rustReview.${polarity}Underline`),
        overviewRulerColor: new vscode.ThemeColor(`rustReview.${polarity}Underline`),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      });
    this.markers = { strength: marker('strength'), info: marker('info') };
  }

  /** One explanation link per signal, shared by all its diagnostics. */
  private readonly explanations = new Map<string, vscode.Uri>();

  private explanationOf(rule: string): vscode.Uri {
    let target = this.explanations.get(rule);
    if (!target) {
      target = vscode.Uri.from({ scheme: SIGNAL_SCHEME, path: `/${rule}.md` });
      this.explanations.set(rule, target);
    }
    return target;
  }

  /** Per file, the findings the settings let through; dropped when the file or a setting changes. */
  private readonly shownCache = new Map<string, Finding[]>();
  /** Per file, the shown findings counted by how they are drawn, for the status bar. */
  private readonly countCache = new Map<string, DrawnCounts>();
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

  /** Findings the settings let through, for one file. */
  shown(uri: vscode.Uri): Finding[] {
    const key = uri.toString();
    let shown = this.shownCache.get(key);
    if (!shown) {
      const settings = this.settings();
      shown = settings.hintsEnabled ? this.host.findingsFor(uri).filter((f) => isShown(f, settings.policy)) : [];
      this.shownCache.set(key, shown);
    }
    return shown;
  }

  private countsOf(uri: vscode.Uri): DrawnCounts {
    const key = uri.toString();
    let counts = this.countCache.get(key);
    if (!counts) {
      counts = countDrawn(this.shown(uri), this.settings().policy);
      this.countCache.set(key, counts);
    }
    return counts;
  }

  /** The shown findings across the workspace, counted by how they are drawn; undefined while they are being counted (see onDidChangeTotals). */
  totals(): DrawnCounts | undefined {
    if (!this.workspaceTotals && !this.recount) this.startRecount(this.host.allFindings().map((f) => f.uri));
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
   * Redraws the hints of the given files (all after a settings change): the decorations of the
   * visible editors now, the diagnostics in later turns (see DRAW_TURN_BUDGET_MS).
   */
  refresh(uris?: readonly vscode.Uri[]): void {
    // Many files at once (the end of a scan) are counted afresh in slices rather than one by one now.
    const recountAll = !uris || uris.length > RECOUNT_ABOVE_FILES;
    if (uris) {
      for (const uri of uris) {
        const key = uri.toString();
        const before = this.countCache.get(key);
        this.shownCache.delete(key);
        this.countCache.delete(key);
        this.pendingParts.delete(key);
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
      this.pendingParts.clear();
    }
    // After a settings change every file is drawn again, and only the parts that look different are set.
    const targets = uris ?? this.host.allFindings().map((f) => f.uri);
    if (recountAll) this.startRecount(uris ? this.host.allFindings().map((f) => f.uri) : targets);
    // VS Code moves the diagnostics of an open document with the text typed above them (see Layout):
    // while typing, those it already shows in the right place are left there.
    const open = new Set(uris ? vscode.workspace.textDocuments.map((d) => d.uri.toString()) : []);
    for (const uri of targets) {
      const key = uri.toString();
      this.staleDiagnostics.set(key, { uri, layout: open.has(key) ? 'typing' : 'fresh' });
    }
    this.scheduleDiagnostics();
    const changed = uris && new Set(uris.map((u) => u.toString()));
    for (const editor of vscode.window.visibleTextEditors) {
      if (!changed || changed.has(editor.document.uri.toString())) this.decorate(editor);
    }
  }

  /** Files whose diagnostics changed and are not drawn yet, drawn from the current findings when their turn comes. */
  private readonly staleDiagnostics = new Map<string, { uri: vscode.Uri; layout: Layout }>();
  /** For a stale file whose diagnostics are built, the parts still to hand to VS Code. */
  private readonly pendingParts = new Map<string, PartUpdate<ConcernDiagnostic>[]>();
  private nextTurn: ReturnType<typeof setTimeout> | undefined;
  /** Per file drawn while typing, the timer that lays its diagnostics out afresh once typing pauses. */
  private readonly settleTimers = new Map<string, ReturnType<typeof setTimeout>>();

  private settleLater(key: string, uri: vscode.Uri): void {
    this.settleTimers.set(
      key,
      setTimeout(() => {
        this.settleTimers.delete(key);
        this.staleDiagnostics.set(key, { uri, layout: 'fresh' });
        this.pendingParts.delete(key);
        this.scheduleDiagnostics();
      }, SETTLE_AFTER_MS),
    );
  }

  private scheduleDiagnostics(): void {
    this.nextTurn ??= setTimeout(() => {
      this.nextTurn = undefined;
      this.drawDiagnostics();
    });
  }

  /** One turn of drawing: steps, the first stale file's first, while the budget lasts; the rest in another turn. */
  private drawDiagnostics(): void {
    const turnStarted = performance.now();
    for (let steps = 0; ; steps++) {
      const next = this.staleDiagnostics.entries().next();
      if (next.done) return;
      const [key, { uri, layout }] = next.value;
      const pending = this.pendingParts.get(key);
      const stepStarted = performance.now();
      const estimate = (pending?.[0]?.items.length ?? 0) * SET_MS_PER_DIAGNOSTIC;
      // A turn's first step always runs, however big, so that drawing goes on.
      if (steps > 0 && stepStarted - turnStarted + estimate > DRAW_TURN_BUDGET_MS) return this.scheduleDiagnostics();
      if (pending) {
        const update = pending.shift();
        if (update) this.diagnostics.apply(update);
      } else {
        const { updates, settleLater } = this.diagnostics.changes(uri, this.diagnosticsFor(uri), layout);
        this.pendingParts.set(key, updates);
        clearTimeout(this.settleTimers.get(key));
        this.settleTimers.delete(key);
        if (settleLater) this.settleLater(key, uri);
      }
      const drawn = this.pendingParts.get(key)?.length === 0;
      if (drawn) {
        this.pendingParts.delete(key);
        this.staleDiagnostics.delete(key);
      }
      this.host.noteDrawing(key, { startedAt: stepStarted, turnStartedAt: turnStarted }, drawn);
    }
  }

  /** The shown findings of a file that are diagnostics, with their severity. */
  private diagnosticsFor(uri: vscode.Uri): ConcernDiagnostic[] {
    const policy = this.settings().policy;
    return this.shown(uri).flatMap((finding) => {
      const severity = SEVERITY[displayOf(finding, policy)];
      return severity === undefined ? [] : [{ finding, severity }];
    });
  }

  /** Whether the finding is drawn as a diagnostic, whose message VS Code's own hover shows. */
  isDiagnostic(finding: Finding): boolean {
    return SEVERITY[displayOf(finding, this.settings().policy)] !== undefined;
  }

  private diagnosticOf({ finding, severity }: ConcernDiagnostic): vscode.Diagnostic {
    // A diagnostic's message is plain text wherever VS Code shows it: no Markdown backticks.
    const diagnostic = new vscode.Diagnostic(toRange(finding), plainText(finding.message), severity);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: this.explanationOf(finding.rule) };
    return diagnostic;
  }

  /**
   * Gutter markers and inline text for one editor, for the lines in view and a margin around them:
   * a long file then costs what the screen shows. Scrolling draws them again. An editor not laid out
   * yet has no visible ranges; its cursor stands in for them until they come.
   */
  decorate(editor: vscode.TextEditor): void {
    const settings = this.settings();
    const shownLines: readonly vscode.Range[] = editor.visibleRanges.length > 0 ? editor.visibleRanges : editor.selections;
    const near = shownLines.map((r) => [r.start.line - VISIBLE_MARGIN_LINES, r.end.line + VISIBLE_MARGIN_LINES]);
    const inView = (f: Finding) => near.some(([from, to]) => f.range.end.line >= from && f.range.start.line <= to);
    const findings = this.shown(editor.document.uri).filter(inView);
    const decorationsOf = (polarity: 'strength' | 'info') =>
      findings.filter((f) => f.polarity === polarity && displayOf(f, settings.policy) === 'decoration').map((f) => ({ range: toRange(f) }));
    editor.setDecorations(this.markers.strength, decorationsOf('strength'));
    editor.setDecorations(this.markers.info, decorationsOf('info'));
    editor.setDecorations(this.inline, this.inlineText(editor, findings));
  }

  /** One line of text after each line with findings: the most telling finding, and how many more. */
  private inlineText(editor: vscode.TextEditor, findings: Finding[]): vscode.DecorationOptions[] {
    const { inlineText: mode, inlineMaxLength } = this.settings();
    if (mode === 'off') return [];
    const activeLines = new Set(editor.selections.map((s) => s.active.line));
    const byLine = new Map<number, Finding[]>();
    for (const finding of findings) {
      const line = finding.range.start.line;
      if (mode === 'activeLine' && !activeLines.has(line)) continue;
      byLine.set(line, [...(byLine.get(line) ?? []), finding]);
    }
    const rank: Record<Polarity, number> = { concern: 0, strength: 1, info: 2 };
    return [...byLine].map(([line, onLine]) => {
      const [first] = [...onLine].sort((a, b) => rank[a.polarity] - rank[b.polarity]);
      const end = editor.document.lineAt(line).range.end;
      return {
        range: new vscode.Range(end, end),
        renderOptions: {
          after: {
            contentText: inlineHintText(first, onLine.length - 1, inlineMaxLength),
            color: categoryColor(first.category),
          },
        },
      };
    });
  }

  dispose(): void {
    clearTimeout(this.nextTurn);
    clearTimeout(this.recount?.timer);
    for (const timer of this.settleTimers.values()) clearTimeout(timer);
    this.totalsChanged.dispose();
    this.diagnostics.dispose();
    this.edits.dispose();
    this.markers.strength.dispose();
    this.markers.info.dispose();
    this.inline.dispose();
  }
}
