// The reviewer's flow on the sample take-home: the first screen of `npm start`
// (scripts/first-screen.mjs: the scorecard in a wide side bar and the README, no Welcome page, Chat
// or banner); the hints in the editor; the scorecard from the activity bar; levels, notes and
// summary; evidence pinned with the editor's quick fix; the "How they worked" card and a commit
// pinned from it; Copy Markdown, read back from the
// browser's clipboard; the review still there after reloading the window. With
// RUST_REVIEW_SCREENSHOTS=1 it also writes the README's screenshots, media/screenshots/hints.png
// and scorecard.png (1280×800).
import { COMMITS } from './candidateHistory.mjs';
import { saveReadmeScreenshot, stepsBuildingOnEachOther, workbenchOnCopy, writeScreenshots } from './session.mjs';
import { assert, assertIncludes, delay, markdownSection } from './workbench.mjs';
import { eventually } from '../support/eventually.mjs';

const SECOND = 1000;
const NOTES = 'parse_key unwraps the first word of the line, so an empty line panics the server.';
const SUMMARY = 'Works on the happy path, but ordinary bad input panics the server; no error type.';
const CATEGORY_TITLES = [
  'Ownership & Borrowing',
  'Lifetimes',
  'Error Handling',
  'Concurrency (shared state vs message passing)',
  'Async',
  'Testing & Debuggability',
  'Design & Operations',
];
const UNASSESSED_LINE =
  '> **Incomplete review.** Not assessed yet: Lifetimes, Concurrency (shared state vs message passing), Async, Testing & Debuggability, Design & Operations.';

