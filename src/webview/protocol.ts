/**
 * The typed messages between the extension and the scorecard webview. The webview never imports
 * `vscode`; everything it shows arrives as the view model (src/presentation/scorecardView.ts).
 */
import type { Level } from '../rubric/model';
import type { LocationView, ScorecardView } from '../presentation/scorecardView';
import type { UiState } from './state';

export type ExportFormat = 'markdown' | 'json';

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'setLevel'; categoryId: string; level?: Level }
  | { type: 'setNotes'; categoryId: string; notes: string }
  | { type: 'setRecommendation'; level?: Level }
  | { type: 'setSummary'; summary: string }
  | { type: 'chooseQuestion'; categoryId: string; text: string; chosen: boolean }
  | { type: 'open'; location: LocationView }
  | { type: 'unpin'; evidenceId: string }
  | { type: 'export'; format: ExportFormat; to: 'clipboard' | 'file' }
  | { type: 'import' };

export type ExtensionMessage = { type: 'state'; view: ScorecardView } | { type: 'copied'; format: ExportFormat };

/** The part of the API VS Code gives a webview that the scorecard uses. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: UiState): void;
}

