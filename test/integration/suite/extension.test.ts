import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { folder } from '../support/workspace';
import { equal, eventually, truthy } from './expect';

const EXTENSION_ID = 'rust-takehome.rust-takehome-review';
const SEVERITY = ['error', 'warning', 'information', 'hint'];

type Row = [rule: string, startLine: number, startCharacter: number, endLine: number, endCharacter: number, severity: string];

const file = (path: string) => vscode.Uri.joinPath(folder(), path);

function diagnosticRows(uri: vscode.Uri): Row[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'rust-review')
    .map((d) => {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      const { start, end } = d.range;
      return [code, start.line, start.character, end.line, end.character, SEVERITY[d.severity]] as Row;
    })
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));
}

async function settle(uri: vscode.Uri, expectedCount: number): Promise<Row[]> {
  return eventually(() => diagnosticRows(uri), (rows) => rows.length === expectedCount, `${uri.path} has ${expectedCount} diagnostics`);
}

/**
 * Waits until VS Code holds exactly these diagnostics for the file. After typing in an open
 * document, those VS Code moved with the text are set on their new lines once typing pauses.
 */
async function settleTo(uri: vscode.Uri, expected: Row[]): Promise<void> {
  const text = JSON.stringify(expected);
  await eventually(() => diagnosticRows(uri), (rows) => JSON.stringify(rows) === text, `${uri.path} has the ${expected.length} diagnostics expected`);
}

/** Concerns of the careless sample, at each signal's default severity (test code: Hint). */
const PROTOCOL: Row[] = [
  ['elidable-lifetime', 17, 16, 17, 18, 'hint'],
  ['ref-owned-param', 31, 27, 31, 34, 'information'],
  ['elidable-lifetime', 63, 17, 63, 19, 'hint'],
  ['unwrap', 64, 35, 64, 43, 'information'],
  ['ref-owned-param', 67, 27, 67, 34, 'information'],
  ['unwrap', 78, 54, 78, 62, 'hint'],
  ['unwrap', 81, 57, 81, 65, 'hint'],
];

const COMPACTION: Row[] = [
  ['blocking-in-async', 13, 8, 13, 26, 'warning'],
  ['blocking-in-async', 31, 12, 31, 31, 'warning'],
  ['expect', 31, 49, 31, 75, 'information'],
  ['blocking-in-async', 39, 18, 39, 30, 'warning'],
  ['unwrap', 39, 42, 39, 50, 'information'],
  ['index-loop', 40, 13, 40, 26, 'information'],
  ['unwrap', 44, 34, 44, 42, 'information'],
  ['unwrap', 46, 58, 46, 66, 'information'],
  ['unwrap', 46, 68, 46, 76, 'information'],
  ['unwrap', 48, 16, 48, 24, 'information'],
  ['blocking-in-async', 52, 4, 52, 19, 'warning'],
  ['unwrap', 52, 48, 52, 56, 'information'],
  ['blocking-in-async', 55, 9, 55, 13, 'warning'],
  ['expect', 56, 9, 56, 39, 'information'],
  ['blocking-in-async', 60, 19, 60, 42, 'warning'],
  ['unwrap', 60, 60, 60, 68, 'information'],
];

interface Walkthrough {
  title: string;
  steps: { title: string; description: string; media: { markdown?: string } }[];
}

