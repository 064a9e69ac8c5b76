import { basename } from '../crate/paths';
import type { Finding } from '../model';
import { firstLine, projectFinding } from './finding';
import type { ProjectFile } from './files';
import { ciRunsTests, ciWorkflow, lintConfig, lintsTable } from './signals';

/** What a CI configuration may run, each by the commands (or the actions' inputs) that run it. */
const CI_CHECKS: { name: string; pattern: RegExp }[] = [
  { name: '`cargo fmt`', pattern: /\bcargo\s+(\+\S+\s+)?fmt\b|\brustfmt\b|\bcommand:\s*fmt\b/ },
  { name: '`cargo clippy`', pattern: /\bcargo\s+(\+\S+\s+)?clippy\b|\bclippy-check\b|\bcommand:\s*clippy\b/ },
  { name: 'the tests', pattern: /\bcargo\s+(\+\S+\s+)?(test|nextest|tarpaulin|llvm-cov)\b|\bcommand:\s*test\b/ },
];

/** The offsets of the first line holding `pattern`, from its first character that is not blank, outside `#` comments. */
function lineOf(text: string, pattern: RegExp): [start: number, end: number] | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const code = line.replace(/(^|\s)#.*$/, '');
    if (pattern.test(code)) {
      const start = offset + line.search(/\S/);
      return [start, offset + line.trimEnd().length];
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** A CI configuration: a strength naming what it runs, at the first line that runs one of the checks, and one more when it runs the tests. */
export function ciFindings(ci: ProjectFile): Finding[] {
  const text = ci.text ?? '';
  const found = CI_CHECKS.map((check) => ({ ...check, at: lineOf(text, check.pattern) }));
  const runs = found.filter((check) => check.at);
  const [start, end] = runs.map((check) => check.at as [number, number]).sort((a, b) => a[0] - b[0])[0] ?? firstLine(text);
  const names = runs.map((check) => check.name);
  const message = names.length === 0 ? `CI in \`${ci.file}\` (it runs no \`cargo fmt\`, \`clippy\` or tests that can be seen)` : `CI in \`${ci.file}\` runs ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
  const findings = [projectFinding(ciWorkflow, ci.file, text, message, start, end)];
  const tests = found[2].at;
  if (tests) findings.push(projectFinding(ciRunsTests, ci.file, text, `CI runs the tests: \`${text.slice(tests[0], tests[1]).replace(/^-\s*(run:\s*)?/, '')}\``, tests[0], tests[1]));
  return findings;
}

export function lintConfigFinding(config: ProjectFile): Finding {
  const name = basename(config.file);
  const [start, end] = firstLine(config.text);
  const tool = name.includes('clippy') ? 'Clippy' : 'rustfmt';
  return projectFinding(lintConfig, config.file, config.text, `\`${name}\` configures ${tool}`, start, end);
}

/** A `[lints]` or `[workspace.lints]` table, its `[lints.rust]`-style subtables, or a package's `lints.workspace = true`. */
const LINTS_TABLE = /^[ \t]*\[(workspace\.)?lints(\.[\w-]+)?\][ \t]*$|^[ \t]*lints(\.workspace[ \t]*=[ \t]*true|[ \t]*=[ \t]*\{[^}\n]*workspace[ \t]*=[ \t]*true)/m;

/** A manifest's `[lints]` table, at its first line. */
export function lintsTableFindings(file: string, text: string): Finding[] {
  const match = LINTS_TABLE.exec(text);
  if (!match) return [];
  const start = match.index + match[0].search(/\S/);
  const declared = match[0].trim();
  // `[lints]` holding `workspace = true` before the next table inherits, as `lints.workspace = true` does.
  const body = text.slice(match.index + match[0].length).split(/^[ \t]*\[/m)[0];
  const inherited = !declared.startsWith('[') || (declared === '[lints]' && /^[ \t]*workspace[ \t]*=[ \t]*true/m.test(body));
  const message = inherited ? 'the package takes its lint levels from `[workspace.lints]`' : `\`${declared}\` sets lint levels for ${match[1] ? 'the workspace' : 'the package'}`;
  return [projectFinding(lintsTable, file, text, message, start, match.index + match[0].length)];
}
