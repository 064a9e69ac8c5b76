import * as vscode from 'vscode';
import type { CandidateSources } from '../team/identities';

/** A file larger than this is not a manifest, licence or README worth reading for names. */
const MAX_SOURCE_BYTES = 256 * 1024;
/** Cargo.toml files read per folder: the root's and a workspace's members, never a vendored tree. */
const MAX_MANIFESTS = 20;
const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:[-._].*)?$/i;
const README_FILE = /^readme(?:\..*)?$/i;

async function readSmall(uri: vscode.Uri): Promise<string | undefined> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_SOURCE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // A file gone or unreadable names nobody.
    return undefined;
  }
}

async function rootFiles(folder: vscode.Uri, name: RegExp): Promise<vscode.Uri[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([entry, type]) => type === vscode.FileType.File && name.test(entry)).map(([entry]) => vscode.Uri.joinPath(folder, entry));
  } catch {
    return [];
  }
}

const texts = async (uris: readonly vscode.Uri[]) => (await Promise.all(uris.map(readSmall))).filter((text): text is string => text !== undefined);

/**
 * What in a workspace folder may name its candidate, read without git: its Cargo.toml files, the
 * licence and the README at its root, and the remote `.git/config` gives (read by the caller).
 */
export async function readCandidateSources(folder: vscode.WorkspaceFolder, remote: string | undefined): Promise<CandidateSources> {
  const manifests = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/Cargo.toml'), '{**/target/**,**/node_modules/**,**/.git/**}', MAX_MANIFESTS);
  const [manifestTexts, licenses, readmes] = await Promise.all([texts(manifests), rootFiles(folder.uri, LICENSE_FILE).then(texts), rootFiles(folder.uri, README_FILE).then(texts)]);
  return {
    manifests: manifestTexts,
    ...(licenses.length > 0 ? { license: licenses.join('\n') } : {}),
    ...(readmes.length > 0 ? { readme: readmes.join('\n') } : {}),
    ...(remote ? { remote } : {}),
  };
}
