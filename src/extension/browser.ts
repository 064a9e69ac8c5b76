import * as vscode from 'vscode';
import type { ExtensionApi } from '../api';
import { webWorkerChannel } from '../worker/browserChannel';
import { activateExtension } from './activate';

// The web entry point (vscode.dev, github.dev): the analysis runs in a Web Worker.
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  return activateExtension(context, {
    createWorkerChannel: (extensionUri) => webWorkerChannel(vscode.Uri.joinPath(extensionUri, 'dist', 'worker-browser.js').toString(true)),
  });
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
