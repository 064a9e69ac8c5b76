#!/usr/bin/env node
// End-to-end test of the packaged extension, driven as a reviewer would drive it: the .vsix that
// `npm run package` builds, installed into VS Code's own server (from the npm package code-server,
// see scripts/vscode-server-setup.mjs) with its --install-extension, opened in Debian's headless
// Chromium by playwright-core. A file missing from the package or a wrong entry point fails here.
//
//   npm run package && node test/e2e/scorecard.e2e.mjs [--vsix <file>]
//
// --vsix defaults to the package `npm run package` writes, <name>-<version>.vsix at the top level.
//
// Four flows, each on a temporary copy of test/fixtures/careless-takehome, opened in Restricted
// Mode (no --disable-workspace-trust) in the server's Node extension host:
//   1. the reviewer's flow: the first screen of `npm start` (scripts/first-screen.mjs: the scorecard
//      in a wide side bar and the README, no Welcome page, Chat or banner); the hints in the
//      editor; the scorecard from the activity bar; levels,
//      notes and summary; evidence pinned with the editor's quick fix; Copy Markdown, read back
//      from the browser's clipboard; the review still there after reloading the window;
//   2. a hostile workspace: file names and code carrying HTML and script, pinned as evidence;
//      nothing may be injected into or run in the webview;
//   3. faults: the extension host is killed while the reviewer types notes, and the window
//      reopened: everything saved before the kill is back; then the saved review is truncated on
//      disk, and the next start sets it aside with a message and starts a new review;
//   4. accessibility (test/e2e/accessibility.mjs): axe-core in four themes, the chosen level told
//      apart by more than colour, and a review scored and copied with the keyboard alone.
//
// Output: one line per check, then "N passed, M failed" alone on the last line; exit code 0 only
// when every check passed. A failed check saves a screenshot (and the server's and the page's
// recent output) under out/e2e/.
//
// Environment:
//   RUST_REVIEW_SCREENSHOTS=1     also write the README's screenshots, media/screenshots/hints.png
//                                 and media/screenshots/scorecard.png (1280×800)
//   RUST_REVIEW_E2E_TIMEOUT       seconds the whole run may take once the server is built (default 600)
//   RUST_REVIEW_VERBOSE=1         also print the server's output and the page's console
//
// The server's process group, the browser and the temporary folders are always removed: at the
// end, on a failure, on the overall timeout, and on SIGINT/SIGTERM (a watchdog process does it
// should this process be killed outright).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FIRST_SCREEN_SERVER_ARGS, writeFirstScreenSettings } from '../../scripts/first-screen.mjs';
import { ensureVscodeServer } from '../../scripts/vscode-server-setup.mjs';
import { accessibilityFlow } from './accessibility.mjs';
import { settleWithin, stopRun } from '../support/processes.mjs';
import { spawnVscodeServer } from '../support/vscodeServer.mjs';

const SECOND = 1000;
const root = fileURLToPath(new URL('../..', import.meta.url));
const verbose = process.env.RUST_REVIEW_VERBOSE === '1';
const writeScreenshots = process.env.RUST_REVIEW_SCREENSHOTS === '1';
const overallTimeoutMs = Number(process.env.RUST_REVIEW_E2E_TIMEOUT || 600) * SECOND;
const SERVER_START_TIMEOUT_MS = 120 * SECOND;
/** The longest any single check may take, whatever it waits for inside. */
const CHECK_TIMEOUT_MS = 120 * SECOND;
/** Playwright's default for every action and wait. */
const ACTION_TIMEOUT_MS = 20 * SECOND;
const CLEANUP_STEP_TIMEOUT_MS = 5 * SECOND;
const VIEWPORT = { width: 1280, height: 800 };

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsixArg = process.argv.indexOf('--vsix');
const vsix = path.resolve(vsixArg === -1 ? path.join(root, `${manifest.name}-${manifest.version}.vsix`) : process.argv[vsixArg + 1]);
const failureDir = path.join(root, 'out', 'e2e');
const screenshotDir = path.join(root, 'media', 'screenshots');
const fixture = path.join(root, 'test', 'fixtures', 'careless-takehome');

// What the flows type and expect.
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

