/**
 * The typed messages between the extension and the Compare Candidates tab. The tab draws the
 * comparison src/team/compare.ts builds, one row per workspace folder; a click on a cell asks the
 * extension to open that candidate's evidence.
 */
import type { Comparison } from '../../team/compare';

export type CompareExtensionMessage = {
  type: 'comparison';
  comparison: Comparison;
  /** The workspace is still being scanned: the rows may change. */
  scanning: boolean;
  /** The rows are candidate codes, their names masked. */
  blind: boolean;
};

export type CompareWebviewMessage = { type: 'ready' } | { type: 'open'; row: number; categoryId: string };

/** The part of the API VS Code gives a webview that the tab uses. */
export interface CompareVsCodeApi {
  postMessage(message: CompareWebviewMessage): void;
}
