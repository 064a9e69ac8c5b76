// Team review as a reviewer drives it: a take-home whose folder and licence name the candidate is
// reviewed blind from the command palette; nothing in the scorecard panel or the copied review names
// them; then a colleague's exported review is chosen in the file dialog of Copy Calibration Summary,
// and the calibration summary reaches the browser's clipboard, masked too.
import { stepsBuildingOnEachOther, workbenchOnCopy } from './session.mjs';
import { assert, delay } from './workbench.mjs';
import { eventually } from '../support/eventually.mjs';

const NAMED = /\b(?:jane|doe)\b/i;
const COLLEAGUE = {
  schema: 1,
  repository: { name: 'jane-doe-takehome' },
  rubric: { id: 'rust-takehome-default', version: '1.0.0' },
  categories: { 'error-handling': { level: 'strong-yes', notes: 'Jane Doe handles errors with care.', questions: [] } },
  evidence: [],
  summary: '',
  updatedAt: '2026-12-06T20:00:00.000Z',
  reviewer: 'Grace Hopper',
};

describe('A blind review and a calibration summary', function () {
  const step = stepsBuildingOnEachOther();
  let workbench;
  let workspace;
  let code = '';

  before(async () => ({ workspace, workbench } = await workbenchOnCopy('jane-doe-takehome', {
    LICENSE: 'MIT License\n\nCopyright (c) 2026 Jane Doe <jane@doe.dev>\n',
    'colleague-review.json': JSON.stringify(COLLEAGUE),
  })));

  after(() => workbench?.page.close());

  step('Start Blind Review shows the candidate by code, and the panel names them nowhere', async () => {
    await workbench.open(workspace);
    await workbench.openScorecard();
    await workbench.waitForScan();
    // The code comes from the root commit once the history is read (before, from the folder), so
    // it is read after the history.
    await workbench.waitForHistory();
    await workbench.runCommand('Rust Review: Start Blind Review');
    const title = workbench.scorecard.locator('h1.repo-name');
    code = await eventually(() => title.innerText(), (text) => /^C-[0-9A-F]{4}$/.test(text), 'the panel names the repository by a candidate code');
    const panel = await workbench.scorecard.locator('body').innerText();
    assert(!NAMED.test(panel), `the panel names the candidate: ${panel.match(NAMED)?.[0]}`);
    const status = await workbench.page.locator('.statusbar-item', { hasText: `Blind: ${code}` }).count();
    assert(status === 1, `the status bar says the review is blind as ${code}`);
  });

  step('the copied review names the candidate nowhere, and says it was blind', async () => {
    const markdown = await workbench.copyMarkdown();
    assert(markdown.startsWith(`# Rust take-home review: ${code}\n`), markdown.slice(0, 200));
    assert(markdown.includes('- **Blind review:** blind from '), markdown.slice(0, 600));
    assert(!NAMED.test(markdown), `the review names the candidate: ${markdown.match(NAMED)?.[0]}`);
  });

  step("Copy Calibration Summary asks for the colleague's review and puts the summary on the clipboard", async () => {
    const { page } = workbench;
    await workbench.clearClipboard();
    // From the palette by hand: the command's file dialog takes over the palette's input at once.
    const title = 'Rust Review: Copy Calibration Summary';
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').waitFor({ state: 'visible' });
    await page.keyboard.type(title, { delay: 10 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    // VS Code's own file dialog in the browser: a path typed into a quick input.
    const input = page.locator('.quick-input-widget input.input[aria-label="Folder path"]');
    await input.waitFor({ state: 'visible' });
    // The dialog sets its input to the folder once the folder is listed: a path typed before that is lost.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'colleague-review.json' }).first().waitFor({ state: 'visible' });
    const path = `${workspace}/colleague-review.json`;
    await input.fill(path);
    await eventually(() => input.inputValue(), (value) => value === path, 'the file dialog keeps the path typed', 5_000);
    await delay(300);
    await page.keyboard.press('Enter');
    const summary = await eventually(() => workbench.readClipboard(), (text) => text.startsWith('# Calibration'), 'the calibration summary reaches the clipboard', 30_000);
    assert(summary.startsWith(`# Calibration: ${code}\n`), summary.slice(0, 200));
    assert(summary.includes('**Grace Hopper:**') && summary.includes(`${code} handles errors with care.`), summary);
    assert(!NAMED.test(summary), `the summary names the candidate: ${summary.match(NAMED)?.[0]}`);
  });
});
