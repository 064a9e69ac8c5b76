// The page object of the end-to-end suites: VS Code's workbench in a browser page, and the
// scorecard webview inside it, driven as a person drives them (keys, clicks, the quick input).
// The suites say what the reviewer does and what they see; how the workbench is reached is here.
import { eventually } from '../support/eventually.mjs';

const SECOND = 1000;
/** Playwright's default for every action and wait (set on the browser context). */
export const ACTION_TIMEOUT_MS = 20 * SECOND;
export const VIEWPORT = { width: 1280, height: 800 };

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertIncludes(text, expected, what) {
  if (!text.includes(expected)) throw new Error(`${what} does not contain ${JSON.stringify(expected)}`);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Installed in every frame before its scripts run (`context.addInitScript`): records calls to the
 * dialog functions. (An event listener would not do for CSP violations: the webview writes its
 * document with document.open(), which erases the window's listeners; they are read with a
 * buffered ReportingObserver instead.)
 */
export function installTraps() {
  if (window.__e2eTraps) return;
  const traps = (window.__e2eTraps = { dialogs: [] });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = function (...args) {
      traps.dialogs.push(`${name}(${String(args[0])})`);
      console.log(`[e2e-trap] ${name}(${String(args[0])}) in ${location.href}`);
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  }
}

export class Workbench {
  /** The browser's own dialogs the page showed (each dismissed). */
  dialogs = [];

  /** `page` is a new page of the run's browser context; `port` is the VS Code server's. */
  constructor(page, port) {
    this.page = page;
    this.port = port;
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
  }

  /** Opens the workbench on `folder` and waits for the extension's entry in the activity bar. */
  async open(folder) {
    await this.page.goto(`http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`, { timeout: 60 * SECOND });
    await this.waitForActivityBar();
  }

  /** Reloads the window, as "Developer: Reload Window" does, and opens the scorecard again. */
  async reload() {
    await this.page.reload({ timeout: 60 * SECOND });
    await this.waitForActivityBar();
    await this.openScorecard();
  }

  async waitForActivityBar() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60 * SECOND });
    await this.page.locator('.activitybar a.action-label[aria-label*="Rust Review"]').waitFor({ timeout: 60 * SECOND });
  }

  async expectRestrictedMode() {
    await this.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30 * SECOND });
  }

  /** The scorecard webview's document: two nested iframes. */
  get scorecard() {
    return this.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  }

  /** The Frame objects of the scorecard webview, for evaluating in them. */
  async webviewFrames() {
    const outer = await (await this.page.locator('iframe.webview').elementHandle({ timeout: ACTION_TIMEOUT_MS })).contentFrame();
    const inner = await (await this.page.frameLocator('iframe.webview').locator('iframe#active-frame').elementHandle({ timeout: ACTION_TIMEOUT_MS })).contentFrame();
    assert(outer && inner, 'the scorecard webview has no frames');
    return { outer, inner };
  }

  /**
   * Clicks "Rust Review" in the activity bar unless its container is already open (a click on the
   * open one would close it), and waits for the categories. After a reload the workbench restores
   * the container on its own, possibly just after the check, so a miss is retried.
   */
  async openScorecard() {
    const item = this.page.locator('.activitybar li.action-item:has(> a.action-label[aria-label*="Rust Review"])');
    const cards = this.scorecard.locator('section.card');
    // While the workbench restores its layout the container may still open by itself: wait until
    // its state has held for a moment before deciding to click.
    let expanded = await item.getAttribute('aria-expanded');
    for (let stable = Date.now(), until = Date.now() + 10 * SECOND; Date.now() < until && Date.now() - stable < 1500; ) {
      await delay(250);
      const now = await item.getAttribute('aria-expanded');
      if (now !== expanded) [expanded, stable] = [now, Date.now()];
    }
    let lastError;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expanded = await item.getAttribute('aria-expanded');
      if (expanded !== 'true') await item.locator('a.action-label').click();
      try {
        await cards.first().waitFor({ timeout: 20 * SECOND });
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  /** Waits until the scorecard says the workspace's files were analysed. */
  async waitForScan() {
    await this.scorecard.locator('.scan-status', { hasText: /files analysed/ }).waitFor({ state: 'visible', timeout: 60 * SECOND });
  }

  card(title) {
    return this.scorecard.locator('section.card', { has: this.scorecard.locator('.card-title-text', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
  }

  levelGroup(groupName) {
    return this.scorecard.getByRole('radiogroup', { name: groupName, exact: true });
  }

  levelRadio(groupName, level) {
    return this.levelGroup(groupName).getByRole('radio', { name: level, exact: true });
  }

  textbox(name, within = this.scorecard) {
    return within.getByRole('textbox', { name });
  }

  /** The "How they worked" card. */
  get historyCard() {
    return this.scorecard.locator('section.history-card');
  }

  /** Waits until the history card has read the history and shows its timeline. */
  async waitForHistory() {
    await this.historyCard.locator('svg.timeline').waitFor({ state: 'visible', timeout: 60 * SECOND });
  }

  /** Opens the list of commits, if it is closed, and pins commit `number` with its button. */
  async pinCommit(number) {
    const list = this.historyCard.locator('details.commits');
    if ((await list.getAttribute('open')) === null) await list.locator('summary').click();
    const pin = this.historyCard.getByRole('button', { name: `Pin commit ${number} as evidence` });
    await pin.click();
    await waitForAttribute(pin, 'aria-pressed', 'true');
  }

  /** "Choose baseline…" in the history card, then the quick pick's first row that `text` leaves; waits until the card says a baseline is in force. */
  async chooseBaseline(text) {
    await this.historyCard.locator('button.choose-baseline').click();
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.pressSequentially(text, { delay: 15 });
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await this.historyCard.locator('.baseline-line', { hasText: 'In force:' }).waitFor({ state: 'visible', timeout: 60 * SECOND });
  }

  async expandCard(title) {
    const toggle = this.card(title).locator('.card-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.card(title).locator('.card-details').waitFor({ state: 'visible' });
  }

  async chooseLevel(groupName, level) {
    const radio = this.levelRadio(groupName, level);
    // A click on the chosen level clears it: click only when it is not chosen yet.
    if ((await radio.getAttribute('aria-checked')) !== 'true') await radio.click();
    await waitForAttribute(radio, 'aria-checked', 'true');
  }

  async expectLevelChosen(groupName, level) {
    await waitForAttribute(this.levelRadio(groupName, level), 'aria-checked', 'true');
  }

  /** The quick input (Ctrl+P, Ctrl+G, F1): opens it with `keys`, types, and picks with Enter. */
  async quickInput(keys, text, expectRow) {
    const input = this.page.locator('.quick-input-widget input.input');
    await this.page.keyboard.press(keys);
    await input.waitFor({ state: 'visible' });
    await input.pressSequentially(text, { delay: 15 });
    if (expectRow) await this.page.locator('.quick-input-list .monaco-list-row', { hasText: expectRow }).first().waitFor({ state: 'visible' });
    else await delay(300);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Ctrl+P: opens a file of the workspace by (part of) its name. */
  async quickOpen(fileName) {
    await this.quickInput('Control+P', fileName, fileName);
    await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  }

  /** Ctrl+G: puts the cursor at a 1-based line and column. */
  async goToLine(line, column) {
    await this.quickInput('Control+G', `${line}:${column}`);
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ state: 'visible' });
  }

  /**
   * Ctrl+. opens the quick fix menu at the cursor, then the action titled `title` is chosen. The
   * hints arrive a moment after the file opens, and the menu only lists the actions known when it
   * opens: an empty or different menu is closed and asked for again.
   */
  async applyQuickFix(title) {
    const option = this.page.locator('.action-widget .monaco-list-row[role="option"]', { hasText: title });
    const deadline = Date.now() + 45 * SECOND;
    while (true) {
      await this.page.keyboard.press('Control+.');
      try {
        await option.first().waitFor({ state: 'visible', timeout: 5 * SECOND });
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          const shown = await this.page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => []);
          throw new Error(`the quick fix menu never offered "${title}" (last shown: ${JSON.stringify(shown)})`, { cause: error });
        }
        await this.page.keyboard.press('Escape');
        await delay(1000);
      }
    }
    await option.first().click();
    await option.first().waitFor({ state: 'hidden' });
  }

  /** Pins the finding at `line`:`column` of `fileName` with the quick fix `title`. */
  async pinEvidence(fileName, line, column, title) {
    await this.quickOpen(fileName);
    await this.goToLine(line, column);
    await this.applyQuickFix(title);
  }

  async sidebarWidth() {
    return (await this.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
  }

  readClipboard() {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Puts a placeholder on the clipboard, so that what a copy leaves there is the copy's. */
  clearClipboard() {
    return this.page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
  }

  /** Clicks Copy Markdown in the panel and returns what reached the clipboard. */
  async copyMarkdown() {
    await this.clearClipboard();
    await this.scorecard.getByRole('button', { name: 'Copy Markdown' }).click();
    return this.copiedMarkdown();
  }

  /** Waits for the panel to say the Markdown was copied, and returns the clipboard's review. */
  async copiedMarkdown() {
    await this.scorecard.locator('.export-status', { hasText: 'Markdown copied' }).waitFor({ state: 'visible' });
    const text = await this.readClipboard();
    assert(text.startsWith('# Rust take-home review'), `the clipboard holds no review: ${JSON.stringify(text.slice(0, 200))}`);
    return text;
  }

  /** Moves the mouse out of the way, to the bottom of the window, so no hover covers what is shot. */
  async parkMouse() {
    await this.page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height - 5);
  }

  /** Runs a command from the command palette (F1) by its exact title. */
  async runCommand(title) {
    const input = this.page.locator('.quick-input-widget input.input');
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await this.page.keyboard.type(title, { delay: 10 });
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }
}

/** Waits until the element's attribute `name` reads `value`. */
export async function waitForAttribute(locator, name, value, timeout = ACTION_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  await eventually(
    () => locator.getAttribute(name, { timeout: Math.max(1, deadline - Date.now()) }),
    (seen) => seen === value,
    (seen) => `${name} stayed ${JSON.stringify(seen)}, expected ${JSON.stringify(value)}`,
    timeout,
  );
}

/** The Markdown section `## <heading>...` up to the next `## `. */
export function markdownSection(markdown, heading) {
  const start = markdown.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`the Markdown has no section "## ${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}