// The hostile workspace: its folder, file names and code all carry markup.
const HOSTILE_FOLDER = 'hostile-<svg onload=alert(3)>';
const HOSTILE_IMG_FILE = '<img src=x onerror=alert(1)>.rs';
const HOSTILE_IMG_CODE = 'fn f() { let s = "</script><script>alert(1)</script>"; x.unwrap(); }\n';
const HOSTILE_QUOTE_FILE = `q"'><script>alert(2)<!--.rs`;
const HOSTILE_QUOTE_CODE = [
  `// "<b>bold</b>" & 'single' <img src=x onerror=alert(5)>`,
  'pub fn g(v: &str) -> u8 {',
  `    v.parse().expect("\\"><script>alert(4)</script>")`,
  '}',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------
// Reporting

const results = { passed: 0, failed: 0 };
let failureCount = 0;
let currentCheck;
/** Recent server and page output, saved next to the screenshot when a check fails. */
const serverLines = [];
const consoleLines = [];

function remember(list, text, max = 300) {
  list.push(...String(text).split('\n').filter(Boolean));
  list.splice(0, Math.max(0, list.length - max));
}

function print(line) {
  process.stdout.write(`${line}\n`);
}

function seconds(ms) {
  return `${(ms / SECOND).toFixed(1)} s`;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** Saves what helps to understand a failure: a screenshot and the recent output. */
async function saveFailureEvidence(name) {
  failureCount += 1;
  const saved = [];
  try {
    fs.mkdirSync(failureDir, { recursive: true });
    const base = path.join(failureDir, `${String(failureCount).padStart(2, '0')}-${slug(name)}`);
    if (state.page && !state.page.isClosed()) {
      await settleWithin(state.page.screenshot({ path: `${base}.png`, timeout: 10 * SECOND }), 12 * SECOND);
      if (fs.existsSync(`${base}.png`)) saved.push(`${base}.png`);
    }
    fs.writeFileSync(`${base}.server.log`, `${serverLines.join('\n')}\n`);
    fs.writeFileSync(`${base}.console.log`, `${consoleLines.join('\n')}\n`);
    saved.push(`${base}.server.log`, `${base}.console.log`);
  } catch (error) {
    print(`      (could not save the failure evidence: ${error.message})`);
  }
  for (const file of saved) print(`      saved ${path.relative(root, file)}`);
}

class FlowAborted extends Error {}

/**
 * Runs one check: prints it as it passes or fails. A failed `required` check ends its flow,
 * since the next steps build on it.
 */
async function check(name, fn, { required = true } = {}) {
  // Once the run is ending (timeout, signal), what is still in flight is neither run nor reported.
  if (finishing) throw new FlowAborted(name);
  currentCheck = name;
  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the check took longer than ${seconds(CHECK_TIMEOUT_MS)}`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    if (finishing) throw new FlowAborted(name);
    results.passed += 1;
    print(`  ✓ ${name} (${seconds(Date.now() - started)})`);
    return true;
  } catch (error) {
    if (finishing) throw new FlowAborted(name);
    results.failed += 1;
    print(`  ✗ ${name} (${seconds(Date.now() - started)})`);
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with the control character ESC
    const message = (error?.message ?? String(error)).replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => line.trim());
    for (const line of message.slice(0, 12)) print(`      ${line}`);
    await saveFailureEvidence(name);
    if (required) throw new FlowAborted(name);
    return false;
  } finally {
    clearTimeout(timer);
    currentCheck = undefined;
  }
}

async function flow(title, body) {
  if (finishing) return;
  print(`\n${title}`);
  try {
    await body();
  } catch (error) {
    if (finishing) return;
    if (error instanceof FlowAborted) {
      print(`  - the rest of this flow is skipped: it builds on "${error.message}"`);
      return;
    }
    results.failed += 1;
    print(`  ✗ ${title}: ${error?.stack ?? error}`);
    await saveFailureEvidence(title);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertIncludes(text, expected, what) {
  if (!text.includes(expected)) throw new Error(`${what} does not contain ${JSON.stringify(expected)}`);
}

// ---------------------------------------------------------------------------------------------
// Processes and cleanup

const state = { server: undefined, browser: undefined, session: undefined, page: undefined };

let cleanupPromise;
function cleanup() {
  const { server, browser, session } = state;
  cleanupPromise ??= stopRun({ server, browser, dir: session }, CLEANUP_STEP_TIMEOUT_MS);
  return cleanupPromise;
}

let finishing = false;
/** Ends the run once: cleans up, prints the tally as the last line, exits. */
async function finish(reason, exitCode) {
  if (finishing) return;
  finishing = true;
  if (reason) {
    results.failed += 1;
    print(`  ✗ ${reason}${currentCheck ? ` (during "${currentCheck}")` : ''}`);
    await settleWithin(saveFailureEvidence(currentCheck ?? 'run'), 20 * SECOND);
  }
  await cleanup();
  print(`\n${results.passed} passed, ${results.failed} failed`);
  process.exit(exitCode ?? (results.failed === 0 && results.passed > 0 ? 0 : 1));
}

/** The server's own folders for the run: its extensions and its user data, where the reviews are saved. */
function serverFolders(session) {
  return { extensions: path.join(session, 'extensions'), data: path.join(session, 'data') };
}

/** Installs the .vsix as a user would, with the server's --install-extension. */
function installVsix({ nodeBin, serverDir }, session) {
  const { extensions, data } = serverFolders(session);
  const install = spawnSync(
    nodeBin,
    [path.join(serverDir, 'out', 'server-main.js'), '--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', data, '--accept-server-license-terms'],
    { cwd: serverDir, encoding: 'utf8', timeout: 120 * SECOND },
  );
  const output = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim();
  if (install.status !== 0 || !/successfully installed/.test(output)) {
    throw new Error(`the server could not install ${path.relative(root, vsix)} (exit ${install.status ?? install.signal ?? install.error?.message}):\n${output}`);
  }
}

async function startServer(vscodeServer, session) {
  const { extensions, data } = serverFolders(session);
  const { server, listening } = spawnVscodeServer(vscodeServer, {
    runDir: session,
    args: [
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      // Kept for the whole run, so the review outlives a reload of the window.
      '--user-data-dir', data,
      '--extensions-dir', extensions,
      // No --disable-workspace-trust: the workspaces open in Restricted Mode.
      // The first screen of `npm start`: no Welcome page, no Chat, the scorecard and the README.
      ...FIRST_SCREEN_SERVER_ARGS,
    ],
    timeoutMs: SERVER_START_TIMEOUT_MS,
    onOutput: (text) => {
      remember(serverLines, text);
      if (verbose) process.stderr.write(text.replace(/^(?=.)/gm, '[server] '));
    },
  });
  state.server = server;
  return listening;
}

/** The extension hosts the server runs, one per window it served: processes of its group. */
function extensionHostPids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group, counted after the command's closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (group === state.server.pid && command.includes('--type=extensionHost')) pids.push(Number(entry));
    } catch {
      // the process ended while being read
    }
  }
  return pids;
}

/** The saved reviews under the server's user data whose summary starts with `marker`, and the folders they are in. */
function savedReviewsStartingWith(marker) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/^review-[^.]+\.json$/.test(entry.name)) {
        const text = fs.readFileSync(file, 'utf8');
        try {
          const { summary } = JSON.parse(text);
          if (summary?.startsWith(marker)) found.push({ file, text, summary });
        } catch {
          // not a complete review; the flow looks for complete ones
        }
      }
    }
  };
  walk(serverFolders(state.session).data);
  return found;
}

async function waitForSavedSummary(expected, timeout = 10 * SECOND) {
  const marker = expected.slice(0, 20);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const [saved] = savedReviewsStartingWith(marker);
    if (saved?.summary === expected) return saved;
    await delay(100);
  }
  throw new Error(`the review on disk never had the summary ${JSON.stringify(expected)}`);
}

async function reopenWindow(page) {
  await page.reload({ timeout: 60 * SECOND });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60 * SECOND });
  await page.locator('.activitybar a.action-label[aria-label*="Rust Review"]').waitFor({ timeout: 60 * SECOND });
  await openScorecard(page);
}

/** A temporary copy of the sample take-home, optionally with extra files. */
function makeWorkspace(parent, name, extraFiles = {}) {
  const dir = path.join(parent, name);
  fs.mkdirSync(parent, { recursive: true });
  fs.cpSync(fixture, dir, { recursive: true });
  for (const [file, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The workbench, as a person uses it

/**
 * Installed in every frame before its scripts run: records calls to the dialog functions. (An event
 * listener would not do for CSP violations: the webview writes its document with document.open(),
 * which erases the window's listeners; they are read with a buffered ReportingObserver instead.)
 */
function installTraps() {
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

async function newPage(context, dialogs) {
  const page = await context.newPage();
  state.page = page;
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    remember(consoleLines, `[${message.type()}] ${message.text()}`);
    if (verbose) process.stderr.write(`[page] ${message.text()}\n`);
  });
  page.on('pageerror', (error) => remember(consoleLines, `[pageerror] ${error.message}`));
  return page;
}

async function openWorkbench(page, port, folder) {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, { timeout: 60 * SECOND });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60 * SECOND });
  await page.locator('.activitybar a.action-label[aria-label*="Rust Review"]').waitFor({ timeout: 60 * SECOND });
}

async function expectRestrictedMode(page) {
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30 * SECOND });
}

/** The scorecard webview's document: two nested iframes. */
function scorecard(page) {
  return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/** The Frame objects of the scorecard webview, for evaluating in them. */
async function webviewFrames(page) {
  const outer = await (await page.locator('iframe.webview').elementHandle({ timeout: ACTION_TIMEOUT_MS })).contentFrame();
  const inner = await (await page.frameLocator('iframe.webview').locator('iframe#active-frame').elementHandle({ timeout: ACTION_TIMEOUT_MS })).contentFrame();
  assert(outer && inner, 'the scorecard webview has no frames');
  return { outer, inner };
}

/**
 * Clicks "Rust Review" in the activity bar unless its container is already open (a click on the
 * open one would close it), and waits for the categories. After a reload the workbench restores
 * the container on its own, possibly just after the check, so a miss is retried.
 */
async function openScorecard(page) {
  const item = page.locator('.activitybar li.action-item:has(> a.action-label[aria-label*="Rust Review"])');
  const cards = scorecard(page).locator('section.card');
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
    if (verbose) print(`    (openScorecard attempt ${attempt + 1}: the container was ${expanded === 'true' ? 'open' : 'closed'})`);
    try {
      await cards.first().waitFor({ timeout: 20 * SECOND });
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function card(page, title) {
  const frame = scorecard(page);
  return frame.locator('section.card', { has: frame.locator('.card-title-text', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
}

function levelRadio(page, groupName, level) {
  return scorecard(page).getByRole('radiogroup', { name: groupName, exact: true }).getByRole('radio', { name: level, exact: true });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function expandCard(page, title) {
  const toggle = card(page, title).locator('.card-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await card(page, title).locator('.card-details').waitFor({ state: 'visible' });
}

async function chooseLevel(page, groupName, level) {
  const radio = levelRadio(page, groupName, level);
  // A click on the chosen level clears it: click only when it is not chosen yet.
  if ((await radio.getAttribute('aria-checked')) !== 'true') await radio.click();
  await waitForAttribute(radio, 'aria-checked', 'true');
}

async function waitForAttribute(locator, name, value, timeout = ACTION_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    seen = await locator.getAttribute(name, { timeout: Math.max(1, deadline - Date.now()) });
    if (seen === value) return;
    await delay(100);
  }
  throw new Error(`${name} stayed ${JSON.stringify(seen)}, expected ${JSON.stringify(value)}`);
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The quick input (Ctrl+P, Ctrl+G, F1): opens it with `keys`, types, and picks with Enter. */
async function quickInput(page, keys, text, expectRow) {
  const input = page.locator('.quick-input-widget input.input');
  await page.keyboard.press(keys);
  await input.waitFor({ state: 'visible' });
  await input.pressSequentially(text, { delay: 15 });
  if (expectRow) await page.locator('.quick-input-list .monaco-list-row', { hasText: expectRow }).first().waitFor({ state: 'visible' });
  else await delay(300);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Ctrl+P: opens a file of the workspace by (part of) its name. */
async function quickOpen(page, fileName) {
  await quickInput(page, 'Control+P', fileName, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
}

/** Ctrl+G: puts the cursor at a 1-based line and column. */
async function goToLine(page, line, column) {
  await quickInput(page, 'Control+G', `${line}:${column}`);
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ state: 'visible' });
}

/**
 * Ctrl+. opens the quick fix menu at the cursor, then the action titled `title` is chosen. The
 * hints arrive a moment after the file opens, and the menu only lists the actions known when it
 * opens: an empty or different menu is closed and asked for again.
 */
async function applyQuickFix(page, title) {
  const option = page.locator('.action-widget .monaco-list-row[role="option"]', { hasText: title });
  const deadline = Date.now() + 45 * SECOND;
  while (true) {
    await page.keyboard.press('Control+.');
    try {
      await option.first().waitFor({ state: 'visible', timeout: 5 * SECOND });
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        const shown = await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => []);
        throw new Error(`the quick fix menu never offered "${title}" (last shown: ${JSON.stringify(shown)})`, { cause: error });
      }
      await page.keyboard.press('Escape');
      await delay(1000);
    }
  }
  await option.first().click();
  await option.first().waitFor({ state: 'hidden' });
}

async function sidebarWidth(page) {
  return (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
}

function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Clicks Copy Markdown in the panel and returns what reached the clipboard. */
async function copyMarkdown(page) {
  await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
  await scorecard(page).getByRole('button', { name: 'Copy Markdown' }).click();
  await scorecard(page).locator('.export-status', { hasText: 'Markdown copied' }).waitFor({ state: 'visible' });
  const text = await readClipboard(page);
  assert(text.startsWith('# Rust take-home review'), `the clipboard holds no review: ${JSON.stringify(text.slice(0, 200))}`);
  return text;
}

/** The Markdown section `## <title>...` up to the next `## `. */
function markdownSection(markdown, heading) {
  const start = markdown.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`the Markdown has no section "## ${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

async function saveReadmeScreenshot(page, name) {
  if (!writeScreenshots) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, name) });
  print(`    wrote ${path.relative(root, path.join(screenshotDir, name))}`);
}

// ---------------------------------------------------------------------------------------------
// The flows

async function reviewerFlow(context, port, workspace) {
  const page = await newPage(context, []);

  await check('the workbench opens the sample take-home in Restricted Mode', async () => {
    await openWorkbench(page, port, workspace);
    await expectRestrictedMode(page);
  });

  await check('the first screen shows the scorecard in a wide side bar and README.md, without Welcome, Chat or banner', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'README.md' }).waitFor({ state: 'visible', timeout: 30 * SECOND });
    await scorecard(page).locator('section.card').first().waitFor({ state: 'visible', timeout: 30 * SECOND });
    // The scorecard's buttons fit on one line: "Copy Markdown" is one line high.
    const copy = await scorecard(page).getByRole('button', { name: 'Copy Markdown' }).boundingBox();
    const width = await sidebarWidth(page);
    assert(width >= 440 && copy && copy.height < 40, `the side bar is ${width}px wide, "Copy Markdown" ${copy?.width}×${copy?.height}px`);
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert(!tabs.some((tab) => /Welcome|Walkthrough/.test(tab)), `the editor tabs are ${JSON.stringify(tabs)}`);
    assert(!(await page.locator('.part.auxiliarybar').isVisible()), 'the secondary side bar (Chat) is shown');
    assert(!(await page.locator('.part.banner').isVisible()), 'a banner is shown');
    assert(!(await page.getByText('Deploy code-server').first().isVisible()), 'code-server advertises itself');
  });

  await check('src/compaction.rs shows hints: inline text on the cursor line and an explanation on hover', async () => {
    await quickOpen(page, 'compaction.rs');
    await goToLine(page, 40, 20);
    // The inline text is drawn after the end of the line with the cursor, as CSS generated
    // content (a decoration's `after`), so it is read from the styles, not the text.
    const line40 = page.locator('.monaco-editor .view-line', { hasText: 'let mut tmp = File::create(&tmp_path).unwrap();' });
    await line40.waitFor({ state: 'visible' });
    const deadline = Date.now() + 30 * SECOND;
    let inline = [];
    while (Date.now() < deadline) {
      inline = await line40.evaluate((line) =>
        [...line.querySelectorAll('span')].flatMap((span) => ['::before', '::after'].map((pseudo) => getComputedStyle(span, pseudo).content)).filter((c) => c && c !== 'none' && c !== 'normal'),
      );
      if (inline.some((text) => text.includes('Async:'))) break;
      await delay(500);
    }
    assert(inline.some((text) => text.includes('Async:')), `no inline hint text after line 40 (generated content: ${JSON.stringify(inline)})`);
    const unwrap = page.locator('.monaco-editor .view-line', { hasText: 'let data = store.data.lock().unwrap().clone();' }).locator('span > span', { hasText: /^unwrap$/ });
    const box = await unwrap.first().boundingBox();
    assert(box, 'the unwrap on line 36 is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'Ask the candidate' });
    await hover.first().waitFor({ state: 'visible', timeout: 15 * SECOND });
    assertIncludes(await hover.first().innerText(), 'lock-unwrap', 'the hover');
    await delay(500); // the hover fades in
    await saveReadmeScreenshot(page, 'hints.png');
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height - 5);
    await page.keyboard.press('Escape');
  }, { required: false });

  await check('the scorecard opens from the activity bar and lists the rubric categories', async () => {
    await openScorecard(page);
    const titles = await scorecard(page).locator('section.card .card-title-text').allInnerTexts();
    assert(JSON.stringify(titles) === JSON.stringify(CATEGORY_TITLES), `the categories are ${JSON.stringify(titles)}`);
    await scorecard(page).locator('.scan-status', { hasText: /files analysed/ }).waitFor({ state: 'visible', timeout: 60 * SECOND });
  });

  await check('levels are chosen with clicks: Error Handling No, Ownership & Borrowing Yes, recommendation No', async () => {
    await chooseLevel(page, 'Error Handling: level', 'No');
    await chooseLevel(page, 'Ownership & Borrowing: level', 'Yes');
    await chooseLevel(page, 'Overall recommendation', 'No');
    // Exactly one level chosen per group, and the others left alone.
    for (const [group, level] of [['Error Handling: level', 'No'], ['Ownership & Borrowing: level', 'Yes'], ['Overall recommendation', 'No']]) {
      const checked = await scorecard(page).getByRole('radiogroup', { name: group, exact: true }).getByRole('radio', { checked: true }).allInnerTexts();
      assert(checked.length === 1 && checked[0].trim() === level, `${group}: chosen ${JSON.stringify(checked)}`);
    }
    const lifetimes = await scorecard(page).getByRole('radiogroup', { name: 'Lifetimes: level', exact: true }).getByRole('radio', { checked: true }).count();
    assert(lifetimes === 0, 'Lifetimes got a level');
    await scorecard(page).locator('.warning-line', { hasText: 'Not assessed yet: Lifetimes' }).waitFor({ state: 'visible' });
  });

  await check('notes are typed into the Error Handling card and the summary', async () => {
    await expandCard(page, 'Error Handling');
    const notes = card(page, 'Error Handling').getByRole('textbox', { name: 'Notes' });
    await notes.click();
    await notes.pressSequentially(NOTES, { delay: 5 });
    const summary = scorecard(page).getByRole('textbox', { name: 'Summary' });
    await summary.click(); // leaving the notes posts them at once
    await summary.pressSequentially(SUMMARY, { delay: 5 });
    await delay(600); // the summary is posted after 300 ms without typing
    assert((await notes.inputValue()) === NOTES, 'the notes field lost text');
    assert((await summary.inputValue()) === SUMMARY, 'the summary field lost text');
  });

  await check('evidence is pinned with the quick fix "Add as evidence to Error Handling: unwrap" at src/protocol.rs:65', async () => {
    await quickOpen(page, 'protocol.rs');
    await goToLine(page, 65, 40);
    await applyQuickFix(page, 'Add as evidence to Error Handling: unwrap');
    const pinned = card(page, 'Error Handling').locator('.pinned .evidence');
    await pinned.first().waitFor({ state: 'visible' });
    const location = (await pinned.first().locator('button.location').innerText()).replace(/\s+/g, '');
    assert(location === 'src/protocol.rs:65', `the pinned evidence is at ${JSON.stringify(location)}`);
    assertIncludes(await pinned.first().locator('.snippet').innerText(), 'line.split_whitespace().next().unwrap()', 'the pinned snippet');
  });

  if (writeScreenshots) {
    await check('screenshot of the scorecard with levels and pinned evidence', async () => {
      await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height - 5);
      // The Error Handling card from its title down to the pinned evidence.
      await scorecard(page).locator('body').evaluate(() => {
        const cards = [...document.querySelectorAll('section.card')];
        const target = cards.find((c) => c.querySelector('.card-title-text')?.textContent === 'Error Handling');
        target?.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -8);
      });
      await delay(500);
      await saveReadmeScreenshot(page, 'scorecard.png');
    }, { required: false });
  }

  let markdown = '';
  await check('Copy Markdown puts the review on the clipboard', async () => {
    markdown = await copyMarkdown(page);
  });

  const markdownChecks = [
    ['the Markdown has "## Recommendation: No"', () => assert(/^## Recommendation: No$/m.test(markdown), 'no "## Recommendation: No" line')],
    ['the Markdown table has "| Error Handling | 2 | No |"', () => assert(markdown.split('\n').includes('| Error Handling | 2 | No |'), 'row missing')],
    ['the Markdown table has "| Ownership & Borrowing | 2 | Yes |"', () => assert(markdown.split('\n').includes('| Ownership & Borrowing | 2 | Yes |'), 'row missing')],
    ['the Markdown has the notes under "## Error Handling: No"', () => assertIncludes(markdownSection(markdown, 'Error Handling: No'), NOTES, 'the Error Handling section')],
    ['the Markdown has the summary', () => assert(markdown.split('\n').includes(SUMMARY), 'summary line missing')],
    [
      'the Markdown lists the pinned evidence at src/protocol.rs:65 with its code',
      () => {
        const section = markdownSection(markdown, 'Error Handling: No');
        const pinned = section.slice(section.indexOf('**Pinned evidence:**'));
        assert(section.includes('**Pinned evidence:**'), 'no "**Pinned evidence:**" in the Error Handling section');
        assert(/^- `src\/protocol\.rs:65` .*unwrap/m.test(pinned), 'no "- `src/protocol.rs:65` …" line under the pinned evidence');
        assertIncludes(pinned, 'line.split_whitespace().next().unwrap()', 'the pinned evidence');
      },
    ],
    ['the Markdown warns that the review is incomplete, naming the unassessed categories', () => assert(markdown.split('\n').includes(UNASSESSED_LINE), `no line ${JSON.stringify(UNASSESSED_LINE)}`)],
  ];
  for (const [name, fn] of markdownChecks) await check(name, fn, { required: false });

  await check('after reloading the window the levels, notes and summary are still there', async () => {
    await page.reload({ timeout: 60 * SECOND });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60 * SECOND });
    await page.locator('.activitybar a.action-label[aria-label*="Rust Review"]').waitFor({ timeout: 60 * SECOND });
    await openScorecard(page);
    await waitForAttribute(levelRadio(page, 'Error Handling: level', 'No'), 'aria-checked', 'true');
    await waitForAttribute(levelRadio(page, 'Ownership & Borrowing: level', 'Yes'), 'aria-checked', 'true');
    await waitForAttribute(levelRadio(page, 'Overall recommendation', 'No'), 'aria-checked', 'true');
    await expandCard(page, 'Error Handling');
    const notes = await card(page, 'Error Handling').getByRole('textbox', { name: 'Notes' }).inputValue();
    assert(notes === NOTES, `the notes are ${JSON.stringify(notes)}`);
    const summary = await scorecard(page).getByRole('textbox', { name: 'Summary' }).inputValue();
    assert(summary === SUMMARY, `the summary is ${JSON.stringify(summary)}`);
    const pinned = (await card(page, 'Error Handling').locator('.pinned .evidence button.location').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
    assert(JSON.stringify(pinned) === JSON.stringify(['src/protocol.rs:65']), `the pinned evidence is ${JSON.stringify(pinned)}`);
  });

  await page.close();
}

async function hostileFlow(context, port, workspace) {
  const dialogs = [];
  const page = await newPage(context, dialogs);
  const imgLabel = `src/${HOSTILE_IMG_FILE}:1`;
  const quoteLabel = `src/${HOSTILE_QUOTE_FILE}:3`;

  await check('the hostile workspace opens in Restricted Mode and its scorecard renders', async () => {
    await openWorkbench(page, port, workspace);
    await expectRestrictedMode(page);
    await openScorecard(page);
    await scorecard(page).locator('.scan-status', { hasText: /files analysed/ }).waitFor({ state: 'visible', timeout: 60 * SECOND });
  });

  await check('the dialog trap is installed in both webview frames (a probe is caught)', async () => {
    const { outer, inner } = await webviewFrames(page);
    for (const frame of [outer, inner]) {
      const caught = await frame.evaluate(() => {
        if (!window.__e2eTraps) return undefined;
        window.alert('e2e-probe');
        return window.__e2eTraps.dialogs.splice(0).join(', ');
      });
      assert(caught === 'alert(e2e-probe)', `the trap in ${frame.url().split('?')[0]} caught ${JSON.stringify(caught)}`);
    }
    assert(dialogs.length === 0, `the probe reached the browser: ${dialogs.join('; ')}`);
  });

  await check(`evidence is pinned from ${imgLabel} and ${quoteLabel}`, async () => {
    await quickOpen(page, HOSTILE_IMG_FILE);
    await goToLine(page, 1, HOSTILE_IMG_CODE.indexOf('unwrap') + 3);
    await applyQuickFix(page, 'Add as evidence to Error Handling: unwrap');
    await quickOpen(page, HOSTILE_QUOTE_FILE);
    await goToLine(page, 3, HOSTILE_QUOTE_CODE.split('\n')[2].indexOf('expect') + 3);
    await applyQuickFix(page, 'Add as evidence to Error Handling: expect');
    await expandCard(page, 'Error Handling');
    await card(page, 'Error Handling').locator('.pinned .evidence').nth(1).waitFor({ state: 'visible' });
  });

  await check('the hostile file names and code appear as text in the pinned evidence', async () => {
    const evidence = card(page, 'Error Handling').locator('.pinned .evidence');
    const locations = (await evidence.locator('button.location').allTextContents()).sort();
    assert(JSON.stringify(locations) === JSON.stringify([imgLabel, quoteLabel].sort()), `the locations read ${JSON.stringify(locations)}`);
    const snippets = (await evidence.locator('.snippet').allTextContents()).join('\n');
    assertIncludes(snippets, '"</script><script>alert(1)</script>"', 'the snippets');
    assertIncludes(snippets, '<script>alert(4)</script>', 'the snippets');
    const titles = await evidence.locator('button.location').evaluateAll((buttons) => buttons.map((b) => b.title));
    assert(titles.includes(`Open ${imgLabel}`), `the location titles are ${JSON.stringify(titles)}`);
    const repo = await scorecard(page).locator('.repo-name').textContent();
    assert(repo === HOSTILE_FOLDER, `the repository name reads ${JSON.stringify(repo)}`);
 }, { required: false });

  await check('no markup was injected into the webview: no <img>, no on* attributes, no extra <script>', async () => {
    const { outer, inner } = await webviewFrames(page);
    const inspect = (frame) =>
      frame.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return {
          images: all.filter((e) => ['IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName.toUpperCase()) && e.id !== 'active-frame' && e.id !== 'pending-frame').map((e) => e.outerHTML.slice(0, 120)),
          handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${e.tagName.toLowerCase()} ${a.name}="${a.value}">`)),
          scripts: [...document.scripts].map((s) => ({ id: s.id, src: s.src, text: s.src ? '' : s.textContent })),
          text: document.body?.textContent ?? '',
        };
      });
    const innerDom = await inspect(inner);
    const outerDom = await inspect(outer);
    for (const [where, dom] of [['the scorecard', innerDom], ['the webview host', outerDom]]) {
      assert(dom.images.length === 0, `${where} has elements it should not: ${dom.images.join(' ')}`);
      assert(dom.handlers.length === 0, `${where} has event handler attributes: ${dom.handlers.join(' ')}`);
      const alerting = dom.scripts.filter((s) => /alert\(/.test(s.text) || /alert/.test(s.src));
      assert(alerting.length === 0, `${where} has a script with the workspace's code: ${JSON.stringify(alerting)}`);
    }
    // The scorecard's document: VS Code's API script and the extension's bundle, nothing else.
    const unexpected = innerDom.scripts.filter((s) => !(s.id === '_vscodeApiScript' && !s.src) && !s.src.endsWith('/dist/webview/webview.js'));
    assert(innerDom.scripts.length === 2 && unexpected.length === 0, `the scorecard's scripts: ${JSON.stringify(innerDom.scripts.map((s) => s.id || s.src))}`);
    assertIncludes(innerDom.text, HOSTILE_IMG_FILE, 'the scorecard text');
  }, { required: false });

  await check('the Markdown export code-quotes the hostile file name', async () => {
    const markdown = await copyMarkdown(page);
    assertIncludes(markdown, `\`${imgLabel}\``, 'the Markdown');
    assert(dialogs.length === 0, `the browser showed dialogs: ${dialogs.join('; ')}`);
  }, { required: false });

  await check('nothing ran: no dialog, no trapped alert, no blocked inline script', async () => {
    await delay(1000); // anything injected would have had its chance by now
    const { outer, inner } = await webviewFrames(page);
    const traps = [];
    for (const frame of [page.mainFrame(), outer, inner]) {
      const caught = await frame.evaluate(() => window.__e2eTraps?.dialogs ?? ['(no trap)']);
      traps.push(...caught.map((d) => `${d} in ${frame.url().split('?')[0]}`));
    }
    // An injected inline script or event handler would have been blocked by the webview's
    // Content Security Policy: the frames' reports, buffered since they loaded, must be empty.
    for (const frame of [outer, inner]) {
      const reports = await frame.evaluate(
        () =>
          new Promise((resolve) => {
            const seen = [];
            const observer = new ReportingObserver((reports) => seen.push(...reports), { types: ['csp-violation'], buffered: true });
            observer.observe();
            setTimeout(() => {
              seen.push(...observer.takeRecords());
              observer.disconnect();
              resolve(seen.map((r) => `${r.body.effectiveDirective} blocked ${r.body.blockedURL} (${r.body.sample ?? ''})`));
            }, 300);
          }),
      );
      traps.push(...reports.map((r) => `CSP violation: ${r}`));
    }
    assert(dialogs.length === 0, `the browser showed dialogs: ${dialogs.join('; ')}`);
    assert(traps.length === 0, `caught: ${traps.join('; ')}`);
 }, { required: false });

  await page.close();
}

