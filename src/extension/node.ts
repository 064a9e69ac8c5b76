import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { ExtensionApi } from '../api';
import { nodeWorkerChannel } from '../worker/nodeChannel';
import { activateExtension } from './activate';

// The desktop entry point: the analysis runs in a worker_threads worker beside this bundle.
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  return activateExtension(context, {
    createWorkerChannel: (extensionUri) => nodeWorkerChannel(path.join(extensionUri.fsPath, 'dist', 'worker-node.js')),
  });
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
