import type { SignalInfo } from '../model';

/**
 * Signals of the project around the code: its README, its tooling and how it would run. A reviewer
 * reads these from the files beside the Rust; the hiring guide's senior signals (architecture,
 * operations, trade-offs) show there as much as in the code.
 */

const readmeSection = (id: string, topic: string, explanation: string, question: string, category: SignalInfo['category'] = 'project'): SignalInfo => ({
  id,
  category,
  polarity: 'strength',
  severity: 'hint',
  // A strength counts once per kind in the suggestion; its weight orders the evidence shown.
  weight: 1,
  message: `the README has a section on ${topic}`,
  explanation,
  question,
});

export const readmeMissing: SignalInfo = {
  id: 'readme-missing',
  category: 'project',
  polarity: 'info',
  severity: 'hint',
  message: 'no README beside the crate',
  explanation:
    'There is no README at the root or beside a `Cargo.toml`. A take-home is read by strangers: a README is where the candidate says how to run it, how it is built and what was left out. Its absence says nothing about the code, but leaves those questions for the interview.',
  question: 'How should someone new run this, and what would you want them to know before reading the code?',
};

export const readmeRun = readmeSection(
  'readme-how-to-run',
  'how to run the project',
  'The README says how to build, run or use the project: a reviewer can try it without guessing the arguments, and the candidate thought about the person who runs it next.',
  'What does a new user need installed or configured before this runs?',
);

export const readmeDesign: SignalInfo = {
  ...readmeSection(
    'readme-design',
    'the design or architecture',
    'The README explains how the project is put together. The hiring guide counts explaining architecture among the signs of a senior engineer: the reviewer can check the code against what the candidate meant it to be.',
    'Which part of this design would you change first if the requirements grew?',
  ),
  // The guide counts explaining the architecture, and why, among a senior engineer's signs.
  weight: 1.5,
};

export const readmeTradeOffs: SignalInfo = {
  ...readmeSection(
    'readme-trade-offs',
    'trade-offs or decisions',
    'The README weighs choices against their alternatives. The strongest candidates explain why, not only what; this section is where they say it.',
    'Which of these decisions are you least sure of, and what would change your mind?',
  ),
  weight: 1.5,
};

export const readmeAssumptions = readmeSection(
  'readme-assumptions',
  'its assumptions',
  'The README states what the candidate assumed where the assignment was silent. It shows they noticed the gaps in the specification and decided them on purpose.',
  'Which assumption, if wrong, would change the design most?',
);

export const readmeLimitations = readmeSection(
  'readme-limitations',
  'its limitations or known issues',
  'The README says what does not work or was left out. Knowing the limits of one\'s own work, and saying so, is what a reviewer wants to see before finding them in the code.',
  'Which of these limitations would you fix first, and how?',
);

export const readmeFutureWork = readmeSection(
  'readme-future-work',
  'what the candidate would do with more time',
  'The README lists what would come next. It shows how the candidate ranks the remaining work, a question for the interview in itself.',
  'Why this order? What would you do with one more day?',
);

export const readmeTesting = readmeSection(
  'readme-testing',
  'testing',
  'The README says how the project is tested or how to run its tests: the candidate treats testing as part of the deliverable, and the reviewer knows which tests to look for.',
  'What do these tests not cover, and how would you test that?',
  'testing',
);

export const readmeGaps: SignalInfo = {
  id: 'readme-gaps',
  category: 'project',
  polarity: 'info',
  severity: 'hint',
  message: 'the README has no section on some topics a reviewer looks for',
  explanation:
    'No heading of the README speaks of some of: how to run the project, its design, trade-offs, assumptions, limitations, and what the candidate would do with more time. They may be covered in prose, or not at all: a question for the interview rather than a fault of the code.',
  question: 'What trade-offs did you make, what did you assume, and what would you do with more time?',
};

export const ciWorkflow: SignalInfo = {
  id: 'ci-workflow',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 1.5,
  message: 'continuous integration is configured',
  explanation:
    'The repository has a CI configuration. What it runs matters most: `cargo fmt --check` and `cargo clippy` keep style and likely bugs in check on every change, as a team would expect.',
  question: 'What does CI check, and what would you add before others contribute?',
};

