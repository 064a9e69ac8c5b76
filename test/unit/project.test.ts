import { deepStrictEqual } from 'node:assert';
import path from 'node:path';
import type { Finding } from '../../src/analysis/model';
import { markdownHeadings } from '../../src/analysis/project/markdown';
import { projectFileKind } from '../../src/analysis/project';
import { PROJECT_SIGNALS } from '../../src/analysis/project/signals';
import { scanDirectory } from '../../src/cli/scan';

const FIXTURES = path.resolve('test/fixtures/project');
const PROJECT_IDS = new Set([...PROJECT_SIGNALS.map((s) => s.id), 'env-config', 'lint-levels']);

function line(f: Finding): string {
  const { start, end } = f.range;
  return `${f.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.rule} (${f.polarity}) ${f.message}`;
}

/** The project's findings of a fixture folder, scanned as the CLI scans a take-home. */
async function projectFindings(folder: string): Promise<string[]> {
  const report = await scanDirectory(path.join(FIXTURES, folder), { threads: 0, bundleDir: path.resolve('dist') });
  return report.findings.filter((f) => PROJECT_IDS.has(f.rule)).map(line);
}

describe('markdown headings', () => {
  it('reads ATX and setext headings, outside code blocks, without their markup', () => {
    const text = ['Title', '=====', '', '## *Design* ##', '```sh', '# not a heading', '```', '- item', '---', 'Sub', '---', '    # indented code', '#not-a-heading', '### [Limits](#limits)'].join('\n');
    deepStrictEqual(
      markdownHeadings(text).map((h) => [h.level, h.text, h.line, text.slice(h.start, h.end)]),
      [
        [1, 'Title', 0, 'Title'],
        [2, 'Design', 3, '## *Design* ##'],
        [2, 'Sub', 9, 'Sub'],
        [3, 'Limits', 13, '### [Limits](#limits)'],
      ],
    );
  });

  it('keeps a fence open until a fence of the same kind and at least its length', () => {
    deepStrictEqual(markdownHeadings('````\n```\n# in code\n````\n# out\n').map((h) => h.text), ['out']);
    deepStrictEqual(markdownHeadings('~~~\n# in code\n').map((h) => h.text), []);
  });
});

describe('project files', () => {
  it('knows the files around the code by their paths', () => {
    const kinds = [
      'README.md', 'app/Readme', 'Cargo.lock', '.rustfmt.toml', 'clippy.toml', '.github/workflows/ci.yaml', '.gitlab-ci.yml', 'Dockerfile',
      'docker/api.Dockerfile', 'compose.yaml', 'deploy/k8s.yml', 'config.example.toml', '.env.example',
      // Not project files: code, a CI file out of place, an environment file with secrets, any YAML.
      'src/config.rs', 'ci/.gitlab-ci.yml', '.env', 'data.yaml', 'notes/readme-later.txt',
    ].map((file) => [file, projectFileKind(file) ?? '-']);
    deepStrictEqual(kinds, [
      ['README.md', 'readme'], ['app/Readme', 'readme'], ['Cargo.lock', 'lockfile'], ['.rustfmt.toml', 'lint-config'], ['clippy.toml', 'lint-config'],
      ['.github/workflows/ci.yaml', 'ci'], ['.gitlab-ci.yml', 'ci'], ['Dockerfile', 'deployment'], ['docker/api.Dockerfile', 'deployment'],
      ['compose.yaml', 'deployment'], ['deploy/k8s.yml', 'deployment'], ['config.example.toml', 'config'], ['.env.example', 'config'],
      ['src/config.rs', '-'], ['ci/.gitlab-ci.yml', '-'], ['.env', '-'], ['data.yaml', '-'], ['notes/readme-later.txt', '-'],
    ]);
  });
});

