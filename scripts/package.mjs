#!/usr/bin/env node
// Builds the extension's .vsix with @vscode/vsce (which runs the production build through
// `vscode:prepublish`), then checks what went in: every file the manifest points at is there, and
// the package stays within its size budget.
//   node scripts/package.mjs            (npm run package)
// Prints the path of the .vsix on its last line. Exit code 0 when packaged and within budget.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The budget the release issue sets, the two WASM grammars included. */
const SIZE_BUDGET_BYTES = 3_000_000;

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${manifest.name}-${manifest.version}.vsix`);

const vsce = spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
  cwd: root,
  stdio: 'inherit',
});
if (vsce.status !== 0) fail(`vsce package failed (exit ${vsce.status ?? vsce.signal})`);

const entries = zipEntries(fs.readFileSync(vsix));
const shipped = new Set(entries.map((entry) => entry.name));
const missing = requiredFiles(manifest).filter((file) => !shipped.has(`extension/${file}`));
if (missing.length > 0) fail(`the package lacks ${missing.join(', ')}`);

const size = fs.statSync(vsix).size;
console.log(`\n${entries.length} files, ${kilobytes(size)} packed (budget ${kilobytes(SIZE_BUDGET_BYTES)}):`);
for (const entry of entries.filter((e) => e.name.startsWith('extension/')).sort((a, b) => b.packed - a.packed)) {
  console.log(`  ${kilobytes(entry.packed).padStart(9)}  ${entry.name.slice('extension/'.length)}`);
}
if (size > SIZE_BUDGET_BYTES) fail(`${kilobytes(size)} is over the ${kilobytes(SIZE_BUDGET_BYTES)} budget`);
console.log(vsix);

/** What the extension cannot run without: its entry points, the workers and grammars they load, the webview, the icons, the walkthrough's media. */
function requiredFiles(pkg) {
  const bare = (file) => path.posix.normalize(file).replace(/^\.\//, '');
  const icons = [pkg.icon, ...pkg.contributes.viewsContainers.activitybar.map((container) => container.icon)];
  const walkthroughMedia = (pkg.contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.flatMap((step) => stepMedia(step.media)));
  return [
    bare(pkg.main),
    bare(pkg.browser),
    'dist/worker-node.js',
    'dist/worker-browser.js',
    'dist/history-worker-node.js',
    'dist/history-worker-browser.js',
    'dist/web-tree-sitter.wasm',
    'dist/tree-sitter-rust.wasm',
    'dist/rubric.schema.json',
    'dist/webview/webview.js',
    'dist/webview/styles.css',
    'dist/webview/compare.js',
    'dist/webview/compare.css',
    'dist/webview/codicon.css',
    'dist/webview/codicon.ttf',
    ...icons.map(bare),
    ...walkthroughMedia.map(bare),
  ];
}

/** The files a walkthrough step's media names: an image (one for every theme, or one per theme), an SVG or Markdown. */
function stepMedia(media) {
  const image = typeof media.image === 'string' ? [media.image] : Object.values(media.image ?? {});
  return [...image, media.svg, media.markdown].filter((file) => typeof file === 'string');
}

/** Names and packed sizes from a zip's central directory (a .vsix is a zip). */
function zipEntries(zip) {
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end -= 1;
  if (end < 0) fail('the .vsix is not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== DIRECTORY_ENTRY) fail('the .vsix has a damaged central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), packed: zip.readUInt32LE(offset + 20) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function kilobytes(bytes) {
  return `${(bytes / 1000).toFixed(0)} kB`;
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
