import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { folder } from '../support/workspace';
import { equal, eventually, truthy } from './expect';

const EXTENSION_ID = 'rust-takehome.rust-takehome-review';
/** The candidate as the licence names them, and every way what the extension shows could name them. */
const LICENSE = 'MIT License\n\nCopyright (c) 2026 Jane Doe\n';
const NAMED = /\b(?:jane|doe)\b/i;
/** A strength whose message quotes the candidate's name from the code: its hover shows the message. */
const PROBE = '#[derive(Debug, thiserror::Error)]\npub enum Jane {}\n';
const PROBE_NAME = new vscode.Position(1, 10);

const file = (path: string) => vscode.Uri.joinPath(folder(), path);
const write = (path: string, text: string) => vscode.workspace.fs.writeFile(file(path), new TextEncoder().encode(text));

async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function copied(command: string): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await vscode.commands.executeCommand(command);
  return vscode.env.clipboard.readText();
}

suite('Team review: blind review, reveal, a second reviewer', function () {
  this.timeout(60_000);
  let api: ExtensionApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    truthy(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    await api.firstScan;
    await write('LICENSE', LICENSE);
    await write('src/blind_probe.rs', PROBE);
    await eventually(() => api.host.findingsFor(file('src/blind_probe.rs')).map((f) => f.message), (messages) => messages.includes('`Jane` derives a typed error'), 'the probe is analysed');
  });

  suiteTeardown(async () => {
    for (const path of ['LICENSE', 'src/blind_probe.rs', 'colleague-review.json']) await vscode.workspace.fs.delete(file(path)).then(undefined, () => undefined);
  });

  test('not blind, the scorecard and the hovers show the repository and the code as they are', async () => {
    equal(api.blind.active, false);
    const view = await api.scorecard.view();
    equal(view.repository.name, vscode.workspace.workspaceFolders?.[0]?.name);
    const hover = await hoverText(file('src/blind_probe.rs'), PROBE_NAME);
    truthy(hover.includes('`Jane` derives a typed error'), hover);
  });

  test('Start Blind Review hides the candidate from the scorecard, the hovers, the status bar and the exports', async () => {
    // Evidence pinned from the probe: its snippet names the candidate, and the export quotes it.
    const probe = file('src/blind_probe.rs');
    await vscode.commands.executeCommand('rustReview.pinEvidence', { uri: probe.toString(), range: [1, 9, 1, 13], categoryId: 'error-handling' });
    await vscode.commands.executeCommand('rustReview.startBlindReview');
    await eventually(() => api.blind.active, (active) => active, 'the review is blind');
    const code = api.blind.code;
    truthy(code && /^C-[0-9A-F]{4}$/.test(code), `a candidate code, not ${code}`);

    const view = await eventually(() => api.scorecard.view(), (v) => !NAMED.test(JSON.stringify(v)), 'the scorecard names nobody once the licence is read');
    equal(view.repository, { name: code, ...(view.repository.commit ? { commit: view.repository.commit } : {}) });
    const pinned = view.categories.flatMap((c) => c.pinned).find((p) => p.file === 'src/blind_probe.rs');
    truthy(pinned?.snippet.includes(`pub enum ${code} {}`), JSON.stringify(pinned));

    const hover = await hoverText(probe, PROBE_NAME);
    truthy(hover.includes(`\`${code}\` derives a typed error`) && !NAMED.test(hover), hover);
    truthy(api.blind.statusText.includes(code), api.blind.statusText);
    for (const text of [api.statusBar.text, api.statusBar.tooltip, api.blind.statusText]) truthy(!NAMED.test(text), text);

    const markdown = await copied('rustReview.copyReview');
    truthy(markdown.startsWith(`# Rust take-home review: ${code}\n`), markdown.slice(0, 200));
    truthy(/- \*\*Blind review:\*\* blind from .* UTC, not revealed at the export\n/.test(markdown), markdown.slice(0, 600));
    truthy(!NAMED.test(markdown), markdown);
    const json = await copied('rustReview.copyReviewJson');
    truthy(!NAMED.test(json), json);
    const exported = JSON.parse(json) as { repository: unknown; blind?: { startedAt: string; revealedAt?: string } };
    equal(exported.repository, { name: code });
    truthy(exported.blind?.startedAt && !exported.blind.revealedAt, JSON.stringify(exported.blind));
  });

  test("compares with a colleague's review without replacing it, and copies the calibration summary", async () => {
    const mine = (await api.reviews()).current;
    const colleague = JSON.parse(await copied('rustReview.copyReviewJson')) as Record<string, unknown>;
    const categories = { ...mine.categories, lifetimes: { level: 'no', notes: 'Jane Doe elides nothing', questions: [] } };
    const review = vscode.Uri.joinPath(folder(), 'colleague-review.json');
    await vscode.workspace.fs.writeFile(review, new TextEncoder().encode(JSON.stringify({ ...colleague, categories, reviewer: 'Grace Hopper' })));
    await vscode.commands.executeCommand('rustReview.compareWithReview', review);
    const summary = await copied('rustReview.copyCalibrationSummary');
    const code = api.blind.code!;
    truthy(summary.startsWith(`# Calibration: ${code}\n`), summary.slice(0, 300));
    truthy(summary.includes('| Grace Hopper | Disagreement |'), summary);
    truthy(summary.includes(`**Grace Hopper:** ${code} elides nothing`), summary);
    truthy(!NAMED.test(summary), summary);
    // What the preview beside the editor shows is the same text.
    const shown = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'rust-review-calibration', path: '/Calibration.md' }));
    equal(shown.getText(), summary);
    // The reviewer's own review is not replaced.
    equal((await api.reviews()).current.categories, mine.categories);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Reveal ends blind review once every category is assessed, and the export records when', async () => {
    // Every category assessed (imported, which keeps the blind state), so Reveal does not ask.
    const exported = JSON.parse(await copied('rustReview.copyReviewJson')) as { categories: Record<string, { level?: string }> };
    for (const category of Object.values(exported.categories)) category.level = 'yes';
    const assessed = vscode.Uri.joinPath(folder(), 'colleague-review.json');
    await vscode.workspace.fs.writeFile(assessed, new TextEncoder().encode(JSON.stringify(exported)));
    await vscode.commands.executeCommand('rustReview.importReview', assessed);
    equal(api.blind.active, true, 'an import keeps the review blind');
    await vscode.commands.executeCommand('rustReview.revealCandidate');
    equal(api.blind.active, false);
    const view = await eventually(() => api.scorecard.view(), (v) => v.repository.name !== api.blind.code, 'the scorecard names the repository again');
    equal(view.repository.name, vscode.workspace.workspaceFolders?.[0]?.name);
    truthy((await hoverText(file('src/blind_probe.rs'), PROBE_NAME)).includes('`Jane` derives a typed error'), 'the hover names the type again');
    const json = JSON.parse(await copied('rustReview.copyReviewJson')) as { blind?: { startedAt: string; revealedAt?: string } };
    truthy(json.blind?.startedAt && json.blind.revealedAt && json.blind.revealedAt >= json.blind.startedAt, JSON.stringify(json.blind));
    // A revealed review stays revealed.
    await vscode.commands.executeCommand('rustReview.startBlindReview');
    equal(api.blind.active, false);
  });
});
