import type { FileAnalysis } from '../analysis/model';
import { LineIndex } from '../analysis/source';
import type { DocumentStore, TextEdit } from './documents';
import { packDocument } from './packedFindings';

/** A line as a reviewer might type it, with a finding in it. */
const TYPED_LINE = '    let typed = input.trim().parse::<u32>().unwrap();\n';

/** Documents shorter than this are quick to edit even before the edit path is compiled. */
export const WARM_UP_MIN_LINES = 1000;

/** Whether an opened document is long enough for its edits to be slow until the edit path is compiled. */
export function longEnoughToWarmUp(analysis: Pick<FileAnalysis, 'stats'>): boolean {
  return analysis.stats.lines >= WARM_UP_MIN_LINES;
}

/** How many places of the document the warm-up types at: twice as many edits, counting each undo. */
const WARM_UP_PLACES = 24;
/** The copy's key in the store: a URI no editor document has. */
export const WARM_UP_URI = 'rust-review-warm-up:copy';
/** How long a step waits while the worker has requests to answer. */
const BUSY_RETRY_MS = 20;

/**
 * Edits that go through a document as typing does: a line typed at each of `places` lines spread
 * through it, each taken out again at once, so that every edit applies to the text as given.
 */
export function warmUpEdits(text: string, places: number): TextEdit[] {
  const lines = new LineIndex(text);
  const edits: TextEdit[] = [];
  for (let place = 0; place < places; place++) {
    const rangeOffset = lines.lineStart(Math.floor(((place + 0.5) * lines.lineCount) / places));
    edits.push({ rangeOffset, rangeLength: 0, text: TYPED_LINE }, { rangeOffset, rangeLength: TYPED_LINE.length, text: '' });
  }
  return edits;
}

/**
 * Types into a copy of a long open document, an edit per turn and only while no request waits,
 * then drops the copy, and says how many edits it typed. V8 compiles the worker's edit path to fast
 * code only after it has run a few dozen times: until then a keystroke in a 5,000-line file took
 * the worker 10-35 ms, and 4-7 ms after. Warmed up this way, the reviewer's first keystrokes find
 * it compiled. `idle` says whether no request is waiting; `current` whether the store is still the
 * worker's (an init replaces it).
 */
export async function warmUp(store: DocumentStore, uri: string, idle: () => boolean, current: () => boolean): Promise<number> {
  const nextTurn = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
  let edits: TextEdit[] | undefined;
  let typed = 0;
  for (;;) {
    await nextTurn();
    while (current() && !idle()) await nextTurn(BUSY_RETRY_MS);
    if (!current()) return typed;
    if (!edits) {
      // Copying the document is this turn's work.
      const text = store.copy(uri, WARM_UP_URI);
      if (text === undefined) return typed;
      edits = warmUpEdits(text, WARM_UP_PLACES);
      continue;
    }
    const edit = edits.shift();
    const change = edit && store.change(WARM_UP_URI, typed + 1, [edit]);
    if (!change) break;
    typed++;
    // Packed as a reply would be, since packing is on the edit path too.
    packDocument(change.analysis, change.newFrom);
  }
  store.close(WARM_UP_URI);
  return typed;
}