describe('the project around the code', () => {
  it('finds a documented, tooled and deployable project at its headings and lines', async () => {
    deepStrictEqual(await projectFindings('documented'), [
      '.env.example:1:1-1:23 config-file (strength) configuration: `.env.example`, `config.example.toml`',
      '.github/workflows/ci.yml:9:7-9:40 ci-workflow (strength) CI in `.github/workflows/ci.yml` runs `cargo fmt`, `cargo clippy` and the tests',
      '.github/workflows/ci.yml:11:7-11:39 ci-runs-tests (strength) CI runs the tests: `cargo test --all-features`',
      'Cargo.lock:1:1-1:1 cargo-lock (strength) `Cargo.lock` pins the dependencies of the binary `src/main.rs`',
      'Cargo.toml:1:1-1:10 examples (strength) examples: `examples/replay.rs`',
      'Cargo.toml:12:1-12:10 benchmarks (strength) benchmarks: `benches/append.rs` with `criterion`',
      'Cargo.toml:16:1-16:13 lints-table (strength) `[lints.rust]` sets lint levels for the package',
      'Dockerfile:1:1-1:24 deployment-files (strength) deployment: `Dockerfile`, `compose.yaml`',
      'README.md:6:1-6:19 readme-how-to-run (strength) the README has a section on how to run the project: "Getting started"',
      'README.md:13:1-13:16 readme-design (strength) the README has a section on the design or architecture: "Architecture"',
      'README.md:17:1-17:35 readme-trade-offs (strength) the README has a section on trade-offs or decisions: "Design decisions and trade-offs"',
      'README.md:21:1-21:16 readme-assumptions (strength) the README has a section on its assumptions: "Assumptions"',
      'README.md:25:1-25:21 readme-limitations (strength) the README has a section on its limitations or known issues: "Known limitations"',
      'README.md:29:1-29:8 readme-testing (strength) the README has a section on testing: "Testing"',
      'README.md:34:1-34:37 readme-future-work (strength) the README has a section on what the candidate would do with more time: "What I would do with more time"',
      'clippy.toml:1:1-1:33 lint-config (strength) `clippy.toml` configures Clippy',
      'deploy/ledger.yaml:1:1-1:20 deployment-files (strength) deployment: `ledger.yaml`',
      'rustfmt.toml:1:1-1:16 lint-config (strength) `rustfmt.toml` configures rustfmt',
      'src/main.rs:2:16-2:44 env-config (strength) reads "LEDGER_PATH" from the environment',
    ]);
  });

  it('says when a binary has no README and no committed Cargo.lock, and reads nothing under target/', async () => {
    deepStrictEqual(await projectFindings('bare'), [
      'Cargo.toml:1:1-1:10 missing-cargo-lock (info) no `Cargo.lock` for the binary `src/main.rs`',
      'Cargo.toml:1:1-1:10 readme-missing (info) no README at the root or beside `Cargo.toml`',
    ]);
  });

  it('asks no lockfile of a library, and reads only the READMEs beside a manifest', async () => {
    deepStrictEqual(await projectFindings('library'), [
      'readme.md:1:1-1:8 readme-gaps (info) no README section on running it, design, trade-offs, assumptions, limitations or future work',
    ]);
  });

  it('finds a workspace lockfile and lint table for its members, and the sections of every README', async () => {
    deepStrictEqual(await projectFindings('workspace'), [
      'Cargo.lock:1:1-1:1 cargo-lock (strength) `Cargo.lock` pins the dependencies of the binary `app/src/main.rs`',
      'Cargo.toml:4:1-4:25 lints-table (strength) `[workspace.lints.clippy]` sets lint levels for the workspace',
      'README.md:1:1-1:12 readme-gaps (info) no README section on design, trade-offs, assumptions or future work',
      'README.md:3:1-3:9 readme-how-to-run (strength) the README has a section on how to run the project: "Usage"',
      'app/Cargo.toml:6:1-6:8 lints-table (strength) the package takes its lint levels from `[workspace.lints]`',
      'app/README.md:3:1-3:15 readme-limitations (strength) the README has a section on its limitations or known issues: "Limitations"',
      'core/Cargo.toml:5:1-5:23 lints-table (strength) the package takes its lint levels from `[workspace.lints]`',
    ]);
  });
});
