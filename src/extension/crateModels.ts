import * as vscode from 'vscode';
import type { FileFindings } from '../analysis/anchoredFindings';
import { CrateModel, judgeFile, judgeFileFindings } from '../analysis/crate';
import { blockingOperation } from '../analysis/rules/calls';
import type { CrateManifest, FileAnalysis, FileSummary, Finding } from '../analysis/model';

/**
 * One crate model per workspace folder (file paths are relative to their folder), kept current
 * with the host's scanned files, open documents and manifests, and the judge of their findings.
 */
export class WorkspaceCrates {
  private readonly models = new Map<string, CrateModel>();

  private modelOf(uri: vscode.Uri): CrateModel {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
    let model = this.models.get(folder);
    if (!model) this.models.set(folder, (model = new CrateModel(blockingOperation)));
    return model;
  }

  /** Sets a file's analysis; true when other files' findings may be judged differently now. */
  setFile(uri: vscode.Uri, analysis: FileSummary): boolean {
    return this.modelOf(uri).setFile(analysis);
  }

  removeFile(uri: vscode.Uri, file: string): void {
    this.modelOf(uri).removeFile(file);
  }

  /** The manifests of the folder that holds `uri`, all of them. */
  setManifests(uri: vscode.Uri, manifests: readonly CrateManifest[]): void {
    this.modelOf(uri).setManifests(manifests);
  }

  judge(uri: vscode.Uri, analysis: FileAnalysis): Finding[] {
    return judgeFile(this.modelOf(uri), analysis);
  }

  /** An open document's findings, held group by group, judged as `judge` judges a file's. */
  judgeDocument(uri: vscode.Uri, summary: FileSummary, findings: FileFindings): FileFindings {
    return judgeFileFindings(this.modelOf(uri), summary, findings);
  }
}
