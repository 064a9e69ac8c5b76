// Process handling shared by the scripts that run VS Code's server and a browser (the
// integration launcher and the end-to-end test): every wait is bounded, and a run always ends
// with the server's whole process group gone, the browser closed and its temporary folder removed.
import fs from 'node:fs';

/** Settles with `promise`, or gives up after `ms` without throwing (for cleanup steps). */
export function settleWithin(promise, ms) {
  let timer;
  return Promise.race([Promise.resolve(promise).catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** Signals a whole process group; a group that is already gone is not an error. */
export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * Closes the browser, stops the server (SIGTERM, then SIGKILL for whatever of its group lingers:
 * file watcher, extension host) and removes the run's temporary folder.
 */
export async function stopRun({ server, browser, dir }, stepTimeoutMs) {
  if (browser) await settleWithin(browser.close(), stepTimeoutMs);
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    killGroup(server.pid, 'SIGTERM');
    await settleWithin(exited, stepTimeoutMs);
  }
  if (server) killGroup(server.pid, 'SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
