// Starts VS Code's server build for a test run, as the integration launcher and the end-to-end
// test both need it: in its own process group, with its IPC sockets in the run's folder, watched by
// a process that ends it should the caller die without cleaning up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Spawns `server-main.js` with `args` (after the script) on a free port. Returns the process at
 * once, so the caller can end it whatever happens, and `listening`, which resolves with the port,
 * or rejects with the server's last lines when it exits first or does not listen within `timeoutMs`.
 * `onOutput` sees everything the server prints.
 */
export function spawnVscodeServer({ nodeBin, serverDir }, { runDir, args, timeoutMs, onOutput }) {
  // The server is killed, never stopped, so it never removes its IPC sockets: they go into the run's folder.
  const serverTmp = path.join(runDir, 'tmp');
  fs.mkdirSync(serverTmp, { recursive: true });
  const server = spawn(nodeBin, [path.join(serverDir, 'out', 'server-main.js'), '--host', '127.0.0.1', '--port', '0', ...args], {
    cwd: serverDir,
    env: { ...process.env, TMPDIR: serverTmp },
    // Its own process group, so that its helpers (file watcher, extension hosts) end with it: `kill(-pid)`.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Should the caller die without cleaning up (SIGKILL, a crash), its end of this watchdog's stdin
  // closes, and the watchdog kills the server's process group and removes the run's folder.
  spawn('sh', ['-c', 'read _; kill -KILL -"$0" 2>/dev/null; rm -rf "$1"', String(server.pid), runDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  }).unref();

  const recent = [];
  let port;
  let timer;
  const listening = new Promise((resolve, reject) => {
    const failed = (message) => reject(new Error(`${message}${recent.length ? `; its last lines:\n${recent.join('\n')}` : ''}`));
    timer = setTimeout(() => failed(`the VS Code server did not listen within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      onOutput?.(text);
      recent.push(...text.split('\n').filter(Boolean));
      recent.splice(0, recent.length - 20);
      port ??= Number(/Extension host agent listening on (\d+)/.exec(text)?.[1]) || undefined;
      if (port) resolve(port);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', (error) => reject(new Error(`cannot start ${nodeBin}: ${error.message}`)));
    // After it served, an exit is the caller's cleanup.
    server.on('exit', (code, signal) => port || failed(`the VS Code server exited early (${code ?? signal})`));
  }).finally(() => clearTimeout(timer));
  return { server, listening };
}