describe('The reviewer scores the sample take-home', function () {
  const step = stepsBuildingOnEachOther();
  let workbench;
  let workspace;
  let markdown = '';

  before(async () => ({ workspace, workbench } = await workbenchOnCopy('careless-takehome')));

  after(() => workbench?.page.close());

  step('the workbench opens the sample take-home in Restricted Mode', async () => {
    await workbench.open(workspace);
    await workbench.expectRestrictedMode();
  });

  step('the first screen shows the scorecard in a wide side bar and README.md, without Welcome, Chat or banner', async () => {
    const { page, scorecard } = workbench;
    await page.locator('.tabs-container .tab', { hasText: 'README.md' }).waitFor({ state: 'visible', timeout: 30 * SECOND });
    await scorecard.locator('section.card').first().waitFor({ state: 'visible', timeout: 30 * SECOND });
    // The scorecard's buttons fit on one line: "Copy Markdown" is one line high.
    const copy = await scorecard.getByRole('button', { name: 'Copy Markdown' }).boundingBox();
    const width = await workbench.sidebarWidth();
    assert(width >= 440 && copy && copy.height < 40, `the side bar is ${width}px wide, "Copy Markdown" ${copy?.width}×${copy?.height}px`);
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert(!tabs.some((tab) => /Welcome|Walkthrough/.test(tab)), `the editor tabs are ${JSON.stringify(tabs)}`);
    assert(!(await page.locator('.part.auxiliarybar').isVisible()), 'the secondary side bar (Chat) is shown');
    assert(!(await page.locator('.part.banner').isVisible()), 'a banner is shown');
    assert(!(await page.getByText('Deploy code-server').first().isVisible()), 'code-server advertises itself');
  });

  it('src/compaction.rs shows hints: inline text on the cursor line and an explanation on hover', async () => {
    const { page } = workbench;
    await workbench.quickOpen('compaction.rs');
    await workbench.goToLine(40, 20);
    // The inline text is drawn after the end of the line with the cursor, as CSS generated
    // content (a decoration's `after`), so it is read from the styles, not the text.
    const line40 = page.locator('.monaco-editor .view-line', { hasText: 'let mut tmp = File::create(&tmp_path).unwrap();' });
    await line40.waitFor({ state: 'visible' });
    await eventually(
      () =>
        line40.evaluate((line) =>
          [...line.querySelectorAll('span')].flatMap((span) => ['::before', '::after'].map((pseudo) => getComputedStyle(span, pseudo).content)).filter((c) => c && c !== 'none' && c !== 'normal'),
        ),
      (inline) => inline.some((text) => text.includes('Async:')),
      (inline) => `no inline hint text after line 40 (generated content: ${JSON.stringify(inline)})`,
      30 * SECOND,
      500,
    );
    const unwrap = page.locator('.monaco-editor .view-line', { hasText: 'let data = store.data.lock().unwrap().clone();' }).locator('span > span', { hasText: /^unwrap$/ });
    const box = await unwrap.first().boundingBox();
    assert(box, 'the unwrap on line 36 is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'Ask the candidate' });
    await hover.first().waitFor({ state: 'visible', timeout: 15 * SECOND });
    assertIncludes(await hover.first().innerText(), 'lock-unwrap', 'the hover');
    await delay(500); // the hover fades in
    await saveReadmeScreenshot(workbench, 'hints.png');
    await workbench.parkMouse();
    await page.keyboard.press('Escape');
  });

  step('the scorecard opens from the activity bar and lists the rubric categories', async () => {
    await workbench.openScorecard();
    const titles = await workbench.scorecard.locator('section.card .card-title-text').allInnerTexts();
    assert(JSON.stringify(titles) === JSON.stringify(CATEGORY_TITLES), `the categories are ${JSON.stringify(titles)}`);
    await workbench.waitForScan();
  });

  step('levels are chosen with clicks: Error Handling No, Ownership & Borrowing Yes, recommendation No', async () => {
    await workbench.chooseLevel('Error Handling: level', 'No');
    await workbench.chooseLevel('Ownership & Borrowing: level', 'Yes');
    await workbench.chooseLevel('Overall recommendation', 'No');
    // Exactly one level chosen per group, and the others left alone.
    for (const [group, level] of [['Error Handling: level', 'No'], ['Ownership & Borrowing: level', 'Yes'], ['Overall recommendation', 'No']]) {
      const checked = await workbench.levelGroup(group).getByRole('radio', { checked: true }).allInnerTexts();
      assert(checked.length === 1 && checked[0].trim() === level, `${group}: chosen ${JSON.stringify(checked)}`);
    }
    const lifetimes = await workbench.levelGroup('Lifetimes: level').getByRole('radio', { checked: true }).count();
    assert(lifetimes === 0, 'Lifetimes got a level');
    await workbench.scorecard.locator('.warning-line', { hasText: 'Not assessed yet: Lifetimes' }).waitFor({ state: 'visible' });
  });

  step('notes are typed into the Error Handling card and the summary', async () => {
    await workbench.expandCard('Error Handling');
    const notes = workbench.textbox('Notes', workbench.card('Error Handling'));
    await notes.click();
    await notes.pressSequentially(NOTES, { delay: 5 });
    const summary = workbench.textbox('Summary');
    await summary.click(); // leaving the notes posts them at once
    await summary.pressSequentially(SUMMARY, { delay: 5 });
    await delay(600); // the summary is posted after 300 ms without typing
    assert((await notes.inputValue()) === NOTES, 'the notes field lost text');
    assert((await summary.inputValue()) === SUMMARY, 'the summary field lost text');
  });

  step('evidence is pinned with the quick fix "Add as evidence to Error Handling: unwrap" at src/protocol.rs:65', async () => {
    await workbench.pinEvidence('protocol.rs', 65, 40, 'Add as evidence to Error Handling: unwrap');
    const pinned = workbench.card('Error Handling').locator('.pinned .evidence');
    await pinned.first().waitFor({ state: 'visible' });
    const location = (await pinned.first().locator('button.location').innerText()).replace(/\s+/g, '');
    assert(location === 'src/protocol.rs:65', `the pinned evidence is at ${JSON.stringify(location)}`);
    assertIncludes(await pinned.first().locator('.snippet').innerText(), 'line.split_whitespace().next().unwrap()', 'the pinned snippet');
  });

  it('"How they worked" shows the commits on a timeline, what the history says, and the proposed baseline', async () => {
    await workbench.waitForHistory();
    const card = workbench.historyCard;
    assertIncludes(await card.locator('.caveat').innerText(), 'Commit times and authors can be rewritten', 'the card');
    const marks = await card.locator('svg.timeline .commit-mark').count();
    assert(marks === COMMITS.length, `the timeline has ${marks} marks for ${COMMITS.length} commits`);
    const facts = await card.locator('.facts').innerText();
    assertIncludes(facts, '2026-11-20 09:00 +01:00', 'the facts (the first commit)');
    assertIncludes(facts, '2026-11-21 16:20 +01:00', 'the facts (the last commit)');
    assertIncludes(await card.locator('.baseline').innerText(), 'start', 'the baseline');
  });

  it('commit 2 is pinned from the list of commits', async () => {
    await workbench.pinCommit(2);
    const pinned = await workbench.historyCard.locator('.pinned-commits').innerText();
    assertIncludes(pinned, COMMITS[1].message, 'the pinned commits');
  });

  if (writeScreenshots) {
    it('screenshot of the scorecard with levels and pinned evidence', async () => {
      await workbench.parkMouse();
      // The Error Handling card from its title down to the pinned evidence.
      await workbench.scorecard.locator('body').evaluate(() => {
        const cards = [...document.querySelectorAll('section.card')];
        const target = cards.find((c) => c.querySelector('.card-title-text')?.textContent === 'Error Handling');
        target?.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -8);
      });
      await delay(500);
      await saveReadmeScreenshot(workbench, 'scorecard.png');
    });
  }

  step('Copy Markdown puts the review on the clipboard', async () => {
    markdown = await workbench.copyMarkdown();
  });

  it('the Markdown has "## Recommendation: No"', () => assert(/^## Recommendation: No$/m.test(markdown), 'no "## Recommendation: No" line'));

  it('the Markdown table has "| Error Handling | 2 | No |"', () => assert(markdown.split('\n').includes('| Error Handling | 2 | No |'), 'row missing'));

  it('the Markdown table has "| Ownership & Borrowing | 2 | Yes |"', () =>
    assert(markdown.split('\n').includes('| Ownership & Borrowing | 2 | Yes |'), 'row missing'));

  it('the Markdown has the notes under "## Error Handling: No"', () =>
    assertIncludes(markdownSection(markdown, 'Error Handling: No'), NOTES, 'the Error Handling section'));

  it('the Markdown has the summary', () => assert(markdown.split('\n').includes(SUMMARY), 'summary line missing'));

  it('the Markdown lists the pinned evidence at src/protocol.rs:65 with its code', () => {
    const section = markdownSection(markdown, 'Error Handling: No');
    const pinned = section.slice(section.indexOf('**Pinned evidence:**'));
    assert(section.includes('**Pinned evidence:**'), 'no "**Pinned evidence:**" in the Error Handling section');
    assert(/^- `src\/protocol\.rs:65` .*unwrap/m.test(pinned), 'no "- `src/protocol.rs:65` …" line under the pinned evidence');
    assertIncludes(pinned, 'line.split_whitespace().next().unwrap()', 'the pinned evidence');
  });

  it('the Markdown has "## How they worked" with the history, the baseline and the pinned commit', () => {
    const section = markdownSection(markdown, 'How they worked');
    assertIncludes(section, 'Commit times and authors can be rewritten', 'the How they worked section');
    assertIncludes(section, `- **Commits:** ${COMMITS.length}, by 2 authors`, 'the How they worked section');
    assertIncludes(section, '**Baseline:**', 'the How they worked section');
    assertIncludes(section, `“${COMMITS[1].message}”`, 'the pinned commits');
  });

  it('the Markdown warns that the review is incomplete, naming the unassessed categories', () =>
    assert(markdown.split('\n').includes(UNASSESSED_LINE), `no line ${JSON.stringify(UNASSESSED_LINE)}`));

  step('after reloading the window the levels, notes and summary are still there', async () => {
    await workbench.reload();
    await workbench.expectLevelChosen('Error Handling: level', 'No');
    await workbench.expectLevelChosen('Ownership & Borrowing: level', 'Yes');
    await workbench.expectLevelChosen('Overall recommendation', 'No');
    await workbench.expandCard('Error Handling');
    const notes = await workbench.textbox('Notes', workbench.card('Error Handling')).inputValue();
    assert(notes === NOTES, `the notes are ${JSON.stringify(notes)}`);
    const summary = await workbench.textbox('Summary').inputValue();
    assert(summary === SUMMARY, `the summary is ${JSON.stringify(summary)}`);
    const pinned = (await workbench.card('Error Handling').locator('.pinned .evidence button.location').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
    assert(JSON.stringify(pinned) === JSON.stringify(['src/protocol.rs:65']), `the pinned evidence is ${JSON.stringify(pinned)}`);
  });

  it('after reloading the window commit 2 is still pinned', async () =>
    assertIncludes(await workbench.historyCard.locator('.pinned-commits').innerText(), COMMITS[1].message, 'the pinned commits after the reload'));

  step('"Choose baseline…" in the card puts the `start` tag in force, and the card lists what the candidate changed since', async () => {
    await workbench.chooseBaseline('start');
    assertIncludes(await workbench.historyCard.locator('.baseline-line').innerText(), 'start', 'the baseline in force');
    assertIncludes(await workbench.historyCard.locator('details.changes summary').innerText(), 'What the candidate changed', 'the changes');
  });
});
