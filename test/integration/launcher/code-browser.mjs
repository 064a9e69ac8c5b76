#!/usr/bin/env node
// Stand-in for the VS Code executable, for @vscode/test-electron's
// `runTests({ vscodeExecutablePath: <this file>, ... })` on machines that cannot
// download VS Code.
//
// It runs the extension's integration suite in a real VS Code workbench: VS Code's
// own server from the npm package `code-server` (see scripts/vscode-server-setup.mjs)
// opened in Debian's headless Chromium, driven by playwright-core. The suite runs in
// the extension host (Node by default, web worker on request) exactly as on the
// desktop: the module at --extensionTestsPath exports `run(): Promise<void>`. In the Node
// host the extension is the server's (a vscode-remote:// folder, file:// to the extension
// itself); in the web worker host it is served over http://, as vscode.dev serves
// installed web extensions (see locateExtensions).
//
// Arguments it understands (the ones runTests passes):
//   --extensionDevelopmentPath=<dir>   (repeatable)
//   --extensionTestsPath=<module>      (required)
//   --extensionDevelopmentKind=web     (as desktop VS Code: same as RUST_REVIEW_EXTENSION_KIND=web)
//   <folder or .code-workspace file>   (optional positional: the workspace to open)
// Desktop-only flags added by runTests (--no-sandbox, --disable-updates, --user-data-dir=...)
// are ignored, and so is its --disable-workspace-trust: trust is controlled here by
// RUST_REVIEW_TRUST, so that Restricted Mode stays testable.
//
// Environment:
//   RUST_REVIEW_EXTENSION_KIND=web      run the extension in the web worker extension host
//   RUST_REVIEW_TRUST=1                 open the workspace trusted (default: Restricted Mode)
//   RUST_REVIEW_CODE_SERVER_VERSION     code-server build to use (default in the setup script)
//   RUST_REVIEW_TEST_TIMEOUT            seconds the whole run may take once the server
//                                       is built (default 900)
//   RUST_REVIEW_VERBOSE=1               also print the server's output and the page's console
//
// Exit code: the suite's (0 when run() resolved), 1 on any harness error or timeout,
// 130/143 when interrupted. The server's process group and the browser are always ended.

import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { ensureVscodeServer } from '../../../scripts/vscode-server-setup.mjs';
import { VscodeRun } from '../../support/vscodeRun.mjs';

const SECOND = 1000;
const verbose = process.env.RUST_REVIEW_VERBOSE === '1';
const overallTimeoutMs = Number(process.env.RUST_REVIEW_TEST_TIMEOUT || 900) * SECOND;

/** Flags runTests adds for the desktop app, meaningless here. */
const IGNORED_FLAGS = new Set([
  'no-sandbox',
  'disable-gpu-sandbox',
  'disable-updates',
  'skip-welcome',
  'skip-release-notes',
  'disable-workspace-trust',
  'user-data-dir',
  'extensions-dir',
]);
const FLAGS_WITH_VALUE = new Set([
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'extensionDevelopmentKind',
  'user-data-dir',
  'extensions-dir',
]);

/**
 * The workbench log also carries the workbench's own messages, which the desktop app
 * keeps in its log files: drop the usual ones (RUST_REVIEW_VERBOSE=1 shows them).
 * The extension host's console output (the suite's report) arrives on the same channel.
 */
const WORKBENCH_CHATTER = [
  /^\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token /,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache/,
  /^Timed out waiting for authentication provider/,
  /^getaddrinfo ENOTFOUND /, // the extension gallery: this machine has no internet
  /^Creation of workbench contribution '[^']*' took \d+ms\.$/,
  /^ChatSessionStore: /,
  /^Request to '[^']*\/package\.nls\.json' failed with status code 404$/, // an extension without translations
  // Restricted Mode: the workbench would ask whether to trust the folder.
  /^DialogService: refused to show dialog in tests\. Contents: Do you trust the authors/,
];

function log(message) {
  process.stderr.write(`[code-browser] ${message}\n`);
}

class HarnessError extends Error {}

