import * as vscode from 'vscode';
import type { CategoryId, Finding } from '../analysis/model';
import type { Display } from '../presentation/hintPolicy';

/**
 * What the parts that show hints share: the diagnostics' source and explanation links, the
 * severity of each display, colours, ranges, and the budget of a turn of drawing.
 */

export const DIAGNOSTIC_SOURCE = 'rust-review';
/** Explanations open as read-only documents under this scheme: no network, works on the web. */
export const SIGNAL_SCHEME = 'rust-review-signal';

/** The diagnostic severity of each display that is a diagnostic. */
export const SEVERITY: Partial<Record<Display, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Drawing is work for the extension host's thread, which every extension shares: it is done a
 * step at a time, and a turn of the event loop takes no new step after this long. The end of a
 * scan, a settings change or a big file's edit thus never holds the thread for long.
 */
export const DRAW_TURN_BUDGET_MS = 4;

/** The themeable colour of each category's inline text (see `contributes.colors`). */
export function categoryColor(category: CategoryId): vscode.ThemeColor {
  return new vscode.ThemeColor(`rustReview.category.${category.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`);
}

export function toRange(finding: Finding): vscode.Range {
  const { start, end } = finding.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}
