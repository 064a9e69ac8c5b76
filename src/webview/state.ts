/**
 * The webview's small decisions, apart from the DOM so they are unit-tested on their own: the
 * level group's keys, whether a new state may replace a text field's text, and the UI state kept
 * across reloads.
 */
import type { Level } from '../rubric/model';

/** Choosing the level that is already chosen clears it, back to "not assessed". */
export function levelAfterChoosing(current: Level | undefined, chosen: Level): Level | undefined {
  return current === chosen ? undefined : chosen;
}

/**
 * Where a key moves the focus in a group of `count` level buttons, or undefined for keys the group
 * does not handle. Arrows wrap around, as in a radio group.
 */
export function indexAfterKey(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** A text field as the webview holds it while the reviewer may be typing in it. */
export interface FieldState {
  /** What the field shows now. */
  value: string;
  /** The text the extension has: the last text posted or received; undefined before the first state. */
  synced: string | undefined;
  focused: boolean;
  /** The reviewer has typed into it since the panel opened. */
  typedInto: boolean;
}

/**
 * Whether a state from the extension may replace a text field's text. A field the reviewer is in,
 * or one with text not posted yet, keeps its text: replacing it would lose typing and the caret.
 * A field nobody has typed into since the panel opened always shows the extension's text, focused
 * or not (a reopened window may put the focus back in it first): shown empty, the saved text would
 * look lost, and typing would replace it.
 */
export function mayReplaceFieldText(field: FieldState, incoming: string): boolean {
  if (field.value === incoming) return false;
  if (!field.typedInto) return true;
  if (field.synced === undefined) return field.value === '';
  return !field.focused && field.value === field.synced;
}

/** The UI-only state kept across reloads of the webview with `setState`. */
export interface UiState {
  /** Ids of the categories whose details are open. */
  expanded: string[];
  checklistOpen: boolean;
  /** Whether the "How they worked" card's list of commits is open. */
  commitsOpen: boolean;
  scrollY: number;
}

/** Reads back a saved UI state, which may be missing or from an older version of the webview. */
export function readUiState(saved: unknown): UiState {
  const value = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const expanded = Array.isArray(value.expanded) ? value.expanded.filter((id): id is string => typeof id === 'string') : [];
  const scrollY = typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY > 0 ? value.scrollY : 0;
  return { expanded, checklistOpen: value.checklistOpen === true, commitsOpen: value.commitsOpen === true, scrollY };
}
