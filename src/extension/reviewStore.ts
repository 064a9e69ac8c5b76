import * as vscode from 'vscode';
import { errorMessage } from '../analysis/errorMessage';
import type { Rubric } from '../rubric/model';
import { emptyReview, parseReview, reviewKey, type Review } from '../rubric/review';
import type { Log } from './log';
import type { RepositoryInfo } from './repository';

const OPEN_KEPT_COPY = 'Open Kept Copy';
/** How many times opening looks for the saved review and its temporary copy before it starts a new review (see readSaved). */
const SAVE_READ_ATTEMPTS = 3;

/**
 * The review of the open repository, saved on every change to the extension's workspace storage.
 * Writes go to a temporary file that is then renamed over the old one, so a crash mid-write
 * leaves the previous review intact. A file that cannot be read back is kept aside, never dropped.
 */
export class ReviewStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Review>();
  private saving: Promise<void> = Promise.resolve();
  readonly onDidChange = this.changed.event;

  private constructor(
    private review: Review,
    private readonly file: vscode.Uri,
    private readonly log: Log,
  ) {}

  static async open(storage: vscode.Uri, repository: RepositoryInfo, rubric: Rubric, log: Log): Promise<ReviewStore> {
    const identity = repository.remote ?? repository.root.toString();
    const file = vscode.Uri.joinPath(storage, `review-${reviewKey(identity)}.json`);
    await vscode.workspace.fs.createDirectory(storage);
    const fresh = () => emptyReview({ name: repository.name, ...(repository.remote ? { remote: repository.remote } : {}) }, repository.commit, rubric, new Date());
    let review = fresh();
    try {
      const text = new TextDecoder().decode(await readSaved(file));
      const parsed = parseReview(JSON.parse(text));
      if ('error' in parsed) throw new Error(parsed.error);
      // The review stays when the commit changes; pinned evidence keeps the commit it was read at.
      review = { ...parsed.review, ...(repository.commit ? { commit: repository.commit } : {}) };
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
        const aside = vscode.Uri.joinPath(storage, `review-${reviewKey(identity)}.corrupt-${Date.now()}.json`);
        await vscode.workspace.fs.rename(file, aside, { overwrite: true }).then(undefined, () => undefined);
        const message = `The saved review could not be read (${errorMessage(error)}). It was kept as ${aside.path.split('/').pop()}; a new review was started.`;
        log.error(message);
        // With an action the notification stays until the reviewer answers it, instead of fading
        // while the window is still starting.
        void vscode.window.showWarningMessage(`Rust Review: ${message}`, OPEN_KEPT_COPY).then((choice) => {
          if (choice === OPEN_KEPT_COPY) void vscode.window.showTextDocument(aside);
        });
      }
    }
    return new ReviewStore(review, file, log);
  }

  get current(): Review {
    return this.review;
  }

  /** Where the review is saved. */
  get location(): vscode.Uri {
    return this.file;
  }

  /** Applies a change and saves it at once; saves run one after another in order. A change that returns the review as it was saves nothing. */
  update(change: (review: Review) => Review): Promise<void> {
    const next = change(this.review);
    if (next === this.review) return this.saving;
    this.review = next;
    this.changed.fire(this.review);
    const snapshot = this.review;
    this.saving = this.saving.then(() => this.write(snapshot));
    return this.saving;
  }

  private async write(review: Review): Promise<void> {
    const temporary = temporaryOf(this.file);
    try {
      await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(`${JSON.stringify(review, null, 2)}\n`));
      await vscode.workspace.fs.rename(temporary, this.file, { overwrite: true });
    } catch (error) {
      this.log.error(`the review could not be saved: ${errorMessage(error)}`);
      void vscode.window.showErrorMessage(`Rust Review: the review could not be saved (${errorMessage(error)}). Your changes are kept in memory; export the review to keep them.`);
    }
  }

  /** Resolves when every change so far is on disk. */
  flushed(): Promise<void> {
    return this.saving;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A review exported to a file (by this reviewer or a colleague), or why it cannot be used: not JSON, or not a review. */
export async function readReviewFile(source: vscode.Uri): Promise<ReturnType<typeof parseReview>> {
  try {
    return parseReview(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(source))));
  } catch (error) {
    return { error: `the file is not JSON (${errorMessage(error)})` };
  }
}

/** Where a save is written before it is renamed over the saved review. */
function temporaryOf(file: vscode.Uri): vscode.Uri {
  return file.with({ path: `${file.path}.tmp` });
}

/**
 * The saved review's bytes. A rename with `overwrite` deletes the old file before it moves the new
 * one in, so a window opening the review at that moment (another window, or one reopened while the
 * crashed one's restarted host saves) finds no file: the complete temporary copy is the review then.
 * By the time that copy is read it may have been renamed in, so the file is looked for again.
 */
async function readSaved(file: vscode.Uri): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.workspace.fs.readFile(file);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
      try {
        return await vscode.workspace.fs.readFile(temporaryOf(file));
      } catch {
        if (attempt === SAVE_READ_ATTEMPTS) throw error;
      }
    }
  }
}
