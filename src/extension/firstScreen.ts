import * as vscode from 'vscode';
import { SCORECARD_VIEW } from './scorecard';
import { fileInWorkspace } from './workspaceFolders';

/** The files a reviewer reads first, the first one found at the top of the workspace. */
export const FIRST_FILES = ['README.md', 'src/main.rs', 'src/lib.rs'];

/** Set in the workspace's state once the side bar was widened: the workbench remembers the width after. */
const WIDENED_KEY = 'rustReview.firstScreen.widened';
/** "Decrease Editor Width" gives the side bar 60 px a step: from the default 300 px to about 480 px, where the scorecard's buttons fit on one line. */
const WIDEN_STEPS = 3;

export function openOnStartup(): boolean {
  return vscode.workspace.getConfiguration('rustReview').get<boolean>('openOnStartup', false);
}

/** The first of FIRST_FILES that exists in the first workspace folder. */
export async function firstFile(): Promise<vscode.Uri | undefined> {
  for (const file of FIRST_FILES) {
    const uri = fileInWorkspace(file);
    if (!uri) return undefined;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) return uri;
    } catch {
      // not there: the next one
    }
  }
  return undefined;
}

/**
 * The first screen of a review (setting `rustReview.openOnStartup`): the scorecard in the side bar,
 * widened the first time, and the candidate's README, or else src/main.rs or src/lib.rs, in the
 * editor when no editor is open yet (a restored window keeps its own).
 */
export async function showFirstScreen(state: vscode.Memento): Promise<void> {
  await vscode.commands.executeCommand(`${SCORECARD_VIEW}.focus`);
  if (!state.get<boolean>(WIDENED_KEY, false)) {
    for (let step = 0; step < WIDEN_STEPS; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await state.update(WIDENED_KEY, true);
  }
  if (vscode.window.visibleTextEditors.length > 0) return;
  const file = await firstFile();
  if (file) await vscode.window.showTextDocument(file, { preview: false });
}
