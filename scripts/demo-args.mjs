// The arguments of `npm start` (scripts/demo.mjs), checked before anything slow starts:
//   npm start                         the bundled careless sample, copied to a temporary folder
//   npm start -- <folder>             that folder, opened in place
//   npm start -- --folder <folder>    the same
//   npm start -- --sample careful     the other bundled sample
//   npm start -- --port N             the port to serve on (default 8124)
// A bad invocation throws a DemoUsageError whose message is the one line to print.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const SAMPLES = ['careless', 'careful'];
export const DEFAULT_PORT = 8124;

export const USAGE = 'npm start -- [<folder> | --folder <folder> | --sample careless|careful] [--port N]';

export class DemoUsageError extends Error {}

/** Folders never looked into for Rust files: build output, version control, dependencies. */
const SKIPPED = new Set(['target', '.git', 'node_modules']);

/**
 * Whether `dir` holds a `.rs` file anywhere below it (outside build output and version control).
 * Stops at the first one, so a large repository costs little.
 */
export function holdsRust(dir) {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop();
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // unreadable: nothing to review there
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith('.rs')) return true;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) pending.push(path.join(current, entry.name));
    }
  }
  return false;
}

/**
 * Reads the demo's arguments. Returns `{ folder, sample, sampleDir, port }`: `folder` is the
 * absolute path of the reviewer's own folder (opened in place), or undefined for the bundled
 * `sample` in `sampleDir`. `root` is the repository's; a relative folder is taken from `cwd`, the
 * folder `npm start` was typed in (npm runs its scripts in the package's own).
 */
export function parseDemoArgs(args, { root, cwd }) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { folder: { type: 'string' }, sample: { type: 'string' }, port: { type: 'string', default: String(DEFAULT_PORT) } },
    });
  } catch (error) {
    // Node's first sentence names the option; its code, advice and stack are of no use to a reviewer.
    throw new DemoUsageError(`${error.message.split(/\.( |$)/)[0]}; usage: ${USAGE}`);
  }
  const { values, positionals } = parsed;
  const folders = [...(values.folder === undefined ? [] : [values.folder]), ...positionals];
  if (folders.length > 1) throw new DemoUsageError(`one folder at a time, got ${folders.length}: ${folders.join(', ')}`);
  if (folders.length === 1 && values.sample !== undefined) throw new DemoUsageError('give either a folder or --sample, not both');
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) throw new DemoUsageError(`--port takes a port number from 1 to 65535; got ${values.port}`);

  if (folders.length === 0) {
    const sample = values.sample ?? SAMPLES[0];
    if (!SAMPLES.includes(sample)) throw new DemoUsageError(`there is no sample "${sample}" (choose ${SAMPLES.join(' or ')})`);
    return { folder: undefined, sample, sampleDir: path.join(root, 'test', 'fixtures', `${sample}-takehome`), port };
  }
  const folder = path.resolve(cwd, folders[0]);
  let stat;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new DemoUsageError(`${folders[0]} does not exist`);
  }
  if (!stat.isDirectory()) throw new DemoUsageError(`${folders[0]} is not a folder`);
  if (!holdsRust(folder)) throw new DemoUsageError(`${folders[0]} holds no Rust files (.rs) to review`);
  return { folder, sample: undefined, sampleDir: undefined, port };
}
