// Writes the history bench's workspace into an empty folder: a small crate whose repository has
// 10,000 commits (the first by the hiring team, tagged `start`; each later one changes one of 20
// files), built in one `git fast-import` stream, which writes one pack as a clone would.
//   node out/test/integration/historyBench/generate.js <empty folder> [commits]
import { execFileSync } from 'node:child_process';
import { generateFromCommandLine } from '../support/generateMain';

const FILES = 20;

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function fileText(file: number, step: number): string {
  return `/// Changed in step ${step}.\npub fn value_${file}() -> u32 {\n    ${step}\n}\n`;
}

/** The fast-import stream of `commits` commits on main, an hour apart from 1 March 2026. */
export function historyStream(commits: number): string {
  const start = Date.parse('2026-03-01T09:00:00Z') / 1000;
  const parts: string[] = [];
  for (let i = 1; i <= commits; i++) {
    const who = i === 1 ? 'Hiring Team <jobs@example.com>' : 'Casey Candidate <casey@example.com>';
    const when = `${start + i * 60} +0100`;
    parts.push(`commit refs/heads/main\nmark :${i}\nauthor ${who} ${when}\ncommitter ${who} ${when}\n`);
    parts.push(data(i === 1 ? 'Starter code' : i % 7 === 0 ? 'wip' : `Step ${i}: change value ${i % FILES}`));
    if (i > 1) parts.push(`from :${i - 1}\n`);
    if (i === 1) {
      parts.push(`M 100644 inline Cargo.toml\n${data('[package]\nname = "steps"\nversion = "0.1.0"\nedition = "2021"\n')}`);
      const mods = Array.from({ length: FILES }, (_, f) => `pub mod m${f};\n`).join('');
      parts.push(`M 100644 inline src/lib.rs\n${data(mods)}`);
      for (let f = 0; f < FILES; f++) parts.push(`M 100644 inline src/m${f}.rs\n${data(fileText(f, 1))}`);
    } else {
      parts.push(`M 100644 inline src/m${i % FILES}.rs\n${data(fileText(i % FILES, i))}`);
    }
    parts.push('\n');
    if (i === 1) parts.push('reset refs/tags/start\nfrom :1\n\n');
  }
  return parts.join('');
}

export function generateHistoryBenchWorkspace(root: string, commits = 10_000): void {
  const env = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1' };
  const git = (args: string[], input?: string) => execFileSync('git', ['-c', 'gc.auto=0', ...args], { cwd: root, env, input, maxBuffer: 64 * 1024 * 1024 });
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet'], historyStream(commits));
  git(['checkout', '-q', '-f', 'main']);
}

if (require.main === module) {
  generateFromCommandLine('out/test/integration/historyBench/generate.js', (root) => generateHistoryBenchWorkspace(root, Number(process.argv[3] ?? 10_000)));
}
