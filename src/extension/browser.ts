import * as vscode from 'vscode';
import type { ExtensionApi } from '../api';
import { webWorkerChannel } from '../worker/browserChannel';
import type { HistoryWorkerMessage, HistoryWorkerRequest } from '../worker/historyProtocol';
import { activateExtension } from './activate';

// The web entry point (vscode.dev, github.dev): the analysis, and each read of the history, run in Web Workers.
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  return activateExtension(context, {
    createWorkerChannel: (extensionUri) => webWorkerChannel(vscode.Uri.joinPath(extensionUri, 'dist', 'worker-browser.js').toString(true)),
    createHistoryChannel: (extensionUri) =>
      webWorkerChannel<HistoryWorkerRequest, HistoryWorkerMessage>(vscode.Uri.joinPath(extensionUri, 'dist', 'history-worker-browser.js').toString(true), 'the history worker'),
  });
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
