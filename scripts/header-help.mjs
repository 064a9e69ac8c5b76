// The scripts' --help: a script's header comment is its usage, so it is printed rather than kept twice.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Prints the comment lines at the top of the script at `scriptUrl` (after the shebang), without the `//`. */
export function printHeaderHelp(scriptUrl) {
  const lines = fs.readFileSync(fileURLToPath(scriptUrl), 'utf8').split('\n');
  const end = lines.findIndex((line) => !line.startsWith('//') && !line.startsWith('#!'));
  process.stdout.write(`${lines.slice(1, end).map((l) => l.replace(/^\/\/ ?/, '')).join('\n')}\n`);
}
