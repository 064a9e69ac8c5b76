// The end-to-end run's fixture, loaded by mocha before the suites (test/e2e/.mocharc.json): the
// .vsix that `npm run package` builds, installed into VS Code's own server with its
// --install-extension, the server started, and one headless Chromium context for the suites' pages,
// with the clipboard allowed and the dialog traps in every frame. The workspaces are temporary
// copies of test/fixtures/careless-takehome, made git repositories with a candidate's history
// (candidateHistory.mjs), opened in Restricted Mode (no --disable-workspace-trust) in the server's
// Node extension host.
//
// RUST_REVIEW_VSIX names another .vsix to install; RUST_REVIEW_VERBOSE=1 also prints the server's
// output and the pages' console.
//
// A failed test saves a screenshot of the page it drove, and the server's and the page's recent
// output, under out/e2e/. The whole run may take RUST_REVIEW_E2E_TIMEOUT seconds (default 600)
// once the server is built; the run (test/support/vscodeRun.mjs) is stopped however it ends.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRST_SCREEN_SERVER_ARGS, writeFirstScreenSettings } from '../../scripts/first-screen.mjs';
import { ensureVscodeServer } from '../../scripts/vscode-server-setup.mjs';
import { eventually } from '../support/eventually.mjs';
import { settleWithin, VscodeRun } from '../support/vscodeRun.mjs';
import { commitAsCandidate } from './candidateHistory.mjs';
import { ACTION_TIMEOUT_MS, installTraps, VIEWPORT, Workbench } from './workbench.mjs';

const SECOND = 1000;
export const root = fileURLToPath(new URL('../..', import.meta.url));
const verbose = process.env.RUST_REVIEW_VERBOSE === '1';
export const writeScreenshots = process.env.RUST_REVIEW_SCREENSHOTS === '1';
const overallTimeoutMs = Number(process.env.RUST_REVIEW_E2E_TIMEOUT || 600) * SECOND;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.resolve(process.env.RUST_REVIEW_VSIX || path.join(root, `${manifest.name}-${manifest.version}.vsix`));
/** Where a failed test's screenshot and logs go, and the accessibility suite's theme screenshots. */
export const failureDir = path.join(root, 'out', 'e2e');
const screenshotDir = path.join(root, 'media', 'screenshots');
const fixture = path.join(root, 'test', 'fixtures', 'careless-takehome');

const run = new VscodeRun('rust-review-e2e-');
const end = run.endProcessOnce((code, message) => message && console.error(`e2e: ${message}`));

/** What the suites share: the server's port, the browser context, and the page that was driven last. */
const session = { port: undefined, context: undefined, lastPage: undefined };

/** Recent server and page output, saved next to the screenshot when a test fails. */
const serverLines = [];
const consoleLines = [];

function remember(list, text, max = 300) {
  list.push(...String(text).split('\n').filter(Boolean));
  list.splice(0, Math.max(0, list.length - max));
}

/** A new page of the run's browser, as a workbench. */
async function newWorkbench() {
  const page = await session.context.newPage();
  session.lastPage = page;
  page.on('console', (message) => {
    remember(consoleLines, `[${message.type()}] ${message.text()}`);
    if (verbose) process.stderr.write(`[page] ${message.text()}\n`);
  });
  page.on('pageerror', (error) => remember(consoleLines, `[pageerror] ${error.message}`));
  return new Workbench(page, session.port);
}

/** A copy of the sample take-home named `name`, with `extraFiles`, and a new workbench page to open it in. */
export async function workbenchOnCopy(name, extraFiles) {
  return { workspace: makeWorkspace(name, extraFiles), workbench: await newWorkbench() };
}

/** A temporary copy of the sample take-home, named `name`, optionally with extra files, as a git repository with a history. */
function makeWorkspace(name, extraFiles = {}) {
  const parent = fs.mkdtempSync(path.join(run.dir, 'workspace-'));
  const dir = path.join(parent, name);
  fs.cpSync(fixture, dir, { recursive: true });
  for (const [file, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, file), text);
  commitAsCandidate(dir);
  return dir;
}

/** The server's own folders for the run: its extensions and its user data, where the reviews are saved. */
function serverFolders() {
  return { extensions: path.join(run.dir, 'extensions'), data: path.join(run.dir, 'data') };
}

/** Installs the .vsix as a user would, with the server's --install-extension. */
function installVsix({ nodeBin, serverDir }) {
  const { extensions, data } = serverFolders();
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

/** The extension hosts the server runs, one per window it served: processes of its group. */
export function extensionHostPids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group, counted after the command's closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (group === run.server.pid && command.includes('--type=extensionHost')) pids.push(Number(entry));
    } catch {
      // the process ended while being read
    }
  }
  return pids;
}

