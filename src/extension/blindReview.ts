import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import { blindReview, blindScorecardView, maskExport, type Mask } from '../presentation/blindView';
import type { ScorecardView } from '../presentation/scorecardView';
import { isBlind, revealCandidate, startBlind } from '../rubric/blindRecord';
import type { Rubric } from '../rubric/model';
import type { Review } from '../rubric/review';
import { unassessed } from '../rubric/scoring';
import { candidateCode, rootCommit } from '../team/candidateCode';
import { candidateIdentities, historyPeople } from '../team/identities';
import { createMasker } from '../team/masking';
import { readCandidateSources } from './candidateSources';
import type { Settings } from './config';
import type { HistoryStore } from './historyStore';
import type { Log } from './log';
import { readRepository } from './repository';
import type { ReviewStore } from './reviewStore';

export const START_BLIND_COMMAND = 'rustReview.startBlindReview';
export const REVEAL_COMMAND = 'rustReview.revealCandidate';
const REVEAL = 'Reveal';

/** A workspace folder's candidate: its code, and the masker of its names. */
export interface Candidate {
  folder: string;
  code: string;
  mask: Mask;
}

/** The few ways text leaves the extension for the reviewer's eyes, each passed through blind review. */
export interface Disclosure {
  /** Resolves once the review's blind state and the candidates' names are known. */
  ready(): Promise<void>;
  /** Any text shown: a hover, a quick pick's item, a notification. */
  text(text: string): string;
  /** The review as an export names its repository. */
  review(review: Review): Review;
  view(view: ScorecardView): ScorecardView;
  exportText(text: string, format: 'markdown' | 'json'): string;
}

/**
 * Blind review, in one unit: whether the review is blind (the review records it, so the export
 * says so), the candidate of each workspace folder with its code and the masker of its names (from
 * the history, the remote, Cargo.toml, the licence and the README), and the status bar item that
 * says the review is blind. Everything the extension shows or exports passes through it (see
 * Disclosure); while the review is not blind, it passes unchanged. The candidate's files are not
 * touched: the editor shows them as they are.
 */