/** A file of the extension: on disk for the Node host, over HTTP for the web worker host (as vscode.dev serves it). */
async function readExtensionFile(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    truthy(response.ok, `${uri.toString(true)} is served (HTTP ${response.status})`);
    return response.text();
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function configure(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('rustReview').update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('Rust Take-Home Review in VS Code', function () {
  this.timeout(60_000);
  let api: ExtensionApi;

  suiteSetup(async () => {
    // The suite writes files and settings into its workspace: never let it touch the committed samples.
    truthy(!folder().path.includes('/test/fixtures/'), `run the suite on a copy of the sample (test/integration/run.mjs makes one), not on ${folder().path}`);
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    truthy(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    const scan = await api.firstScan;
    truthy(scan.files > 0, 'the first scan analysed the sample');
  });

  test('runs without workspace trust (Restricted Mode)', () => {
    equal(vscode.workspace.isTrusted, false);
  });

  test('contributes the walkthrough, whose media ship in the extension and whose buttons run registered commands', async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    truthy(extension, `${EXTENSION_ID} is installed`);
    const walkthroughs = extension.packageJSON.contributes.walkthroughs as Walkthrough[];
    equal(
      walkthroughs.map((w) => [w.title, w.steps.map((step) => step.title)]),
      [['Review a Rust take-home', ['Open the repository', 'Read the hints', 'Score a category', 'Copy the review']]],
    );
    const registered = new Set(await vscode.commands.getCommands());
    for (const step of walkthroughs[0].steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1]);
      truthy(linked.length > 0, `the step "${step.title}" has a button`);
      equal(linked.filter((command) => !registered.has(command)), [], `the commands of "${step.title}" are registered`);
      const page = step.media.markdown ?? '';
      truthy(page.startsWith('media/walkthrough/'), `the step "${step.title}" shows Markdown from media/walkthrough/`);
      const text = await readExtensionFile(vscode.Uri.joinPath(extension.extensionUri, page));
      truthy(text.startsWith(`## ${step.title}`), `${page} is the step's page (starts with: ${text.slice(0, 60)})`);
    }
  });

  test('scans the whole sample without skipping a file', async () => {
    const scan = await api.firstScan;
    equal([scan.files, scan.skipped, scan.cancelled], [9, [], false]); // seven Rust files, Cargo.toml and README.md
  });

  test('reports the exact diagnostics of two files', async () => {
    equal(await settle(file('src/protocol.rs'), PROTOCOL.length), PROTOCOL);
    equal(await settle(file('src/compaction.rs'), COMPACTION.length), COMPACTION);
  });

  test('links each diagnostic code to its explanation', async () => {
    const [diagnostic] = vscode.languages.getDiagnostics(file('src/protocol.rs')).filter((d) => d.source === 'rust-review');
    truthy(typeof diagnostic.code === 'object', 'the code carries a target');
    const explanation = await vscode.workspace.openTextDocument(diagnostic.code.target);
    truthy(explanation.getText().startsWith(`# ${String(diagnostic.code.value)}\n`), explanation.getText());
  });

  test('hovers with the explanation and the question to ask, and the message once', async () => {
    const uri = file('src/protocol.rs');
    const hoverAt = async (at: vscode.Position) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    const diagnosticMessages = (at: vscode.Position) =>
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rust-review' && d.range.contains(at)).map((d) => d.message);
    // A concern drawn as a diagnostic: VS Code's own hover shows its message, as the plain text a
    // diagnostic holds (no Markdown backticks); ours adds the rest and leaves the message out.
    const unwrap = new vscode.Position(64, 38);
    const text = await hoverAt(unwrap);
    truthy(text.includes('**Error handling** · concern · `unwrap`'), text);
    truthy(text.includes('An `unwrap()` turns every failure into a crash'), text);
    truthy(text.includes('**Ask the candidate:** What should happen here when this value is missing or the operation fails?'), text);
    equal(diagnosticMessages(unwrap), ['.unwrap() panics on None/Err instead of handling it']);
    truthy(!text.includes('panics on'), text);
    // A strength drawn as a decoration has no diagnostic: our hover shows its message, in Markdown.
    const test = new vscode.Position(76, 10);
    equal(diagnosticMessages(test), []);
    truthy((await hoverAt(test)).includes('test `test_parse_set` (#[test])'), await hoverAt(test));
  });

  test('an edit that removes an .unwrap() removes its diagnostic', async () => {
    const uri = file('src/protocol.rs');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const before = await settle(uri, PROTOCOL.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(64, 35, 64, 43), 'unwrap_or_default()');
    truthy(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const after = await settle(uri, PROTOCOL.length - 1);
    equal(after, before.filter((row) => !(row[0] === 'unwrap' && row[1] === 64)));
    // Undo by the inverse edit: it does not depend on which editor is active, as a revert would.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(uri, new vscode.Range(64, 35, 64, 54), 'unwrap()');
    truthy(await vscode.workspace.applyEdit(undo), 'the undo applies');
    equal(await settle(uri, PROTOCOL.length), PROTOCOL);
  });

  test("judges a file by the whole crate: an edit of the callee clears a blocking call reported through it", async () => {
    const main = file('src/main.rs');
    const store = file('src/store.rs');
    const through = (rows: Row[]) => rows.filter((row) => row[0] === 'blocking-in-async' && row[1] === 43);
    const reported = () => eventually(() => through(diagnosticRows(main)), (rows) => rows.length === 1, 'main.rs reports `Store::open` as blocking');
    equal(await reported(), [['blocking-in-async', 43, 20, 43, 31, 'warning']]);
    const blocking = 'File::open(path).unwrap()';
    const line = (await vscode.workspace.openTextDocument(store)).lineAt(31).text;
    const at = line.indexOf(blocking);
    truthy(at > 0, line);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(store, new vscode.Range(31, at, 31, at + blocking.length), 'todo!()');
    truthy(await vscode.workspace.applyEdit(edit), 'the edit applies');
    await eventually(() => through(diagnosticRows(main)), (rows) => rows.length === 0, 'main.rs no longer reports `Store::open`');
    const undo = new vscode.WorkspaceEdit();
    undo.replace(store, new vscode.Range(31, at, 31, at + 'todo!()'.length), blocking);
    truthy(await vscode.workspace.applyEdit(undo), 'the undo applies');
    await reported();
  });

  test('a file with hundreds of concerns shows each one, edit after edit', async () => {
    // More concerns than one part of a file's diagnostics holds (see diagnosticParts.ts).
    const line = (name: string) => `fn ${name}() { let v = read().unwrap(); }`;
    const rowsOf = (lines: string[]): Row[] => lines.map((text, i) => ['unwrap', i, text.indexOf('unwrap'), i, text.indexOf('unwrap') + 8, 'information']);
    let lines = Array.from({ length: 450 }, (_, i) => line(`f${i}`));
    const uri = file('src/many.rs');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${lines.join('\n')}\n`));
    try {
      equal(await settle(uri, 450), rowsOf(lines));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      // A line at the top moves every concern below it.
      const insert = new vscode.WorkspaceEdit();
      insert.insert(uri, new vscode.Position(0, 0), `${line('first')}\n`);
      truthy(await vscode.workspace.applyEdit(insert), 'the insertion applies');
      lines = [line('first'), ...lines];
      await settleTo(uri, rowsOf(lines));
      // Deleting most of the file leaves fewer parts than before.
      const cut = new vscode.WorkspaceEdit();
      cut.delete(uri, new vscode.Range(100, 0, 401, 0));
      truthy(await vscode.workspace.applyEdit(cut), 'the deletion applies');
      lines = [...lines.slice(0, 100), ...lines.slice(401)];
      await settleTo(uri, rowsOf(lines));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await eventually(() => diagnosticRows(uri), (r) => r.length === 0, 'the deleted file loses its diagnostics');
    // Closing reverted the document, an edit waiting out the debounce when the file went: it must not bring the hints back.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    equal(diagnosticRows(uri), []);
  });

  test('the status bar counts the hints as they are drawn, and says what it counts, as files change', async () => {
    const counts = () => {
      const [, warnings, infos, strengths] = /^\$\(checklist\) \$\(warning\) (\d+) {2}\$\(info\) (\d+) {2}\$\(pass\) (\d+)$/.exec(api.statusBar.text) ?? [];
      return [Number(warnings), Number(infos), Number(strengths)];
    };
    // The warnings and infos are what the Problems panel lists; it leaves out the hints.
    const held = () => {
      const ours = vscode.languages.getDiagnostics().flatMap(([, diagnostics]) => diagnostics.filter((d) => d.source === 'rust-review'));
      const { Warning, Information, Hint } = vscode.DiagnosticSeverity;
      return [Warning, Information, Hint].map((severity) => ours.filter((d) => d.severity === severity).length);
    };
    const agree = ([warnings, infos]: number[]) => warnings === held()[0] && infos === held()[1];
    const [warnings, infos, strengths] = await eventually(counts, agree, 'the status bar counts the warnings and infos VS Code holds');
    const hints = held()[2];
    truthy(warnings > 0 && infos > 0 && hints > 0, `${api.statusBar.text}, ${hints} hints`);
    // Under the default settings every strength is drawn, as a mark in the gutter.
    equal(strengths, api.host.allFindings().flatMap((f) => f.findings).filter((f) => f.polarity === 'strength').length);
    equal(api.statusBar.tooltip.split('\n'), [
      'Rust Review, the hints drawn in the editor:',
      `${warnings} warnings and ${infos} infos, listed in the Problems panel`,
      `${hints} hints, drawn as dots under the code (the Problems panel does not list hints)`,
      `${strengths} strengths, marked ✓ in the gutter`,
      'Click to open the scorecard.',
    ]);
    const uri = file('src/protocol.rs');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(64, 35, 64, 43), 'unwrap_or_default()');
    truthy(await vscode.workspace.applyEdit(edit), 'the edit applies');
    // The unwrap removed was an info.
    await eventually(counts, ([, shown]) => shown === infos - 1, 'the unwrap removed is no longer counted');
    equal(counts(), [warnings, infos - 1, strengths]);
    const undo = new vscode.WorkspaceEdit();
    undo.replace(uri, new vscode.Range(64, 35, 64, 54), 'unwrap()');
    truthy(await vscode.workspace.applyEdit(undo), 'the undo applies');
    await eventually(counts, ([, shown]) => shown === infos, 'the unwrap is counted again');
    equal(counts(), [warnings, infos, strengths]);
  });

  test('picks up a new file', async () => {
    const uri = file('src/added.rs');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('fn added() {\n    let v = read().unwrap();\n}\n'));
    const rows = await eventually(() => diagnosticRows(uri), (r) => r.length === 1, 'the new file is analysed');
    equal(rows, [['unwrap', 1, 19, 1, 27, 'information']]);
    await vscode.workspace.fs.delete(uri);
    await eventually(() => diagnosticRows(uri), (r) => r.length === 0, 'the deleted file loses its diagnostics');
  });

  test('follows a burst of new files, whatever their names, and a folder moved and deleted, leaving out target/', async () => {
    const names = [...Array.from({ length: 40 }, (_, i) => `src/burst/f${i}.rs`), 'src/burst/[odd]{name},x!.rs', 'src/burst/a?b*.rs'];
    const uris = names.map(file);
    const built = file('target/burst.rs');
    const text = new TextEncoder().encode('fn added() {\n    let v = read().unwrap();\n}\n');
    await Promise.all([...uris, built].map((uri) => vscode.workspace.fs.writeFile(uri, text)));
    try {
      await eventually(() => uris.filter((uri) => diagnosticRows(uri).length === 1).length, (n) => n === uris.length, 'every new file is analysed');
      equal(diagnosticRows(built), []);
      // A folder moved comes as two events, the old folder deleted and the new one created.
      await vscode.workspace.fs.rename(file('src/burst'), file('src/moved'));
      const moved = names.map((name) => file(name.replace('src/burst/', 'src/moved/')));
      await eventually(() => moved.filter((uri) => diagnosticRows(uri).length === 1).length, (n) => n === moved.length, 'every moved file is analysed');
      await eventually(() => uris.filter((uri) => diagnosticRows(uri).length > 0).length, (n) => n === 0, 'the old places lose their diagnostics');
    } finally {
      await vscode.workspace.fs.delete(file('src/moved'), { recursive: true });
      await vscode.workspace.fs.delete(file('target'), { recursive: true });
    }
    await eventually(() => names.map((name) => diagnosticRows(file(name.replace('src/burst/', 'src/moved/')))).flat().length, (n) => n === 0, 'the deleted files lose their diagnostics');
  });

  test('a code action records evidence in the review', async () => {
    const uri = file('src/protocol.rs');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(64, 36, 64, 36));
    const pin = actions.find((a) => a.title === 'Add as evidence to Error Handling: unwrap');
    truthy(pin?.command, `a pin action is offered (got ${actions.map((a) => a.title).join(', ')})`);
    await vscode.commands.executeCommand(pin.command.command, ...(pin.command.arguments ?? []));
    const review = (await api.reviews()).current;
    const pinned = review.evidence.find((e) => e.signal === 'unwrap' && e.file === 'src/protocol.rs');
    truthy(pinned, 'the evidence is in the review');
    equal([pinned.categoryId, pinned.range, pinned.snippet.trim()], [
      'error-handling',
      { startLine: 64, startCharacter: 35, endLine: 64, endCharacter: 43 },
      'line.split_whitespace().next().unwrap()',
    ]);
  });

  test('settings take effect at once', async () => {
    const uri = file('src/protocol.rs');
    try {
      await configure('signals', { unwrap: false });
      await settle(uri, PROTOCOL.length - 3);
      await configure('severity', { concern: 'warning', strength: 'decoration', info: 'decoration' });
      const rows = await eventually(() => diagnosticRows(uri), (r) => r.length > 0 && r[0][5] === 'warning', 'concerns become warnings');
      // Every concern of the file but the three unwraps, now all warnings.
      equal(rows.map((r) => r[5]), new Array(PROTOCOL.length - 3).fill('warning'));
      await configure('hints.enabled', false);
      await settle(uri, 0);
    } finally {
      await configure('signals', undefined);
      await configure('severity', undefined);
      await configure('hints.enabled', undefined);
    }
    await settle(uri, PROTOCOL.length);
  });

  test('a file newly excluded loses its diagnostics', async () => {
    const uri = file('src/compaction.rs');
    try {
      await configure('exclude', ['src/compaction.rs']);
      await settle(uri, 0);
    } finally {
      await configure('exclude', undefined);
    }
    equal(await settle(uri, COMPACTION.length), COMPACTION);
  });

  test('a folder moved in is analysed, without the files the exclude setting names', async () => {
    const text = new TextEncoder().encode('fn added() {\n    let v = read().unwrap();\n}\n');
    const staged = ['kept.rs', 'excluded.rs'].map((name) => file(`staging/${name}`));
    await Promise.all(staged.map((uri) => vscode.workspace.fs.writeFile(uri, text)));
    const [kept, excluded] = ['kept.rs', 'excluded.rs'].map((name) => file(`src/arrived/${name}`));
    try {
      await configure('exclude', ['src/arrived/excluded.rs']);
      await eventually(() => staged.filter((uri) => diagnosticRows(uri).length === 1).length, (n) => n === 2, 'the staged files are analysed');
      await vscode.workspace.fs.rename(file('staging'), file('src/arrived'));
      await eventually(() => diagnosticRows(kept), (rows) => rows.length === 1, 'the moved folder is searched');
      equal(diagnosticRows(excluded), []);
    } finally {
      await vscode.workspace.fs.delete(file('src/arrived'), { recursive: true });
      await configure('exclude', undefined);
    }
    await eventually(() => diagnosticRows(kept), (rows) => rows.length === 0, 'the deleted folder loses its diagnostics');
  });

  test('copies the review as Markdown from the command palette, without the panel', async () => {
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('rustReview.copyReview');
    const markdown = await vscode.env.clipboard.readText();
    truthy(markdown.startsWith('# Rust take-home review: '), markdown.slice(0, 200));
    truthy(markdown.includes('> **Incomplete review.** Not assessed yet: Ownership & Borrowing, Lifetimes, Error Handling'), markdown);
    // The evidence pinned by the code action above, with its code.
    truthy(markdown.includes('`src/protocol.rs:65` `.unwrap()` panics'), markdown);
    truthy(markdown.includes('  line.split_whitespace().next().unwrap()'), markdown);
    await vscode.commands.executeCommand('rustReview.copyReviewJson');
    const json = JSON.parse(await vscode.env.clipboard.readText());
    equal([json.schema, json.rubric.id, json.evidence.length], [1, 'rust-takehome-default', 1]);
  });

  test('reports a broken custom rubric and keeps the last good one', async () => {
    const rubricFile = file('.vscode/rust-review.rubric.json');
    const custom = {
      id: 'team',
      version: '3',
      title: 'Team rubric',
      categories: [{ id: 'errors', title: 'Errors', weight: 1, signals: ['unwrap'], descriptors: { 'strong-no': 'a', no: 'b', yes: 'c', 'strong-yes': 'd' }, question: 'How?' }],
    };
    await vscode.workspace.fs.writeFile(rubricFile, new TextEncoder().encode(JSON.stringify(custom)));
    await api.rubrics.reload();
    equal([api.rubrics.current.id, api.rubrics.problem], ['team', undefined]);
    await vscode.workspace.fs.writeFile(rubricFile, new TextEncoder().encode('{ "id": "team", "version": "4", '));
    await api.rubrics.reload();
    equal(api.rubrics.current.id, 'team');
    truthy(api.rubrics.problem?.startsWith('rust-review.rubric.json: the file is not valid JSON'), String(api.rubrics.problem));
    await vscode.workspace.fs.delete(rubricFile);
    await api.rubrics.reload();
    equal([api.rubrics.current.id, api.rubrics.problem], ['rust-takehome-default', undefined]);
  });

  test('sets a corrupt saved review aside, reports it and starts afresh', async () => {
    const saved = (await api.reviews()).location;
    const storage = vscode.Uri.joinPath(saved, '..');
    await vscode.workspace.fs.writeFile(saved, new TextEncoder().encode('{ "schema": 1, "repository": { "na'));
    const logged: string[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (m: string) => void logged.push(m) };
    const reopened = await api.openReview(storage, { name: 'careless', root: folder() }, api.rubrics.current, log);
    equal([reopened.current.evidence.length, reopened.current.summary], [0, '']);
    const kept = (await vscode.workspace.fs.readDirectory(storage)).map(([name]) => name).filter((name) => name.includes('.corrupt-'));
    equal(kept.length, 1);
    truthy(logged[0]?.startsWith('The saved review could not be read'), logged.join('\n'));
    const aside = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storage, kept[0])));
    equal(aside, '{ "schema": 1, "repository": { "na');
    reopened.dispose();
  });

  test('reads a save caught between the old file removed and the new one renamed in', async () => {
    const storage = vscode.Uri.joinPath(folder(), '.review-storage');
    const repository = { name: 'careless', root: folder() };
    const logged: string[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (m: string) => void logged.push(m) };
    const probe = await api.openReview(storage, repository, api.rubrics.current, log);
    probe.dispose();
    // Renaming with overwrite removes the old file first: for a moment only the temporary copy exists.
    const saving = { ...probe.current, summary: 'saved a moment ago' };
    await vscode.workspace.fs.writeFile(probe.location.with({ path: `${probe.location.path}.tmp` }), new TextEncoder().encode(JSON.stringify(saving)));
    try {
      const reopened = await api.openReview(storage, repository, api.rubrics.current, log);
      equal([reopened.current.summary, logged], ['saved a moment ago', []]);
      reopened.dispose();
    } finally {
      await vscode.workspace.fs.delete(storage, { recursive: true });
    }
  });

  test('the scorecard shows how the candidate worked, or says why it cannot, and the export carries it', async () => {
    const read = await eventually(() => api.history.current, (current) => current !== undefined, 'the history is read after the first scan');
    const card = (await api.scorecard.view()).history;
    if (read?.history.available) {
      equal([card.history.state, card.history.state === 'available' && card.history.commits.length], ['available', Math.min(read.history.commits.length, 200)]);
    } else {
      equal(card.history, { state: 'unavailable', reason: read?.history.available === false ? read.history.reason : '' });
    }
    await vscode.commands.executeCommand('rustReview.copyReview');
    const markdown = await vscode.env.clipboard.readText();
    truthy(markdown.includes('\n## How they worked\n'), markdown);
    truthy(read?.history.available || markdown.includes('History is not available: '), markdown);
  });

  test('imports a review exported by a second reviewer', async () => {
    await vscode.commands.executeCommand('rustReview.copyReviewJson');
    const exported = JSON.parse(await vscode.env.clipboard.readText());
    exported.categories.lifetimes = { level: 'strong-yes', notes: 'second reviewer: lifetimes are exemplary', questions: [] };
    exported.repository = { name: 'someone else' };
    const file = vscode.Uri.joinPath(folder(), 'second-review.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(exported)));
    await vscode.commands.executeCommand('rustReview.importReview', file);
    const review = (await api.reviews()).current;
    // The levels and notes come from the file; the review stays this repository's.
    equal(review.categories.lifetimes, { level: 'strong-yes', notes: 'second reviewer: lifetimes are exemplary', questions: [] });
    equal(review.repository.name, vscode.workspace.workspaceFolders?.[0]?.name);
    // A file that is not a review changes nothing.
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{ "schema": 7 }'));
    await vscode.commands.executeCommand('rustReview.importReview', file);
    equal((await api.reviews()).current.categories.lifetimes.level, 'strong-yes');
  });

  test('says why there is no history in a workspace without .git, and keeps every finding', async () => {
    const read = await eventually(() => api.history.current, (current) => current !== undefined, 'the history is read after the first scan');
    truthy(read, 'the history is read');
    equal(read.history, { available: false, reason: 'no .git folder: the code came without its history (a zip, a copy or a web view)' });
    truthy(api.host.allFindings().some((file) => file.findings.length > 0), 'the findings are there');
  });
});