/** The saved reviews under the server's user data whose summary starts with `marker`, and the folders they are in. */
export function savedReviewsStartingWith(marker) {
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
          // not a complete review; the suites look for complete ones
        }
      }
    }
  };
  walk(serverFolders().data);
  return found;
}

/** Waits until a review on disk has the summary `expected`, and returns it. */
export async function waitForSavedSummary(expected, timeout = 10 * SECOND) {
  const marker = expected.slice(0, 20);
  const [saved] = await eventually(
    () => savedReviewsStartingWith(marker),
    ([found]) => found?.summary === expected,
    () => `the review on disk never had the summary ${JSON.stringify(expected)}`,
    timeout,
  );
  return saved;
}

/** With RUST_REVIEW_SCREENSHOTS=1, writes one of the README's screenshots, media/screenshots/<name>. */
export async function saveReadmeScreenshot(workbench, name) {
  if (!writeScreenshots) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  await workbench.page.screenshot({ path: path.join(screenshotDir, name) });
  console.log(`    wrote ${path.relative(root, path.join(screenshotDir, name))}`);
}

/**
 * `it` for a step that the rest of its `describe` builds on: once one has failed, the tests after
 * it in that `describe` are not run (they are reported pending). Call it in the `describe` body.
 */
export function stepsBuildingOnEachOther() {
  let failed;
  beforeEach(function () {
    if (failed) this.skip();
  });
  return (title, fn) =>
    it(title, async function () {
      try {
        await fn.call(this);
      } catch (error) {
        failed = title;
        throw error;
      }
    });
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

let failureCount = 0;
/** Saves what helps to understand a failure: a screenshot of the last page driven and the recent output. */
async function saveFailureEvidence(name) {
  failureCount += 1;
  const saved = [];
  try {
    fs.mkdirSync(failureDir, { recursive: true });
    const base = path.join(failureDir, `${String(failureCount).padStart(2, '0')}-${slug(name)}`);
    const page = session.lastPage;
    if (page && !page.isClosed()) {
      await settleWithin(page.screenshot({ path: `${base}.png`, timeout: 10 * SECOND }), 12 * SECOND);
      if (fs.existsSync(`${base}.png`)) saved.push(`${base}.png`);
    }
    fs.writeFileSync(`${base}.server.log`, `${serverLines.join('\n')}\n`);
    fs.writeFileSync(`${base}.console.log`, `${consoleLines.join('\n')}\n`);
    saved.push(`${base}.server.log`, `${base}.console.log`);
  } catch (error) {
    console.log(`      (could not save the failure evidence: ${error.message})`);
  }
  for (const file of saved) console.log(`      saved ${path.relative(root, file)}`);
}

export const mochaHooks = {
  async beforeAll() {
    this.timeout(0); // the server's first set-up takes minutes; it has its own bounds
    const vscodeServer = await ensureVscodeServer();
    if (!fs.existsSync(vsix)) throw new Error(`${path.relative(root, vsix)} does not exist: run \`npm run package\` first`);
    setTimeout(() => void end(1, `timed out after ${overallTimeoutMs / SECOND} s (RUST_REVIEW_E2E_TIMEOUT)`), overallTimeoutMs).unref();
    // Failure evidence is about this run only.
    fs.rmSync(failureDir, { recursive: true, force: true });
    console.log(`Scorecard end-to-end: ${path.relative(root, vsix)} in VS Code ${vscodeServer.version} server (code-server), Node extension host, Restricted Mode`);
    const { extensions, data } = serverFolders();
    writeFirstScreenSettings(data);
    installVsix(vscodeServer);
    session.port = await run.startServer(vscodeServer, {
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
      onOutput: (text) => {
        remember(serverLines, text);
        if (verbose) process.stderr.write(text.replace(/^(?=.)/gm, '[server] '));
      },
    });
    const browser = await run.launchBrowser(vscodeServer.chromium);
    session.context = await browser.newContext({ viewport: VIEWPORT, permissions: ['clipboard-read', 'clipboard-write'] });
    session.context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    session.context.setDefaultNavigationTimeout(60 * SECOND);
    // Every frame, the webview's included, gets the traps before its own scripts run.
    await session.context.addInitScript(installTraps);
  },
  async afterEach() {
    if (this.currentTest?.state === 'failed') await saveFailureEvidence(this.currentTest.fullTitle());
  },
  async afterAll() {
    await run.stop();
  },
};
