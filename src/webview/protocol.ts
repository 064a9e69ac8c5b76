/**
 * The typed messages between the extension and the scorecard webview. The webview never imports
 * `vscode`; everything it shows arrives as the view model (src/presentation/scorecardView.ts).
 *
 * Export and import are requests: each carries a sequence number, and the extension answers it
 * with a reply of the same number, so that the panel shows what became of it, a failure included.
 */
import { errorMessage } from '../analysis/errorMessage';
import type { Level } from '../rubric/model';
import type { LocationView, ScorecardView } from '../presentation/scorecardView';
import type { UiState } from './state';

export type ExportFormat = 'markdown' | 'json';

/** What the panel asks the extension to do and hear back about. */
export type ScorecardRequest = { type: 'export'; format: ExportFormat; to: 'clipboard' | 'file' } | { type: 'import' };

/** How a request ended: done, given up by the reviewer (a dialog dismissed), or failed, with a sentence saying why. */
export type RequestOutcome = { status: 'done' } | { status: 'cancelled' } | { status: 'failed'; error: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'setLevel'; categoryId: string; level?: Level }
  | { type: 'setNotes'; categoryId: string; notes: string }
  | { type: 'setRecommendation'; level?: Level }
  | { type: 'setSummary'; summary: string }
  | { type: 'chooseQuestion'; categoryId: string; text: string; chosen: boolean }
  | { type: 'open'; location: LocationView }
  | { type: 'unpin'; evidenceId: string }
  | { type: 'pinCommit'; commitId: string }
  | { type: 'unpinCommit'; commitId: string }
  | { type: 'chooseHistoryQuestion'; text: string; chosen: boolean }
  | { type: 'chooseBaseline' }
  | (ScorecardRequest & { id: number });

export type ExtensionMessage = { type: 'state'; view: ScorecardView } | { type: 'reply'; id: number; outcome: RequestOutcome };

/** The part of the API VS Code gives a webview that the scorecard uses. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: UiState): void;
}

export type ReplyMessage = Extract<ExtensionMessage, { type: 'reply' }>;

/** The sentence the panel shows when a request failed for `reason`. */
export function requestFailure(request: ScorecardRequest, reason: string): string {
  if (request.type === 'import') return `The review could not be imported: ${reason}`;
  return request.to === 'clipboard' ? `The review could not be copied: ${reason}` : `The review could not be saved: ${reason}`;
}

/** The extension's side: runs a request and answers it under its sequence number; a throw is a failure the panel shows. */
export async function replyTo(request: ScorecardRequest & { id: number }, run: () => Promise<RequestOutcome>): Promise<ReplyMessage> {
  try {
    return { type: 'reply', id: request.id, outcome: await run() };
  } catch (error) {
    return { type: 'reply', id: request.id, outcome: { status: 'failed', error: requestFailure(request, errorMessage(error)) } };
  }
}
