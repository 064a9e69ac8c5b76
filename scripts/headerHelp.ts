// The scripts' --help: a script's header comment is its usage, so it is printed rather than kept twice.
import fs from 'node:fs';

/** Prints the comment lines at the top of the script `source` (after the shebang), without the `//`. */
export function printHeaderHelp(source: string): void {
  const lines = fs.readFileSync(source, 'utf8').split('\n');
  const end = lines.findIndex((line) => !line.startsWith('//') && !line.startsWith('#!'));
  process.stdout.write(`${lines.slice(lines[0].startsWith('#!') ? 1 : 0, end).map((l) => l.replace(/^\/\/ ?/, '')).join('\n')}\n`);
}
