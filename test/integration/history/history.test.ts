import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { equal, eventually, truthy } from '../suite/expect';
import { folder } from '../support/workspace';
import { CANDIDATE_UNWRAP_LINE, STARTER_UNWRAP_LINE } from './layout';

const EXTENSION_ID = 'rust-takehome.rust-takehome-review';

suite('The history and the baseline', function () {
  let api: ExtensionApi;
  const lib = () => vscode.Uri.joinPath(folder(), 'src/lib.rs');
  const unwrapLines = (lines: number[]) => JSON.stringify(lines.sort((a, b) => a - b));
  const scorecardUnwraps = async () =>
    (await api.scorecard.view()).categories
      .flatMap((c) => c.top)
      .filter((f) => f.rule === 'unwrap' && f.file === 'src/lib.rs')
      .map((f) => f.line);
  const diagnosedUnwraps = () =>
    vscode.languages
      .getDiagnostics(lib())
      .filter((d) => d.source === 'rust-review' && (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === 'unwrap')
      .map((d) => d.range.start.line);
  const setSetting = (key: string, value: string | undefined) => vscode.workspace.getConfiguration('rustReview').update(key, value, vscode.ConfigurationTarget.Workspace);

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    truthy(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    await api.firstScan;
  });

  suiteTeardown(async () => {
    await setSetting('baseline', undefined);
    await setSetting('starterFindings', undefined);
  });

  test('reads the history after the first scan, and proposes the starter tag', async () => {
    const read = await eventually(() => api.history.current, (current) => current !== undefined, 'the history is read');
    truthy(read, 'the history is read');
    truthy(read.history.available, `the history is available (${read.history.available ? '' : read.history.reason})`);
    equal(read.history.commits.map((c) => c.author.name), ['Hiring Team', 'Casey Candidate'], 'the commits, oldest first');
    equal(read.proposal?.reason, 'the tag "start" marks the starter code', 'the proposal');
  });

  test('reads it in a history worker, off the extension host\'s thread', async () => {
    const read = await eventually(() => api.history.lastRead, (last) => last !== undefined, 'a read has ended');
    equal(read?.in, 'worker', 'read in the history worker');
    equal(read?.problem, undefined, 'the worker read it without a problem');
    truthy(api.log.recentLines.some((line) => / history read in \d+ ms in the history worker: 2 commits/.test(line)), 'the log says where it was read');
  });

  test("leaves the starter's findings out of the scorecard and keeps the candidate's", async () => {
    await eventually(scorecardUnwraps, (lines) => unwrapLines(lines) === unwrapLines([STARTER_UNWRAP_LINE, CANDIDATE_UNWRAP_LINE]), 'without a baseline, both unwraps are evidence');
    await setSetting('baseline', 'start');
    await eventually(scorecardUnwraps, (lines) => unwrapLines(lines) === unwrapLines([CANDIDATE_UNWRAP_LINE]), "with the baseline, only the candidate's unwrap is evidence");
    equal(api.history.current?.changes?.find((c) => c.path === 'src/lib.rs')?.status, 'changed', 'src/lib.rs changed since the baseline');
    // The findings themselves are kept: only what is shown of them changes.
    equal(api.host.findingsFor(lib()).filter((f) => f.rule === 'unwrap').length, 2, 'the store keeps both unwraps');
  });

  test('the review records the baseline it is scored against', async () => {
    await setSetting('baseline', 'start');
    const recorded = await eventually(async () => (await api.reviews()).current.baseline, (baseline) => baseline?.kind === 'commit', 'the review records the baseline');
    const inForce = api.history.current?.baseline;
    truthy(recorded?.kind === 'commit' && inForce?.kind === 'commit' && recorded.commit === inForce.commit, 'the commit in force');
    truthy(/^commit [0-9a-f]{7} \(start\)$/.test(recorded.label), `named as the card names it: ${recorded.label}`);
  });

  test("hides the starter's hints in the editor when asked, and dims them by default", async () => {
    await setSetting('baseline', 'start');
    await eventually(diagnosedUnwraps, (lines) => unwrapLines(lines) === unwrapLines([STARTER_UNWRAP_LINE, CANDIDATE_UNWRAP_LINE]), 'dimmed, both unwraps are still drawn');
    await setSetting('starterFindings', 'hide');
    await eventually(diagnosedUnwraps, (lines) => unwrapLines(lines) === unwrapLines([CANDIDATE_UNWRAP_LINE]), "hidden, only the candidate's unwrap is drawn");
  });

  // Last: it damages the repository.
  test('a corrupt .git gives a clear message in the card and the log, and the hints stay', async () => {
    await setSetting('baseline', undefined);
    const objects = vscode.Uri.joinPath(folder(), '.git/objects');
    for (const [fan, type] of await vscode.workspace.fs.readDirectory(objects)) {
      if (type !== vscode.FileType.Directory || !/^[0-9a-f]{2}$/.test(fan)) continue;
      for (const [name] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(objects, fan))) {
        const object = vscode.Uri.joinPath(objects, fan, name);
        // Loose objects are read-only files: replace them rather than write over them.
        await vscode.workspace.fs.delete(object);
        await vscode.workspace.fs.writeFile(object, new TextEncoder().encode('not a zlib stream'));
      }
    }
    // A read the first setting started may still see the objects whole: the one this starts does not.
    await setSetting('baseline', 'start');
    const history = await eventually(() => api.history.current?.history, (read) => read?.available === false, 'the history is read again, and found unreadable');
    truthy(history && !history.available, 'no history from a corrupt repository');
    truthy(/could not be read/.test(history.reason), `the reason says the repository could not be read: ${history.reason}`);
    const card = (await api.scorecard.view()).history.history;
    truthy(card.state === 'unavailable' && card.reason === history.reason, 'the card says why');
    truthy(api.log.recentLines.some((line) => line.includes(history.reason)), 'the log says why');
    truthy(diagnosedUnwraps().length > 0, 'the hints are still drawn');
  });
});
