import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import type { FindingView } from '../../../src/presentation/scorecardView';
import { equal, eventually, truthy } from '../suite/expect';
import { CANDIDATE_UNSAFE_LINE, FOLDERS, SHARED_PATH, STARTER_FOLDER, STARTER_PATH, STARTER_UNSAFE_LINE } from './layout';

const EXTENSION_ID = 'rust-takehome.rust-takehome-review';

suite('A multi-root workspace whose folders hold the same path', function () {
  let api: ExtensionApi;

  suiteSetup(async () => {
    equal(
      vscode.workspace.workspaceFolders?.map((folder) => folder.name),
      FOLDERS.map((folder) => folder.name),
      'the workspace opens both folders',
    );
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    truthy(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    await api.firstScan;
  });

  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test("opens each finding of the scorecard in its own folder's file", async () => {
    const unwrapsInShared = async () => {
      const view = await api.scorecard.view();
      return view.categories.flatMap((c) => c.top).filter((f) => f.rule === 'unwrap' && f.file === SHARED_PATH);
    };
    const roots = vscode.workspace.workspaceFolders!.map((folder) => folder.uri);
    const inEachFolder = (unwraps: FindingView[]) => roots.every((root) => unwraps.some((f) => f.workspaceFolder === root.toString()));
    const found = await eventually(unwrapsInShared, inEachFolder, `the scorecard shows an unwrap in each folder's ${SHARED_PATH}, located in its folder`);
    for (const [index, folder] of FOLDERS.entries()) {
      const root = roots[index];
      const expected = vscode.Uri.joinPath(root, SHARED_PATH);
      const location = found.find((f) => f.workspaceFolder === root.toString());
      truthy(location, `an unwrap of ${folder.name} is located in its folder`);
      equal(location.line, folder.unwrapLine, `the unwrap's line in ${folder.name}`);
      // As the panel does when the reviewer clicks the location.
      await api.scorecard.open(location);
      const editor = vscode.window.activeTextEditor;
      truthy(editor, `an editor opened for ${folder.name}`);
      equal(editor.document.uri.toString(), expected.toString(), `the file opened for ${folder.name}`);
      equal(editor.document.getText(), folder.source, `the text opened for ${folder.name}`);
      equal(editor.selection.start.line, folder.unwrapLine, `the line selected in ${folder.name}`);
    }
  });

  test('Compare Candidates puts the folders side by side, and a cell opens the concern in its own folder', async () => {
    const comparison = await eventually(
      () => api.compareCandidates.comparison(),
      (c) => c.rows.length === FOLDERS.length && c.rows.every((row) => row.categories['error-handling']?.concern),
      'each folder has a row with its error-handling concern',
    );
    equal(comparison.rows.map((row) => row.candidate), FOLDERS.map((folder) => folder.name));
    const roots = vscode.workspace.workspaceFolders!.map((folder) => folder.uri);
    for (const [index, folder] of FOLDERS.entries()) {
      const concern = comparison.rows[index].categories['error-handling'].concern!;
      equal([concern.file, concern.line], [SHARED_PATH, folder.unwrapLine + 1], `the concern of ${folder.name}`);
      // As the tab does when the reviewer clicks the cell.
      await api.compareCandidates.open(index, 'error-handling');
      const editor = vscode.window.activeTextEditor;
      truthy(editor, `an editor opened for ${folder.name}`);
      equal(editor.document.uri.toString(), vscode.Uri.joinPath(roots[index], SHARED_PATH).toString(), `the file opened for ${folder.name}`);
      equal(editor.selection.start.line, folder.unwrapLine, `the line selected in ${folder.name}`);
    }
    await vscode.commands.executeCommand('rustReview.compareCandidates');
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label);
    await eventually(tabs, (labels) => labels.includes('Compare Candidates'), 'the Compare Candidates tab opens');
  });

  test("sets apart the starter's lines in each folder by its own baseline, and the card says it is the first folder's", async () => {
    const roots = vscode.workspace.workspaceFolders!.map((folder) => folder.uri);
    const starterFile = vscode.Uri.joinPath(roots[FOLDERS.findIndex((folder) => folder.name === STARTER_FOLDER)], STARTER_PATH);
    const unsafeLines = () =>
      vscode.languages
        .getDiagnostics(starterFile)
        .filter((d) => d.source === 'rust-review' && (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === 'unsafe-without-safety')
        .map((d) => d.range.start.line)
        .sort((a, b) => a - b);
    const scorecardUnsafe = async () =>
      (await api.scorecard.view()).categories
        .flatMap((c) => c.top)
        .filter((f) => f.rule === 'unsafe-without-safety' && f.file === STARTER_PATH)
        .map((f) => f.line);
    await eventually(unsafeLines, (lines) => JSON.stringify(lines) === JSON.stringify([STARTER_UNSAFE_LINE, CANDIDATE_UNSAFE_LINE]), 'dimmed, both unsafe blocks are drawn');
    await eventually(scorecardUnsafe, (lines) => JSON.stringify(lines) === JSON.stringify([CANDIDATE_UNSAFE_LINE]), "the second folder's baseline leaves its starter's unsafe block out of the scorecard");
    await vscode.workspace.getConfiguration('rustReview').update('starterFindings', 'hide', vscode.ConfigurationTarget.Workspace);
    try {
      await eventually(unsafeLines, (lines) => JSON.stringify(lines) === JSON.stringify([CANDIDATE_UNSAFE_LINE]), "hidden, only the candidate's unsafe block is drawn");
    } finally {
      await vscode.workspace.getConfiguration('rustReview').update('starterFindings', undefined, vscode.ConfigurationTarget.Workspace);
    }
    equal((await api.scorecard.view()).history.firstFolder, FOLDERS[0].name, 'the card says which folder it is about');
    truthy(api.log.recentLines.some((line) => line.includes(`history of folder ${STARTER_FOLDER} read in`)), "the log names the second folder's read");
  });
});