async function faultFlow(context, port, workspace) {
  const page = await newPage(context, []);
  const summary = () => scorecard(page).getByRole('textbox', { name: 'Summary' });
  const SAVED = 'Crash check: this sentence was saved before the extension host died.';
  const IN_FLIGHT = ' These words are typed while it is killed.';

  await check('a summary typed into the scorecard is saved to disk', async () => {
    await openWorkbench(page, port, workspace);
    await openScorecard(page);
    await summary().click();
    await summary().pressSequentially(SAVED, { delay: 5 });
    await waitForSavedSummary(SAVED);
  });

  let killed = [];
  await check('the extension host is killed (SIGKILL) in the middle of typing', async () => {
    const typing = summary().pressSequentially(IN_FLIGHT, { delay: 25 });
    await delay(300);
    killed = extensionHostPids();
    assert(killed.length > 0, 'the server runs no extension host');
    for (const pid of killed) process.kill(pid, 'SIGKILL');
    await typing;
  });

  await check('after reopening the window, everything saved before the kill is in the scorecard', async () => {
    // What was on disk when the host died is the last autosave; the in-flight words may or may not have made it.
    const [onDisk] = savedReviewsStartingWith(SAVED.slice(0, 20));
    assert(onDisk?.summary.startsWith(SAVED), `the review on disk after the kill: ${JSON.stringify(onDisk?.summary)}`);
    await reopenWindow(page);
    const deadline = Date.now() + 20 * SECOND;
    let shown = '';
    while (Date.now() < deadline && shown !== onDisk.summary) {
      shown = await summary().inputValue();
      await delay(200);
    }
    const nowOnDisk = () => {
      try {
        return JSON.stringify(JSON.parse(fs.readFileSync(onDisk.file, 'utf8')).summary);
      } catch (error) {
        return `unreadable (${error.message})`;
      }
    };
    assert(
      shown === onDisk.summary,
      `the summary reads ${JSON.stringify(shown)}, the last autosave ${JSON.stringify(onDisk.summary)}; the file's summary is now ${nowOnDisk()}; the review's folder holds ${fs.readdirSync(path.dirname(onDisk.file)).join(', ')}`,
    );
    assert(!extensionHostPids().some((pid) => killed.includes(pid)), 'a killed extension host is still running');
  });

  await check('a truncated save file is set aside with a message, and a new review starts', async () => {
    const [current] = savedReviewsStartingWith(SAVED.slice(0, 20));
    assert(current, 'the review is not on disk');
    // The window is closed, and its extension host ended, before the file is damaged: a host
    // still running could read it first and show its message in the closed window. With no
    // window left, nothing restarts a killed host.
    await page.goto('about:blank');
    for (const pid of extensionHostPids()) process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 10 * SECOND;
    while (extensionHostPids().length > 0 && Date.now() < deadline) await delay(200);
    assert(extensionHostPids().length === 0, 'an extension host outlived SIGKILL');
    const truncated = current.text.slice(0, Math.floor(current.text.length / 2));
    fs.writeFileSync(current.file, truncated);
    await openWorkbench(page, port, workspace);
    await openScorecard(page);
    const notice = page.locator('.notification-toast', { hasText: 'The saved review could not be read' });
    await notice.first().waitFor({ state: 'visible', timeout: 30 * SECOND });
    assertIncludes(await notice.first().innerText(), 'Open Kept Copy', 'the notification');
    const folder = path.dirname(current.file);
    const asideName = fs.readdirSync(folder).find((name) => name.startsWith(path.basename(current.file, '.json')) && name.includes('.corrupt-'));
    assert(asideName, `no set-aside copy in ${fs.readdirSync(folder).join(', ')}`);
    assert(fs.readFileSync(path.join(folder, asideName), 'utf8') === truncated, 'the set-aside copy is not the damaged file');
    assert((await summary().inputValue()) === '', 'the new review is not empty');
  });

  await page.close();
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const vscodeServer = await ensureVscodeServer();
  if (!fs.existsSync(vsix)) throw new Error(`${path.relative(root, vsix)} does not exist: run \`npm run package\` first`);
  const timer = setTimeout(() => void finish(`timed out after ${seconds(overallTimeoutMs)} (RUST_REVIEW_E2E_TIMEOUT)`), overallTimeoutMs);
  timer.unref();

  // Failure evidence is about this run only.
  fs.rmSync(failureDir, { recursive: true, force: true });
  state.session = fs.mkdtempSync(path.join(os.tmpdir(), 'rust-review-e2e-'));
  const workspace = makeWorkspace(path.join(state.session, 'workspaces'), 'careless-takehome');
  const hostile = makeWorkspace(path.join(state.session, 'hostile'), HOSTILE_FOLDER, {
    [path.join('src', HOSTILE_IMG_FILE)]: HOSTILE_IMG_CODE,
    [path.join('src', HOSTILE_QUOTE_FILE)]: HOSTILE_QUOTE_CODE,
  });

  const crashing = makeWorkspace(path.join(state.session, 'crash'), 'careless-takehome');
  const accessible = makeWorkspace(path.join(state.session, 'accessibility'), 'careless-takehome');

  print(`Scorecard end-to-end: ${path.relative(root, vsix)} in VS Code ${vscodeServer.version} server (code-server), Node extension host, Restricted Mode`);
  writeFirstScreenSettings(serverFolders(state.session).data);
  installVsix(vscodeServer, state.session);
  const port = await startServer(vscodeServer, state.session);
  state.browser = await chromium.launch({
    executablePath: vscodeServer.chromium,
    // Without the networking flags Chromium keeps trying to reach Google's hosts.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    // This script ends the browser itself, after the server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60 * SECOND,
  });
  const context = await state.browser.newContext({ viewport: VIEWPORT, permissions: ['clipboard-read', 'clipboard-write'] });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(60 * SECOND);
  // Every frame, the webview's included, gets the traps before its own scripts run.
  await context.addInitScript(installTraps);

  await flow('The reviewer scores the sample take-home', () => reviewerFlow(context, port, workspace));
  await flow('A hostile workspace cannot inject markup or script into the scorecard', () => hostileFlow(context, port, hostile));
  await flow('The review survives a killed extension host and a truncated save file', () => faultFlow(context, port, crashing));
  // Last: it switches the user's colour theme, though it ends on code-server's default.
  const helpers = { check, newPage, openWorkbench, openScorecard, scorecard, webviewFrames, readClipboard, quickOpen, goToLine, applyQuickFix, assert, delay, print, root, screenshotDir: failureDir };
  await flow('The scorecard is accessible: axe-core in four themes, and the keyboard alone', () => accessibilityFlow(helpers, context, port, accessible));
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => void finish(`${signal} received`, code));
}
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => void cleanup().then(() => process.exit(1)));
process.on('uncaughtException', (error) => void finish(`error: ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => void finish(`error: ${error?.stack ?? error}`));

main().then(
  () => finish(),
  (error) => finish(`error: ${error?.message ?? error}`),
);