export const ciRunsTests: SignalInfo = {
  id: 'ci-runs-tests',
  category: 'testing',
  polarity: 'strength',
  severity: 'hint',
  weight: 1.5,
  message: 'CI runs the tests',
  explanation: 'The CI configuration runs `cargo test` (or `cargo nextest`): the tests are run on every change, not only when the author remembers.',
  question: 'Which tests would you not run on every change, and why?',
};

export const lintConfig: SignalInfo = {
  id: 'lint-config',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 1,
  message: 'a `rustfmt.toml` or `clippy.toml` configures the tools',
  explanation: 'The candidate configured `rustfmt` or Clippy for the project: the formatting and lints were decided, not left to whoever runs them.',
  question: 'Why these settings rather than the defaults?',
};

export const lintsTable: SignalInfo = {
  id: 'lints-table',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 1,
  message: 'a `[lints]` table sets the lint levels in `Cargo.toml`',
  explanation:
    "A `[lints]` table (Cargo 1.74) sets rustc's and Clippy's lint levels for the package in one place, for every target, and `[workspace.lints]` for a whole workspace.",
  question: 'Which of these lints caught something while you wrote this?',
};

export const cargoLock: SignalInfo = {
  id: 'cargo-lock',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 0.5,
  message: '`Cargo.lock` is committed for a binary',
  explanation:
    "The Cargo book advises committing `Cargo.lock` for an end product such as a binary: everyone, CI included, builds with the same versions of the dependencies.",
  question: 'How would you keep these dependencies up to date, and know when one has a security advisory?',
};

export const missingCargoLock: SignalInfo = {
  id: 'missing-cargo-lock',
  category: 'project',
  polarity: 'info',
  severity: 'hint',
  message: 'a binary without a committed `Cargo.lock`',
  explanation:
    "The package builds a binary, and no `Cargo.lock` is in the repository (or `.gitignore` leaves it out). The Cargo book advises committing it for binaries so builds are reproducible; a library need not. For a take-home sent as an archive this is a small matter.",
  question: 'Would a build of this next month use the same dependency versions as yours?',
};

export const deploymentFiles: SignalInfo = {
  id: 'deployment-files',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 1,
  message: 'a Dockerfile or deployment configuration',
  explanation: 'The project says how it would be packaged or deployed: the operations the hiring guide counts among senior signals.',
  question: 'How would you run this in production, and how would you know it is healthy?',
};

export const benchmarks: SignalInfo = {
  id: 'benchmarks',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 1.5,
  message: 'the package has benchmarks',
  explanation: 'Benchmarks under `benches/` (with `criterion` or the like) show the candidate measured performance rather than guessing at it.',
  question: 'What did the benchmarks show, and what did you change because of them?',
};

export const examples: SignalInfo = {
  id: 'examples',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 1,
  message: 'the package has examples',
  explanation: 'Programs under `examples/` show how the crate is meant to be used, and `cargo test` builds them, so they stay current (the API Guidelines\' C-EXAMPLE).',
  question: 'Which use of this crate do these examples leave out?',
};

export const configFile: SignalInfo = {
  id: 'config-file',
  category: 'project',
  polarity: 'strength',
  severity: 'hint',
  weight: 1,
  message: 'a configuration file or an example of one',
  explanation: 'The project ships a configuration file (or an `.env.example`): what can be set is written down, and the program can be run in more than one setting without changing code.',
  question: 'What happens when a setting is missing or invalid?',
};

/** The signals of the files around the code, in the order of the README's table. */
export const PROJECT_SIGNALS: readonly SignalInfo[] = [
  readmeMissing,
  readmeRun,
  readmeDesign,
  readmeTradeOffs,
  readmeAssumptions,
  readmeLimitations,
  readmeFutureWork,
  readmeTesting,
  readmeGaps,
  ciWorkflow,
  ciRunsTests,
  lintConfig,
  lintsTable,
  cargoLock,
  missingCargoLock,
  deploymentFiles,
  benchmarks,
  examples,
  configFile,
];