function parseArgs(argv) {
  const parsed = {
    extensionDevelopmentPaths: [],
    extensionTestsPath: undefined,
    web: process.env.RUST_REVIEW_EXTENSION_KIND === 'web',
    workspace: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (parsed.workspace) throw new HarnessError(`only one workspace can be opened (got ${parsed.workspace} and ${arg})`);
      parsed.workspace = path.resolve(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    let value = eq === -1 ? undefined : arg.slice(eq + 1);
    if (value === undefined && FLAGS_WITH_VALUE.has(name)) value = argv[++i];
    if (name === 'extensionDevelopmentPath') parsed.extensionDevelopmentPaths.push(path.resolve(value));
    else if (name === 'extensionTestsPath') parsed.extensionTestsPath = path.resolve(value);
    else if (name === 'extensionDevelopmentKind') parsed.web ||= value === 'web';
    else if (!IGNORED_FLAGS.has(name)) log(`ignoring ${arg} (not supported by the browser launcher)`);
  }
  if (!parsed.extensionTestsPath) throw new HarnessError('--extensionTestsPath=<module> is required');
  if (parsed.extensionDevelopmentPaths.length === 0) throw new HarnessError('--extensionDevelopmentPath=<dir> is required');
  for (const p of [...parsed.extensionDevelopmentPaths, parsed.extensionTestsPath, parsed.workspace]) {
    if (p && !fs.existsSync(p)) throw new HarnessError(`no such file or folder: ${p}`);
  }
  // In the web worker host the tests are served from an extension's folder (and VS Code
  // runs tests in the host of the extension whose folder holds them).
  if (parsed.web && !parsed.extensionDevelopmentPaths.some((dir) => isInside(parsed.extensionTestsPath, dir))) {
    throw new HarnessError('in the web worker host, --extensionTestsPath must lie inside an --extensionDevelopmentPath');
  }
  return parsed;
}

function isInside(file, dir) {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Rejects after `ms` with a HarnessError naming `what`; `clear()` cancels it. */
function deadline(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(`timed out after ${Math.round(ms / SECOND)} s ${what}`)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

const run = new VscodeRun('rust-review-vscode-');
/** Ends the run once: the first caller's code wins (a signal beats the error it causes). */
const end = run.endProcessOnce((code, message) => message && log(message));

async function startServer(vscodeServer, tmpDir) {
  const args = [
    '--without-connection-token',
    '--accept-server-license-terms',
    // Without it the browser workbench ignores the test payload.
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--user-data-dir', path.join(tmpDir, 'data'),
    '--extensions-dir', path.join(tmpDir, 'extensions'),
  ];
  if (process.env.RUST_REVIEW_TRUST === '1') args.push('--disable-workspace-trust');
  // The server looks for ports to forward by spawning processes from the extension host's thread
  // every few seconds, which blocks that thread for up to tens of ms: noise in the timings the
  // tests and the benchmark take of the extension, and nothing they test.
  fs.mkdirSync(path.join(tmpDir, 'data', 'Machine'), { recursive: true });
  fs.writeFileSync(path.join(tmpDir, 'data', 'Machine', 'settings.json'), JSON.stringify({ 'remote.autoForwardPorts': false, 'remote.autoForwardPortsSource': 'output' }));
  // The tests' os.tmpdir() is the server's, inside the run's temporary folder.
  return run
    .startServer(vscodeServer, { args, onOutput: (text) => verbose && process.stderr.write(text.replace(/^(?=.)/gm, '[server] ')) })
    .catch((error) => {
      throw new HarnessError(error.message);
    });
}

function remoteUri(authority, fsPath) {
  return `vscode-remote://${authority}${pathToFileURL(fsPath).pathname}`;
}

async function runSuite(chromiumPath, port, options) {
  const authority = `127.0.0.1:${port}`;
  const browser = await run.launchBrowser(chromiumPath);
  const page = await (await browser.newContext()).newPage();

  let resolveExit, rejectExit;
  const exited = new Promise((resolve, reject) => {
    resolveExit = resolve;
    rejectExit = reject;
  });
  exited.catch(() => {}); // it may fail before it is awaited; the caller still sees the error
  page.on('crash', () => rejectExit(new HarnessError('the workbench page crashed')));
  browser.on('disconnected', () => rejectExit(new HarnessError('the browser closed unexpectedly')));
  page.on('console', (msg) => {
    if (verbose) process.stderr.write(`[page] ${msg.text()}\n`);
    // Logged only to the console, and then the workbench waits forever.
    if (msg.text().startsWith('No extension host found that can launch the test runner')) {
      rejectExit(new HarnessError(`${msg.text()} (is the extension under development loaded?)`));
    }
  });
  // The workbench (started with --enable-smoke-test-driver) reports its log, which
  // includes the extension host's console output, and the suite's end through these.
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    // `args` is a console-style argument list: [format, ...values].
    const message = Array.isArray(args) ? format(...args) : String(args);
    if (!verbose && WORKBENCH_CHATTER.some((re) => re.test(message))) return;
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${message}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(typeof code === 'number' ? code : 1));

  const query = new URLSearchParams();
  if (options.workspace) query.set(options.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', options.workspace);
  query.set('payload', JSON.stringify(await locateExtensions(page, authority, options)));
  try {
    await page.goto(`http://${authority}/?${query}`, { timeout: 120 * SECOND });
  } catch (error) {
    throw new HarnessError(`cannot open the workbench: ${error.message.split('\n')[0]}`);
  }
  return exited;
}

const DEV_PREFIX = '/__rust-review-dev/';

/**
 * Starts the address the browser talks to: a proxy to the VS Code server that also serves
 * each extension folder at /__rust-review-dev/<index>/, for the web worker host (see
 * locateExtensions), as vscode.dev serves an installed web extension over HTTPS. Being
 * the workbench's own origin lets them pass its Content Security Policy
 * (connect-src 'self' ws: wss: https:) without weakening it.
 */
async function startFrontServer(backendPort, dirs) {
  const server = http.createServer((request, response) => {
    if (request.url.startsWith(DEV_PREFIX)) return serveExtensionFile(request, response, dirs);
    const upstream = http.request(
      { host: '127.0.0.1', port: backendPort, method: request.method, path: request.url, headers: request.headers },
      (reply) => {
        response.writeHead(reply.statusCode, reply.rawHeaders);
        reply.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  // WebSockets (the workbench's connections to the server): pass the bytes through.
  server.on('upgrade', (request, socket, head) => {
    const upstream = net.connect(backendPort, '127.0.0.1', () => {
      const lines = [`${request.method} ${request.url} HTTP/1.1`];
      for (let i = 0; i < request.rawHeaders.length; i += 2) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return server.address().port;
}

function serveExtensionFile(request, response, dirs) {
  const [index, ...rest] = decodeURIComponent(new URL(request.url, 'http://host').pathname)
    .slice(DEV_PREFIX.length)
    .split('/');
  const root = dirs[Number(index)];
  const file = root && path.resolve(root, rest.join('/'));
  fs.readFile(file && isInside(file, root) ? file : '', (error, data) => {
    if (error) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(data);
  });
}

const CONTENT_TYPES = {
  '.js': 'text/javascript',
  '.cjs': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Tells the workbench where the extensions under development and the tests are; returns
 * the URL payload.
 *
 * Node host: the payload names them as vscode-remote:// resources of the server, as the
 * desktop's --extensionDevelopmentPath/--extensionTestsPath would.
 *
 * Web worker host: as in vscode.dev, the extension must be a web extension served over
 * HTTP(S), not a resource of the server. Two things rule the payload out (seen in VS Code
 * 1.100 and 1.139): the browser workbench ignores its `extensionDevelopmentKind` (it reads
 * `environmentService.extensionDevelopmentKind`, which only the desktop has), so an
 * extension with both `main` and `browser` would run in the server's Node host; and a web
 * extension at a vscode-remote:// location cannot start Web Workers ("Creating workers
 * from remote extensions is currently not supported"). So the launcher serves the folders
 * itself and sets the workbench's developmentOptions.extensions/extensionTestsPath, which
 * the workbench uses when the payload names no extension (the way @vscode/test-web works).
 * They are construction options, the JSON that workbench.js reads from
 * <meta id="vscode-workbench-web-configuration" data-settings>, changed as it is read
 * rather than in the HTML: a document fulfilled by request interception loses its
 * loopback origin, and Chromium's local network access checks then block the
 * workbench's WebSocket to the server.
 */
async function locateExtensions(page, authority, options) {
  if (!options.web) {
    return [
      ...options.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(authority, p)]),
      ['extensionTestsPath', remoteUri(authority, options.extensionTestsPath)],
    ];
  }
  const dirs = options.extensionDevelopmentPaths;
  const httpUri = (index, relative = '') => ({
    scheme: 'http',
    authority,
    path: [`${DEV_PREFIX}${index}`, ...(relative ? relative.split(path.sep).map(encodeURIComponent) : [])].join('/'),
  });
  const testsDir = dirs.findIndex((dir) => isInside(options.extensionTestsPath, dir));
  const developmentOptions = {
    extensions: dirs.map((_, index) => httpUri(index)),
    extensionTestsPath: httpUri(testsDir, path.relative(dirs[testsDir], options.extensionTestsPath)),
  };
  await page.addInitScript((development) => {
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const value = getAttribute.call(this, name);
      if (this.id !== 'vscode-workbench-web-configuration' || name !== 'data-settings' || !value) return value;
      const config = JSON.parse(value);
      config.developmentOptions = { ...config.developmentOptions, ...development };
      return JSON.stringify(config);
    };
  }, developmentOptions);
  return [];
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!(overallTimeoutMs > 0)) throw new HarnessError('RUST_REVIEW_TEST_TIMEOUT must be a number of seconds');
  const vscodeServer = await ensureVscodeServer();
  const timeout = deadline(overallTimeoutMs, 'running the test suite (RUST_REVIEW_TEST_TIMEOUT)');
  const kind = options.web ? 'web worker' : 'Node';
  const trust = process.env.RUST_REVIEW_TRUST === '1' ? 'trusted' : 'Restricted Mode';
  log(`VS Code ${vscodeServer.version} (code-server), ${kind} extension host, ${trust}`);
  const suite = async () => {
    const frontPort = await startFrontServer(await startServer(vscodeServer, run.dir), options.extensionDevelopmentPaths);
    return runSuite(vscodeServer.chromium, frontPort, options);
  };
  try {
    return await Promise.race([suite(), timeout.promise]);
  } finally {
    timeout.clear();
  }
}

main().then(
  (code) => end(code),
  (error) => end(1, `error: ${verbose && !(error instanceof HarnessError) ? error.stack : error.message}`),
);