export class BlindReview implements Disclosure, vscode.Disposable {
  private current: Review | undefined;
  private candidates: Candidate[] = [];
  private identitiesRead: Promise<void> = Promise.resolve();
  private readonly opened: Promise<ReviewStore>;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly item = vscode.window.createStatusBarItem('rustReview.blind', vscode.StatusBarAlignment.Left, 9);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.item];
  /** Fires when what is hidden changes: the review became blind or was revealed, or the names or the code changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    reviews: () => Promise<ReviewStore>,
    private readonly history: HistoryStore,
    private readonly settings: () => Settings,
    private readonly rubric: () => Rubric,
    private readonly log: Log,
  ) {
    this.item.name = 'Rust Review: Blind Review';
    this.item.command = REVEAL_COMMAND;
    this.opened = reviews().then((store) => {
      this.current = store.current;
      this.disposables.push(
        store.onDidChange((review) => {
          const was = this.active;
          this.current = review;
          if (was !== this.active) this.update();
          void this.applySetting();
        }),
      );
      this.update();
      void this.applySetting();
      return store;
    });
    const sources = vscode.workspace.createFileSystemWatcher('**/{Cargo.toml,[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]*,[Cc][Oo][Pp][Yy][Ii][Nn][Gg]*,[Rr][Ee][Aa][Dd][Mm][Ee]*}');
    const reread = () => this.readIdentities();
    this.disposables.push(
      sources,
      sources.onDidChange(reread),
      sources.onDidCreate(reread),
      sources.onDidDelete(reread),
      history.onDidChange(reread),
      vscode.workspace.onDidChangeWorkspaceFolders(reread),
    );
    this.readIdentities();
  }

  /** Whether the candidate's names are hidden now. */
  get active(): boolean {
    return this.current !== undefined && isBlind(this.current);
  }

  /** The code of the candidate under review (the first folder's). */
  get code(): string | undefined {
    return this.candidates[0]?.code;
  }

  /** Whether candidates are compared blind: the review is blind, or every review starts blind. */
  get comparesBlind(): boolean {
    return this.active || this.settings().blind;
  }

  /** The candidate of a workspace folder, once its names have been read. */
  candidate(folder: vscode.WorkspaceFolder): Candidate | undefined {
    return this.candidates.find((candidate) => candidate.folder === folder.uri.toString());
  }

  get statusText(): string {
    return this.item.text;
  }

  ready(): Promise<void> {
    return this.opened.then(() => this.identitiesRead);
  }

  text(text: string): string {
    return this.active ? this.candidates.reduce((masked, candidate) => candidate.mask(masked), text) : text;
  }

  review(review: Review): Review {
    return this.active && this.code ? blindReview(review, this.code) : review;
  }

  view(view: ScorecardView): ScorecardView {
    return this.active && this.code ? blindScorecardView(view, (text) => this.text(text), this.code) : view;
  }

  exportText(text: string, format: 'markdown' | 'json'): string {
    return this.active ? maskExport(text, format, (value) => this.text(value)) : text;
  }

  /** The blind setting starts every review blind that has not been blind before. */
  private async applySetting(): Promise<void> {
    if (!this.settings().blind || this.current?.blind) return;
    await (await this.opened).update((review) => startBlind(review, new Date()));
  }

  /** Called when the settings change. */
  settingsChanged(): void {
    void this.applySetting();
  }

  /** Reads each folder's candidate again; what is shown is redrawn when it is done. */
  private readIdentities(): void {
    this.identitiesRead = this.identitiesRead.then(async () => {
      try {
        const folders = vscode.workspace.workspaceFolders ?? [];
        this.candidates = await Promise.all(folders.map((folder, i) => this.readCandidate(folder, i === 0)));
      } catch (error) {
        this.log.error(`blind review: the candidate's names could not be read: ${errorMessage(error)}`);
      }
      this.update();
    });
  }

  private async readCandidate(folder: vscode.WorkspaceFolder, underReview: boolean): Promise<Candidate> {
    const remote = (await readRepository(folder))?.remote;
    const sources = await readCandidateSources(folder, remote);
    // The history is the first folder's: the repository under review.
    const history = underReview ? this.history.current : undefined;
    const identities = candidateIdentities({ ...sources, people: historyPeople(history), folderName: folder.name });
    const root = rootCommit(history);
    const code = candidateCode({ ...(root ? { rootCommit: root } : {}), ...(remote ? { remote } : {}), folderName: folder.name });
    return { folder: folder.uri.toString(), code, mask: createMasker(identities, code) };
  }

  private update(): void {
    if (this.active && this.code) {
      this.item.text = `$(eye-closed) Blind: ${this.code}`;
      this.item.tooltip = `Blind review: Rust Review shows the candidate as ${this.code}, without their names. The code in the editor is as they wrote it. Click to reveal the candidate.`;
      this.item.show();
    } else {
      this.item.hide();
    }
    this.changed.fire();
  }

  /** Starts blind review of the current review (the command). */
  async start(): Promise<void> {
    const store = await this.opened;
    const record = store.current.blind;
    if (record?.revealedAt) {
      void vscode.window.showInformationMessage('Rust Review: this review was blind and has been revealed. Its reviewer has seen who the candidate is, so it stays revealed.');
      return;
    }
    if (!record) await store.update((review) => startBlind(review, new Date()));
    await this.identitiesRead;
    void vscode.window.showInformationMessage(`Rust Review: blind review. The candidate is shown as ${this.code ?? 'a candidate code'} in the scorecard, hovers and exports; their files stay as they are in the editor.`);
  }

  /** Reveals the candidate (the command), asking first while categories are not assessed; false when the reviewer did not. */
  async reveal(): Promise<boolean> {
    const store = await this.opened;
    if (!isBlind(store.current)) {
      void vscode.window.showInformationMessage('Rust Review: this review is not blind.');
      return false;
    }
    const open = unassessed(store.current, this.rubric()).map((category) => category.title);
    if (open.length > 0) {
      const choice = await vscode.window.showWarningMessage(
        `Reveal the candidate? Not assessed yet: ${open.join(', ')}.`,
        { modal: true, detail: 'Once revealed, the review stays revealed, and its export records when.' },
        REVEAL,
      );
      if (choice !== REVEAL) return false;
    }
    await store.update((review) => revealCandidate(review, new Date()));
    return true;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The blind review's commands, by id. */
export function blindCommands(blind: BlindReview): Record<string, () => Promise<unknown>> {
  return {
    [START_BLIND_COMMAND]: () => blind.start(),
    [REVEAL_COMMAND]: () => blind.reveal(),
  };
}
