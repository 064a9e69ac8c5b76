import * as vscode from 'vscode';
import type { Finding } from '../analysis/model';
import { displayOf } from '../presentation/hintPolicy';
import { inlineHintText } from '../presentation/hintText';
import { POLARITY_ORDER } from '../presentation/polarity';
import type { Settings } from './config';
import { categoryColor, toRange } from './hints';
import type { ShownFindings } from './shownFindings';

/** Decorations are drawn this many lines beyond the visible ones, so a short scroll needs no redraw to look right. */
const VISIBLE_MARGIN_LINES = 150;

/**
 * Strengths and info as decorations with a gutter icon per polarity, and inline text after the
 * line. Decoration types are made once; each editor gets one `setDecorations` call per type.
 */
export class FindingDecorations implements vscode.Disposable {
  private readonly markers: Record<'strength' | 'info', vscode.TextEditorDecorationType>;
  private readonly inline = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
  });

  constructor(
    extensionUri: vscode.Uri,
    private readonly shown: ShownFindings,
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

  /** Decorates the visible editors of the given files again, or all of them. */
  redraw(uris?: readonly vscode.Uri[]): void {
    const changed = uris && new Set(uris.map((u) => u.toString()));
    for (const editor of vscode.window.visibleTextEditors) {
      if (!changed || changed.has(editor.document.uri.toString())) this.decorate(editor);
    }
  }

  /**
   * Gutter markers and inline text for one editor, for the lines in view and a margin around them:
   * a long file then costs what the screen shows. Scrolling draws them again. An editor not laid out
   * yet has no visible ranges; its cursor stands in for them until they come.
   */
  decorate(editor: vscode.TextEditor): void {
    const settings = this.settings();
    const shownLines: readonly vscode.Range[] = editor.visibleRanges.length > 0 ? editor.visibleRanges : editor.selections;
    const near = shownLines.map((r) => [r.start.line - VISIBLE_MARGIN_LINES, r.end.line + VISIBLE_MARGIN_LINES] as const);
    const findings = this.shown.placedOnLines(editor.document.uri, near);
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
    return [...byLine].map(([line, onLine]) => {
      const [first] = [...onLine].sort((a, b) => POLARITY_ORDER[a.polarity] - POLARITY_ORDER[b.polarity]);
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
    this.markers.strength.dispose();
    this.markers.info.dispose();
    this.inline.dispose();
  }
}
