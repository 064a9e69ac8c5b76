// Faults: the extension host is killed while the reviewer types the summary, and the window
// reopened: everything saved before the kill is back. Then the saved review is truncated on disk,
// and the next start sets it aside with a message and starts a new review.
import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '../support/eventually.mjs';
import { extensionHostPids, savedReviewsStartingWith, stepsBuildingOnEachOther, waitForSavedSummary, workbenchOnCopy } from './session.mjs';
import { assert, assertIncludes, delay } from './workbench.mjs';

const SECOND = 1000;
const SAVED = 'Crash check: this sentence was saved before the extension host died.';
const IN_FLIGHT = ' These words are typed while it is killed.';

describe('The review survives a killed extension host and a truncated save file', function () {
  const step = stepsBuildingOnEachOther();
  let workbench;
  let workspace;
  let killed = [];
  const summary = () => workbench.textbox('Summary');

  before(async () => ({ workspace, workbench } = await workbenchOnCopy('careless-takehome')));

  after(() => workbench?.page.close());

  step('a summary typed into the scorecard is saved to disk', async () => {
    await workbench.open(workspace);
    await workbench.openScorecard();
    await summary().click();
    await summary().pressSequentially(SAVED, { delay: 5 });
    await waitForSavedSummary(SAVED);
  });

  step('the extension host is killed (SIGKILL) in the middle of typing', async () => {
    const typing = summary().pressSequentially(IN_FLIGHT, { delay: 25 });
    await delay(300);
    killed = extensionHostPids();
    assert(killed.length > 0, 'the server runs no extension host');
    for (const pid of killed) process.kill(pid, 'SIGKILL');
    await typing;
  });

  step('after reopening the window, everything saved before the kill is in the scorecard', async () => {
    // What was on disk when the host died is the last autosave; the in-flight words may or may not have made it.
    const [onDisk] = savedReviewsStartingWith(SAVED.slice(0, 20));
    assert(onDisk?.summary.startsWith(SAVED), `the review on disk after the kill: ${JSON.stringify(onDisk?.summary)}`);
    await workbench.reload();
    const nowOnDisk = () => {
      try {
        return JSON.stringify(JSON.parse(fs.readFileSync(onDisk.file, 'utf8')).summary);
      } catch (error) {
        return `unreadable (${error.message})`;
      }
    };
    await eventually(
      () => summary().inputValue(),
      (shown) => shown === onDisk.summary,
      (shown) =>
        `the summary reads ${JSON.stringify(shown)}, the last autosave ${JSON.stringify(onDisk.summary)}; the file's summary is now ${nowOnDisk()}; the review's folder holds ${fs.readdirSync(path.dirname(onDisk.file)).join(', ')}`,
      20 * SECOND,
      200,
    );
    assert(!extensionHostPids().some((pid) => killed.includes(pid)), 'a killed extension host is still running');
  });

  step('a truncated save file is set aside with a message, and a new review starts', async () => {
    const [current] = savedReviewsStartingWith(SAVED.slice(0, 20));
    assert(current, 'the review is not on disk');
    // The window is closed, and its extension host ended, before the file is damaged: a host
    // still running could read it first and show its message in the closed window. With no
    // window left, nothing restarts a killed host.
    await workbench.page.goto('about:blank');
    for (const pid of extensionHostPids()) process.kill(pid, 'SIGKILL');
    await eventually(extensionHostPids, (pids) => pids.length === 0, () => 'an extension host outlived SIGKILL', 10 * SECOND, 200);
    const truncated = current.text.slice(0, Math.floor(current.text.length / 2));
    fs.writeFileSync(current.file, truncated);
    await workbench.open(workspace);
    await workbench.openScorecard();
    const message = 'The saved review could not be read';
    const toast = workbench.page.locator('.notification-toast', { hasText: message }).first();
    // A notification with no error severity hides its toast after a while, and a loaded machine
    // may take that long to open the scorecard: then it is in the notification centre, as a
    // reviewer would find it.
    const notice = await toast.waitFor({ state: 'visible', timeout: 30 * SECOND }).then(
      () => toast,
      async () => {
        await workbench.runCommand('Notifications: Show Notifications');
        const listed = workbench.page.locator('.notifications-center .notification-list-item', { hasText: message }).first();
        await listed.waitFor({ state: 'visible', timeout: 10 * SECOND });
        return listed;
      },
    );
    assertIncludes(await notice.innerText(), 'Open Kept Copy', 'the notification');
    const folder = path.dirname(current.file);
    const asideName = fs.readdirSync(folder).find((name) => name.startsWith(path.basename(current.file, '.json')) && name.includes('.corrupt-'));
    assert(asideName, `no set-aside copy in ${fs.readdirSync(folder).join(', ')}`);
    assert(fs.readFileSync(path.join(folder, asideName), 'utf8') === truncated, 'the set-aside copy is not the damaged file');
    assert((await summary().inputValue()) === '', 'the new review is not empty');
  });
});
