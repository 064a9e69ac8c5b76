import * as vscode from 'vscode';
import { CATEGORY_IDS, CATEGORY_TITLES, type CategoryId } from '../analysis/model';
import { POLARITY_CODICONS, POLARITY_ORDER } from '../presentation/polarity';
import { plainText } from '../presentation/text';
import type { Rubric } from '../rubric/model';
import { pinEvidence, type PinnedEvidence } from '../rubric/review';
import { MAX_STATEMENT_LINES, statementLines } from '../rubric/statement';
import { readSettings, setHintsEnabled } from './config';
import type { PinRequest } from './editorFeatures';
import { NOTE_COMMAND, PIN_COMMAND } from './editorFeatures';
import type { Disclosure } from './blindReview';
import type { FindingsStore } from './findingsStore';
import type { HistoryReader } from './historyReader';
import { toRange } from './hints';
import type { RepositoryInfo } from './repository';
import type { ReviewStore } from './reviewStore';
import { SCORECARD_VIEW, type ScorecardService } from './scorecard';
import type { ShownFindings } from './shownFindings';
import { pathInWorkspace } from './workspaceFolders';
import type { WorkspaceScanner } from './workspaceScanner';

/** Where pinned evidence and notes go. */
interface Pinning {
  reviews: () => Promise<ReviewStore>;
  repository: () => Promise<RepositoryInfo | undefined>;
  rubric: () => Rubric;
}

/** What a command runs, given the arguments VS Code passes it. */
type CommandHandler = Parameters<typeof vscode.commands.registerCommand>[1];

/** What the commands act on. */
export interface CommandTargets extends Pinning {
  scanner: WorkspaceScanner;
  store: FindingsStore;
  shown: ShownFindings;
  scorecard: ScorecardService;
  /** Blind review's masking of what a quick pick shows. */
  disclosure: Disclosure;
  history: HistoryReader;
}

async function pin(ctx: Pinning, request: PinRequest, categoryId: string, note?: string): Promise<void> {
  const uri = vscode.Uri.parse(request.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const [startLine, startCharacter, endLine, endCharacter] = request.range;
  // The whole lines, so the snippet reads on its own in the export: a finding's whole statement.
  const near = Math.max(0, startLine - MAX_STATEMENT_LINES);
  const nearLines = Array.from({ length: Math.min(document.lineCount, endLine + MAX_STATEMENT_LINES + 1) - near }, (_, i) => document.lineAt(near + i).text);
  const statement = request.signal ? statementLines(nearLines, startLine - near, endLine - near) : { startLine: startLine - near, endLine: endLine - near };
  const last = Math.min(near + statement.endLine, document.lineCount - 1);
  const lines = new vscode.Range(near + statement.startLine, 0, last, document.lineAt(last).text.length);
  const repository = await ctx.repository();
  const evidence: PinnedEvidence = {
    id: crypto.randomUUID(),
    categoryId,
    file: pathInWorkspace(uri),
    range: { startLine, startCharacter, endLine, endCharacter },
    ...(repository?.commit ? { commit: repository.commit } : {}),
    snippet: document.getText(lines),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.message ? { message: request.message } : {}),
    ...(note ? { note } : {}),
    createdAt: new Date().toISOString(),
  };
  await (await ctx.reviews()).update((review) => pinEvidence(review, evidence, new Date()));
  const title = ctx.rubric().categories.find((c) => c.id === categoryId)?.title ?? categoryId;
  void vscode.window.setStatusBarMessage(`Rust Review: evidence added to ${title}`, 3000);
}

async function pickCategory(rubric: Rubric, placeHolder: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    rubric.categories.map((c) => ({ label: c.title, id: c.id })),
    { placeHolder },
  );
  return picked?.id;
}

/** A quick pick of the categories with their counts, then of one category's findings, opening the code. */
async function showCategoryFindings(store: FindingsStore, shown: ShownFindings, disclose: (text: string) => string, category?: CategoryId): Promise<void> {
  const all = store.files().flatMap((uri) => shown.placedIn(uri).map((finding) => ({ uri, finding })));
  let chosen = category;
  if (!chosen) {
    const items = CATEGORY_IDS.map((id) => {
      const of = all.filter((f) => f.finding.category === id);
      const count = (p: string) => of.filter((f) => f.finding.polarity === p).length;
      return { label: CATEGORY_TITLES[id], description: `${count('concern')} concerns, ${count('strength')} strengths, ${count('info')} info`, id };
    }).filter((item) => all.some((f) => f.finding.category === item.id));
    chosen = (await vscode.window.showQuickPick(items, { placeHolder: 'Show the findings of a category' }))?.id;
  }
  if (!chosen) return;
  const items = all
    .filter((f) => f.finding.category === chosen)
    .sort((a, b) => POLARITY_ORDER[a.finding.polarity] - POLARITY_ORDER[b.finding.polarity])
    .map(({ uri, finding }) => {
      return {
        label: `$(${POLARITY_CODICONS[finding.polarity]}) ${disclose(plainText(finding.message))}`,
        description: `${pathInWorkspace(uri)}:${finding.range.start.line + 1}`,
        detail: finding.context === 'code' ? undefined : `in ${finding.context} code`,
        uri,
        finding,
      };
    });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `${CATEGORY_TITLES[chosen]}: ${items.length} findings`, matchOnDescription: true });
  if (picked) await vscode.window.showTextDocument(picked.uri, { selection: toRange(picked.finding) });
}

/** Every command of the extension, by id (as `contributes.commands` names them), with what it runs. */
export function commandTable(ctx: CommandTargets): Record<string, CommandHandler> {
  return {
    'rustReview.rescan': () => ctx.scanner.scanWorkspace(),
    'rustReview.toggleHints': () => setHintsEnabled(!readSettings().hintsEnabled),
    'rustReview.showCategory': (category?: CategoryId) => showCategoryFindings(ctx.store, ctx.shown, (text) => ctx.disclosure.text(text), category),
    'rustReview.showScorecard': () => vscode.commands.executeCommand(`${SCORECARD_VIEW}.focus`),
    'rustReview.copyReview': () => ctx.scorecard.copy('markdown'),
    'rustReview.copyReviewJson': () => ctx.scorecard.copy('json'),
    'rustReview.saveReview': () => ctx.scorecard.saveAs(),
    'rustReview.importReview': (uri?: vscode.Uri) => ctx.scorecard.importFrom(uri),
    'rustReview.chooseBaseline': () => ctx.history.chooseBaseline(),
    [PIN_COMMAND]: async (request: PinRequest) => {
      const categoryId = request.categoryId ?? (await pickCategory(ctx.rubric(), 'Add the evidence to which category?'));
      if (categoryId) await pin(ctx, request, categoryId);
    },
    [NOTE_COMMAND]: async (request?: PinRequest) => {
      const editor = vscode.window.activeTextEditor;
      const target: PinRequest | undefined =
        request ??
        (editor && {
          uri: editor.document.uri.toString(),
          range: [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
        });
      if (!target) return void vscode.window.showInformationMessage('Rust Review: select some code to add a note to.');
      const categoryId = await pickCategory(ctx.rubric(), 'Add the note to which category?');
      if (!categoryId) return;
      const note = await vscode.window.showInputBox({ prompt: 'Your note on this code', placeHolder: 'e.g. unwraps the parse result: ask what happens on bad input' });
      if (note !== undefined) await pin(ctx, target, categoryId, note);
    },
  };
}

export function registerCommands(table: Record<string, CommandHandler>): vscode.Disposable[] {
  return Object.entries(table).map(([id, run]) => vscode.commands.registerCommand(id, run));
}
