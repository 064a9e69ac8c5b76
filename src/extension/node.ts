import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { ExtensionApi } from '../api';
import type { HistoryWorkerMessage, HistoryWorkerRequest } from '../worker/historyProtocol';
import { nodeWorkerChannel } from '../worker/nodeChannel';
import { activateExtension } from './activate';

// The desktop entry point: the analysis, and each read of the history, run in worker_threads workers beside this bundle.
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  return activateExtension(context, {
    createWorkerChannel: (extensionUri) => nodeWorkerChannel(path.join(extensionUri.fsPath, 'dist', 'worker-node.js')),
    createHistoryChannel: (extensionUri) =>
      nodeWorkerChannel<HistoryWorkerRequest, HistoryWorkerMessage>(path.join(extensionUri.fsPath, 'dist', 'history-worker-node.js'), 'the history worker'),
  });
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
