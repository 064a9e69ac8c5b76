import * as vscode from 'vscode';
import { truthy } from '../suite/expect';

/** The workspace folder the suite runs in (the launcher opens one). */
export function folder(): vscode.Uri {
  const workspace = vscode.workspace.workspaceFolders?.[0];
  truthy(workspace, 'a workspace folder is open');
  return workspace.uri;
}
