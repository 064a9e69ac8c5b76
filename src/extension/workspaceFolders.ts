import * as vscode from 'vscode';
import { relativePath } from './workspaceFiles';

/*
 * Findings and evidence name their file relative to the workspace folder that holds it, and in a
 * multi-root workspace two folders may hold the same relative path: so a location keeps its
 * folder, and its file is found again in that folder, never in another.
 */

/** The workspace folder that holds a file, as the URI string a location keeps. */
export function workspaceFolderOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
}

/** A file's path relative to the workspace folder that holds it, as evidence names it; its whole path outside every folder. */
export function pathInWorkspace(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? relativePath(folder, uri) : uri.path;
}

/**
 * A file named relative to its workspace folder: the folder a location kept, else the first one,
 * the repository under review, where pinned evidence, the workspace's rubric and the files the
 * first screen opens are named.
 */
export function fileInWorkspace(file: string, workspaceFolder?: string): vscode.Uri | undefined {
  const root = workspaceFolder === undefined ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.parse(workspaceFolder);
  return root && vscode.Uri.joinPath(root, file);
}
