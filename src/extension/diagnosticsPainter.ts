import * as vscode from 'vscode';
import { endCharacterOf, endLineOf, startCharacterOf, startLineOf, type GroupAnchor } from '../analysis/anchoredFindings';
import type { AnchoredFinding } from '../analysis/model';
import type { DiagnosticShape, Layout } from '../presentation/partLayout';
import { displayOf } from '../presentation/hintPolicy';
import { plainText } from '../presentation/text';
import type { Settings } from './config';
import { PartitionedDiagnostics, type PartUpdate } from './diagnosticParts';
import type { EditTimingRecorder } from './editTimings';
import { DIAGNOSTIC_SOURCE, DRAW_TURN_BUDGET_MS, SEVERITY, SIGNAL_SCHEME } from './hints';
import type { ShownFindings } from './shownFindings';

/** What handing one diagnostic to VS Code costs, measured in a remote window: about 6 µs (making it, in the same step, is not counted). */
const SET_MS_PER_DIAGNOSTIC = 0.006;
/** Typing that stopped this long ago has paused: a file's diagnostics left where VS Code moved them are set afresh. */
const SETTLE_AFTER_MS = 1500;

/** A finding shown as a diagnostic, the anchor it is placed at, and its severity under the settings. */
interface ConcernDiagnostic {
  finding: AnchoredFinding;
  anchor: GroupAnchor;
  severity: vscode.DiagnosticSeverity;
}

/** How a finding's diagnostic last looked: the text, and what of its anchor and the settings it was made with. */
interface Looks {
  looks: string;
  anchorCharacter: number;
  severity: vscode.DiagnosticSeverity;
}

/**
 * Each finding's look, kept while the finding lives: a finding is never changed, so one in a group
 * an edit kept looks as before unless its anchor's column or its severity changed. The same string
 * then compares with what is shown by identity, and an edit builds no text for the findings it kept
 * (building and comparing them afresh was most of laying a file out, in bench:editor's profile).
 */
const looksOf = new WeakMap<AnchoredFinding, Looks>();

/** How the diagnostic of a finding looks, and where (see partLayout.ts). */
function shapeOf({ finding, anchor, severity }: ConcernDiagnostic): DiagnosticShape {
  // Only a finding starting or ending on its group's first line has a column that the anchor's moves.
  const anchorCharacter = finding.line === 0 || finding.endLine === 0 ? anchor.character : 0;
  let last = looksOf.get(finding);
  if (!last || last.anchorCharacter !== anchorCharacter || last.severity !== severity) {
    const looks = `${startCharacterOf(finding, anchor)}:${finding.endLine - finding.line}:${endCharacterOf(finding, anchor)}:${severity}:${finding.rule}:${finding.message}`;
    looksOf.set(finding, (last = { looks, anchorCharacter, severity }));
  }
  return { looks: last.looks, line: startLineOf(finding, anchor), endLine: endLineOf(finding, anchor) };
}

/**
 * Draws the shown concerns as diagnostics, a step per turn of the extension host's thread (see
 * DRAW_TURN_BUDGET_MS): one file's diagnostics laid out, or one part of them handed to VS Code.
 */
export class DiagnosticsPainter implements vscode.Disposable {
  private readonly diagnostics = new PartitionedDiagnostics<ConcernDiagnostic>(DIAGNOSTIC_SOURCE, shapeOf, (item) => this.diagnosticOf(item));
  /** VS Code moves the diagnostics it shows in an open document as it is edited, and so does the record of them. */
  private readonly edits = vscode.workspace.onDidChangeTextDocument((event) => this.diagnostics.textChanged(event));
  /** One explanation link per signal, shared by all its diagnostics. */
  private readonly explanations = new Map<string, vscode.Uri>();
  /** Files whose diagnostics changed and are not drawn yet, drawn from the current findings when their turn comes. */
  private readonly staleDiagnostics = new Map<string, { uri: vscode.Uri; layout: Layout }>();
  /** For a stale file whose diagnostics are built, the parts still to hand to VS Code. */
  private readonly pendingParts = new Map<string, PartUpdate<ConcernDiagnostic>[]>();
  private nextTurn: ReturnType<typeof setTimeout> | undefined;
  /** Per file drawn while typing, the timer that lays its diagnostics out afresh once typing pauses. */
  private readonly settleTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly shown: ShownFindings,
    private readonly settings: () => Settings,
    private readonly timings: EditTimingRecorder,
  ) {}

  /** Draws the diagnostics of the given files again in later turns; `all` after a settings change. */
  repaint(uris: readonly vscode.Uri[], all: boolean): void {
    if (all) this.pendingParts.clear();
    else for (const uri of uris) this.pendingParts.delete(uri.toString());
    // VS Code moves the diagnostics of an open document with the text typed above them (see Layout):
    // while typing, those it already shows in the right place are left there. After a settings
    // change every file is drawn again, and only the parts that look different are set.
    const open = new Set(all ? [] : vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const uri of uris) {
      const key = uri.toString();
      this.staleDiagnostics.set(key, { uri, layout: open.has(key) ? 'typing' : 'fresh' });
    }
    this.scheduleDiagnostics();
  }

  private explanationOf(rule: string): vscode.Uri {
    let target = this.explanations.get(rule);
    if (!target) {
      target = vscode.Uri.from({ scheme: SIGNAL_SCHEME, path: `/${rule}.md` });
      this.explanations.set(rule, target);
    }
    return target;
  }

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
      this.timings.drew(key, { startedAt: stepStarted, turnStartedAt: turnStarted }, drawn);
    }
  }

  /** The shown findings of a file that are diagnostics, in order, with where they are placed and their severity. */
  private diagnosticsFor(uri: vscode.Uri): ConcernDiagnostic[] {
    const policy = this.settings().policy;
    const diagnostics: ConcernDiagnostic[] = [];
    this.shown.findingsIn(uri).forEach((finding, anchor) => {
      const severity = SEVERITY[displayOf(finding, policy)];
      if (severity !== undefined) diagnostics.push({ finding, anchor, severity });
    });
    return diagnostics;
  }

  private diagnosticOf({ finding, anchor, severity }: ConcernDiagnostic): vscode.Diagnostic {
    const range = new vscode.Range(startLineOf(finding, anchor), startCharacterOf(finding, anchor), endLineOf(finding, anchor), endCharacterOf(finding, anchor));
    // A diagnostic's message is plain text wherever VS Code shows it: no Markdown backticks.
    const diagnostic = new vscode.Diagnostic(range, plainText(finding.message), severity);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: this.explanationOf(finding.rule) };
    return diagnostic;
  }

  dispose(): void {
    clearTimeout(this.nextTurn);
    for (const timer of this.settleTimers.values()) clearTimeout(timer);
    this.diagnostics.dispose();
    this.edits.dispose();
  }
}
