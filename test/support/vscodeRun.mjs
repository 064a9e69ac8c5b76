// One run of VS Code's server build (from the npm package code-server, scripts/vscode-server-setup.mjs)
// and, when asked, a headless Chromium to open its workbench: the lifecycle the integration
// launcher, the end-to-end suites and `npm start` share. Every wait is bounded, and a run always
// ends with the server's whole process group gone, the browser closed and the run's folder removed:
// when its owner stops it, on SIGINT or SIGTERM, on an uncaught error, and (through a watchdog
// process) when its owner is killed outright.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SECOND = 1000;
/** The longest the server may take to listen. */
const SERVER_START_TIMEOUT_MS = 120 * SECOND;
/** The longest one step of stopping (closing the browser, ending the server) may take. */
const STOP_STEP_TIMEOUT_MS = 5 * SECOND;

/** Chromium's flags: no sandbox in a container, no GPU, and none of the calls to Google's hosts it keeps trying. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Settles with `promise`, or gives up after `ms` without throwing (for cleanup steps). */
export function settleWithin(promise, ms) {
  let timer;
  return Promise.race([Promise.resolve(promise).catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** Signals a whole process group; a group that is already gone is not an error. */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

export class VscodeRun {
  /** The server process, once started. */
  server;
  /** The browser, once launched. */
  browser;
  #dir;
  #stopped;

  /** The run's folder is made in the system's temporary folder, named `folderPrefix` and a random tail, when first used. */
  constructor(folderPrefix) {
    this.folderPrefix = folderPrefix;
  }

  /** The run's own folder, removed when it stops. */
  get dir() {
    this.#dir ??= fs.mkdtempSync(path.join(os.tmpdir(), this.folderPrefix));
    return this.#dir;
  }

  /**
   * Spawns `server-main.js` of `vscodeServer` (what ensureVscodeServer() returns) with `args`, on
   * 127.0.0.1 and `port` (0: a free one), in its own process group, and resolves with the port it
   * listens on; rejects with the server's last lines when it exits first or does not listen in time.
   * `onOutput` sees everything the server prints.
   */
  startServer({ nodeBin, serverDir }, { args, port = 0, onOutput }) {
    // The server is killed, never stopped, so it never removes its IPC sockets: they go into the
    // run's folder, and so does the os.tmpdir() of its extension hosts.
    const serverTmp = path.join(this.dir, 'tmp');
    fs.mkdirSync(serverTmp, { recursive: true });
    const server = spawn(nodeBin, [path.join(serverDir, 'out', 'server-main.js'), '--host', '127.0.0.1', '--port', String(port), ...args], {
      cwd: serverDir,
      env: { ...process.env, TMPDIR: serverTmp },
      // Its own process group, so that its helpers (file watcher, extension hosts) end with it: `kill(-pid)`.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.server = server;
    // Should the owner die without stopping the run (SIGKILL, a crash), its end of this watchdog's
    // stdin closes, and the watchdog kills the server's process group and removes the run's folder.
    spawn('sh', ['-c', 'read _; kill -KILL -"$0" 2>/dev/null; rm -rf "$1"', String(server.pid), this.dir], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    }).unref();

    const recent = [];
    let listening;
    let timer;
    return new Promise((resolve, reject) => {
      const failed = (message) => reject(new Error(`${message}${recent.length ? `; its last lines:\n${recent.join('\n')}` : ''}`));
      timer = setTimeout(() => failed(`the VS Code server did not listen within ${SERVER_START_TIMEOUT_MS / SECOND} s`), SERVER_START_TIMEOUT_MS);
      const onData = (chunk) => {
        const text = chunk.toString();
        onOutput?.(text);
        recent.push(...text.split('\n').filter(Boolean));
        recent.splice(0, recent.length - 20);
        listening ??= Number(/Extension host agent listening on (\d+)/.exec(text)?.[1]) || undefined;
        if (listening) resolve(listening);
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('error', (error) => reject(new Error(`cannot start ${nodeBin}: ${error.message}`)));
      // After it served, an exit is the owner's to handle.
      server.on('exit', (code, signal) => listening || failed(`the VS Code server exited early (${code ?? signal})`));
    }).finally(() => clearTimeout(timer));
  }

  /** Launches the headless Chromium at `executablePath` to open the workbench; the run closes it when it stops. */
  async launchBrowser(executablePath) {
    // Loaded only here: `npm start` opens no browser, and checks its arguments before anything slow.
    const { chromium } = await import('playwright-core');
    this.browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      // The run ends the browser itself, after the server.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60 * SECOND,
    });
    return this.browser;
  }

  /**
   * Closes the browser, stops the server (SIGTERM, then SIGKILL for whatever of its group lingers:
   * file watcher, extension host) and removes the run's folder. Every call after the first returns
   * the first one's promise.
   */
  stop() {
    this.#stopped ??= (async () => {
      const { server, browser } = this;
      if (browser) await settleWithin(browser.close(), STOP_STEP_TIMEOUT_MS);
      if (server && server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        killGroup(server.pid, 'SIGTERM');
        await settleWithin(exited, STOP_STEP_TIMEOUT_MS);
      }
      if (server) killGroup(server.pid, 'SIGKILL');
      if (this.#dir) fs.rmSync(this.#dir, { recursive: true, force: true });
    })();
    return this.#stopped;
  }

  /**
   * Makes the process end once, after the run stopped, whoever asks first: the returned
   * `end(code, message)`, SIGINT and SIGTERM (`signalCodes`, by default 130 and 143), an uncaught
   * error or rejection (1), or an output stream that closed, as when a reader such as `| head` went
   * away (1). `report(code, message)` runs first, with the reason; errors in it are ignored.
   */
  endProcessOnce(report, signalCodes = { SIGINT: 130, SIGTERM: 143 }) {
    let ending;
    const end = (code, message) => {
      ending ??= (async () => {
        try {
          await report(code, message);
        } catch {
          // the run still stops
        }
        try {
          await this.stop();
        } catch (error) {
          process.stderr.write(`error while stopping VS Code: ${error?.stack ?? error}\n`);
        }
        process.exit(code);
      })();
      return ending;
    };
    for (const [signal, code] of Object.entries(signalCodes)) process.on(signal, () => void end(code, `${signal} received, stopping VS Code`));
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => void end(1));
    process.on('uncaughtException', (error) => void end(1, `error: ${error?.stack ?? error}`));
    process.on('unhandledRejection', (error) => void end(1, `error: ${error?.stack ?? error}`));
    return end;
  }
}
