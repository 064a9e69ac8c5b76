import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import { blindOtherReview } from '../presentation/blindView';
import type { Rubric } from '../rubric/model';
import { parseReview, type Review } from '../rubric/review';
import { calibrate, disagreements, type Calibration } from '../team/calibration';
import { calibrationToMarkdown } from '../team/calibrationMarkdown';
import { plural } from '../rubric/text';
import type { BlindReview } from './blindReview';
import type { Log } from './log';
import { readReviewFile, type ReviewStore } from './reviewStore';
import type { ScorecardService } from './scorecard';

export const COMPARE_REVIEW_COMMAND = 'rustReview.compareWithReview';
export const COPY_CALIBRATION_COMMAND = 'rustReview.copyCalibrationSummary';
/** The calibration opens as a read-only Markdown document of this scheme, previewed beside the editor. */
export const CALIBRATION_SCHEME = 'rust-review-calibration';
const CALIBRATION_URI = vscode.Uri.from({ scheme: CALIBRATION_SCHEME, path: '/Calibration.md' });

const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;

/**
 * "Compare with Another Review…": a colleague's exported review set beside the reviewer's own,
 * which it never replaces (Import does that). The comparison is the calibration summary itself
 * (src/team/calibrationMarkdown.ts), served as a read-only document and shown in VS Code's Markdown
 * preview: the table of both levels with the disagreements marked, both notes, the evidence with who
 * pinned it. The reviewer reads exactly what Copy Calibration Summary puts on the clipboard for the
 * debrief, and it follows the reviewer's own review as they change it.
 */
export class CalibrationService implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private other: { review: Review; file: string } | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly scorecard: ScorecardService,
    private readonly reviews: () => Promise<ReviewStore>,
    private readonly rubric: () => Rubric,
    private readonly blind: BlindReview,
    private readonly log: Log,
  ) {
    const refresh = () => {
      if (this.other) this.changed.fire(CALIBRATION_URI);
    };
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(CALIBRATION_SCHEME, this),
      blind.onDidChange(refresh),
    );
    void reviews().then((store) => this.disposables.push(store.onDidChange(refresh)));
  }

  /** The colleague's review compared last, for the tests: its file's name. */
  get comparedWith(): string | undefined {
    return this.other?.file;
  }

  /** Reads a colleague's exported review; a file that is not one is said in a message, and the one compared before stays. */
  private async choose(uri?: vscode.Uri): Promise<boolean> {
    const source = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] }, openLabel: 'Compare with this review' }))?.[0];
    if (!source) return false;
    const parsed = await readReviewFile(source);
    if ('error' in parsed) {
      const message = `${fileName(source)} cannot be compared: ${parsed.error}.`;
      this.log.error(`calibration: ${message}`);
      void vscode.window.showErrorMessage(`Rust Review: ${this.blind.text(message)}`);
      return false;
    }
    this.other = { review: parsed.review, file: fileName(source) };
    this.log.info(`calibration: comparing with ${source.toString(true)}`);
    this.changed.fire(CALIBRATION_URI);
    return true;
  }

  /** The reviewer's review, as its JSON export has it (with the reviewer's name, and masked while blind), beside the colleague's. */
  private async calibration(): Promise<Calibration | undefined> {
    if (!this.other) return undefined;
    const mine = parseReview(JSON.parse(await this.scorecard.exportText('json')));
    if ('error' in mine) throw new Error(`your review cannot be compared: ${mine.error}`);
    const { code } = this.blind;
    const other = this.blind.active && code ? blindOtherReview(this.other.review, (await this.reviews()).current.repository, (text) => this.blind.text(text), code) : this.other.review;
    return calibrate(mine.review, other, this.rubric());
  }

  async provideTextDocumentContent(): Promise<string> {
    try {
      const calibration = await this.calibration();
      return calibration ? this.blind.text(calibrationToMarkdown(calibration)) : '# Calibration\n\nRun **Rust Review: Compare with Another Review…** to choose a colleague\'s exported review.\n';
    } catch (error) {
      return `# Calibration\n\nThe reviews could not be compared: ${errorMessage(error)}.\n`;
    }
  }

  /** Compares with a colleague's review and shows the calibration beside the editor. */
  async compare(uri?: vscode.Uri): Promise<void> {
    if (!(await this.choose(uri))) return;
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', CALIBRATION_URI);
    } catch {
      // Without VS Code's Markdown extension, the Markdown itself.
      await vscode.window.showTextDocument(CALIBRATION_URI, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  }

  /** Puts the calibration summary on the clipboard, asking for the colleague's review first when none was compared. */
  async copySummary(uri?: vscode.Uri): Promise<void> {
    if ((uri || !this.other) && !(await this.choose(uri))) return;
    let calibration: Calibration | undefined;
    try {
      calibration = await this.calibration();
    } catch (error) {
      void vscode.window.showErrorMessage(`Rust Review: the reviews could not be compared: ${errorMessage(error)}.`);
      return;
    }
    if (!calibration) return;
    await vscode.env.clipboard.writeText(this.blind.text(calibrationToMarkdown(calibration)));
    const talk = disagreements(calibration).length;
    void vscode.window.showInformationMessage(`Rust Review: the calibration summary was copied, with ${plural(talk, 'disagreement', 'disagreements')} to talk through.`);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The calibration's commands, by id. */
export function calibrationCommands(calibration: CalibrationService): Record<string, (uri?: vscode.Uri) => Promise<unknown>> {
  return {
    [COMPARE_REVIEW_COMMAND]: (uri?: vscode.Uri) => calibration.compare(uri),
    [COPY_CALIBRATION_COMMAND]: (uri?: vscode.Uri) => calibration.copySummary(uri),
  };
}
