import type { FileFacts } from './facts/model';

/**
 * The analysis core's vocabulary: what a signal is, what a finding is, and what a scan reports.
 * Everything here is plain data so it can cross a worker boundary or be written as JSON unchanged.
 */

export const CATEGORY_IDS = [
  'error-handling',
  'lifetimes',
  'ownership',
  'concurrency',
  'async',
  'testing',
  'unsafe',
  'observability',
  'project',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const CATEGORY_TITLES: Record<CategoryId, string> = {
  'error-handling': 'Error handling',
  lifetimes: 'Lifetimes',
  ownership: 'Ownership & borrowing',
  concurrency: 'Concurrency',
  async: 'Async',
  testing: 'Testing',
  unsafe: 'Unsafe',
  observability: 'Observability',
  project: 'Project',
};

/** Whether a finding speaks for the candidate, against them, or is a fact the reviewer weighs. */
export type Polarity = 'strength' | 'concern' | 'info';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * Where a finding sits. An unwrap in a test is idiomatic; the same unwrap in `main.rs` is a
 * hiring signal, so every finding carries this.
 */
export type CodeContext = 'code' | 'test' | 'bench' | 'example' | 'build';

/**
 * How a concurrency site shares data, which the guide asks candidates to compare, or that it starts
 * threads or tasks to share it between (`threads`).
 */
export type ConcurrencyModel = 'shared-state' | 'message-passing' | 'threads';

/** What the tests cover beyond happy-path unit tests: the Testing descriptors' words. */
export type TestCoverage = 'error-paths' | 'public-interface' | 'beyond-unit';

/** The metadata half of a rule: everything about a signal except how it is matched. */
export interface SignalInfo {
  id: string;
  category: CategoryId;
  polarity: Polarity;
  severity: Severity;
  /** One line, shown inline in the editor. */
  message: string;
  /** Markdown: why this matters for the hiring decision. */
  explanation: string;
  /** A question the reviewer can put to the candidate about this site. */
  question: string;
  /**
   * The question for one finding, naming what the site is about: `{location}` is its file and
   * line, `{subject}` the finding's subject, `{failure}` what could make the subject fail. A finding
   * without a subject is asked `question`.
   */
  questionTemplate?: string;
  concurrencyModel?: ConcurrencyModel;
  /** Each finding is one test: the rubric judges a category that has such a signal by the tests there are. */
  countsOneTest?: boolean;
  /** A kind of test beyond unit tests that a finding shows the crate has, as a plural label ("property tests"). */
  testKind?: string;
  /**
   * How much one finding weighs in the suggested level, for how sure the signal is and how much it
   * matters: about 1 for an ordinary concern, less for a weak or doubtful one, more for one that is
   * both sure and serious. The rubric weighs concerns per 1,000 lines of code by it, and ranks evidence.
   */
  weight?: number;
  /**
   * A concern sure and serious enough to cap its category whatever else the code shows: one kind of
   * such concern caps the suggestion at "no", two kinds at "strong-no". `'with-threads'` caps only
   * in a crate whose own code starts threads or tasks (a finding of the `threads` model), where the
   * concern is a data race waiting to happen rather than a style.
   */
  caps?: boolean | 'with-threads';
  /**
   * A strength's opposite concern, when the two count the same kind of thing (functions returning a
   * typed error against public ones returning a string, `()` or a boxed `dyn Error`): the strength
   * counts toward breadth only where its findings outnumber the concern's, since it is the share,
   * not one good example, that shows the habit.
   */
  opposedBy?: string;
  /** What a test of this kind shows the tests cover, for the Testing category (see rubric/scoring.ts). */
  testCovers?: readonly TestCoverage[];
}

/** A zero-based position. `character` counts UTF-16 code units, as VS Code and tree-sitter do. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Finding {
  rule: string;
  category: CategoryId;
  polarity: Polarity;
  severity: Severity;
  /** The signal's message, specialised to the site where that helps (e.g. naming the call). */
  message: string;
  file: string;
  range: Range;
  /** UTF-16 offsets into the file's text, for editors that edit by offset. */
  startIndex: number;
  endIndex: number;
  context: CodeContext;
  concurrencyModel?: ConcurrencyModel;
  /**
   * What the finding is about, as written at the site: the receiver of an `.unwrap()`, the path a
   * call names. Questions quote it, and the crate model looks it up, so neither reads the file again.
   */
  subject?: string;
}

/** What a finding says, apart from where it is: all that hints, counts and the crate model's judgements read. */
export type FindingDescription = Omit<Finding, 'range' | 'startIndex' | 'endIndex'>;

/** The order of findings in a file: by start, then end, then rule id. */
export function byPosition(a: Finding, b: Finding): number {
  // Rule ids are lower-case ASCII and hyphens: a code-unit comparison orders them as `localeCompare`
  // did, without the collator, whose first use alone cost a scan 14 ms.
  return a.startIndex - b.startIndex || a.endIndex - b.endIndex || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Test, bench and example code are held to a lower standard than the crate's own code (its library, binaries and build script). */
export function isOwnCode(where: { readonly context: CodeContext }): boolean {
  return where.context === 'code' || where.context === 'build';
}

/** Test code is expected to unwrap and print: of its findings, only the testing signals say how the candidate tests. */
export function isTestNoise(finding: Finding | AnchoredFinding): boolean {
  return finding.context === 'test' && finding.category !== 'testing';
}

/**
 * A finding as its item group holds it, placed relative to the group's anchor (see itemGroups.ts):
 * offsets from the group's start, lines from the group's first line, and characters as on the line
 * but, on the group's first line, from the column the group starts at. An edit that moves a group
 * moves its anchor and leaves these as they are; they are never changed.
 */
export interface AnchoredFinding extends FindingDescription {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export type SkipReason = 'too-large' | 'binary' | 'not-utf8' | 'unreadable' | 'symlink' | 'parse-timeout' | 'analysis-failed';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  detail: string;
}

/** Per-file facts the project summary adds up. */
export interface FileStats {
  lines: number;
  /** Lines of the crate's own code: not blank, not only comments, not test code (see codeLines.ts). */
  codeLines: number;
  functions: number;
  publicItems: number;
  documentedPublicItems: number;
  /** `mod name;` and `mod name { .. }` declarations. */
  modules: number;
  hasSyntaxErrors: boolean;
  /** Characters beyond ASCII, where UTF-16 columns and character columns part ways. */
  hasNonAscii: boolean;
}

export interface FileAnalysis {
  file: string;
  context: CodeContext;
  findings: Finding[];
  stats: FileStats;
  /** What the file tells about its crate: modules, functions, calls (see facts/model.ts). */
  facts: FileFacts;
}

/** A file's analysis apart from its findings, which an open document holds group by group. */
export type FileSummary = Omit<FileAnalysis, 'findings'>;

/** The kinds of Cargo target: what a file compiled into it is for. */
export type TargetKind = 'lib' | 'bin' | 'example' | 'test' | 'bench' | 'build';

/** A target the manifest declares itself (`[lib]`, `[[bin]]` and the like), with its path when given. */
export interface DeclaredTarget {
  kind: TargetKind;
  name?: string;
  path?: string;
}

export interface CrateManifest {
  file: string;
  name?: string;
  edition?: string;
  dependencies: string[];
  devDependencies: string[];
  /** It has a `[package]`: a crate of its own, not only a workspace root. */
  isPackage?: boolean;
  targets?: DeclaredTarget[];
  /** Target kinds whose files Cargo does not discover by its layout (`autobins = false` and the like). */
  noAutodiscovery?: TargetKind[];
  /** Set when the manifest could not be read as TOML; the scan goes on without it. */
  error?: string;
}

export interface ProjectSummary {
  crates: CrateManifest[];
  files: number;
  lines: number;
  /** Lines of the crate's own code (files outside tests, benches and examples; no blank, comment or test lines). */
  codeLines: number;
  modules: number;
  functions: number;
  publicItems: number;
  documentedPublicItems: number;
  filesWithSyntaxErrors: number;
}

export interface ScanReport {
  root: string;
  files: number;
  skipped: SkippedFile[];
  findings: Finding[];
  project: ProjectSummary;
  /** Files with characters beyond ASCII: only their columns need counting again in characters. */
  nonAsciiFiles: string[];
  /** The files of the crate's own code, whose lines `project.codeLines` counts: a baseline counts them again, the starter's lines left out. */
  ownCodeFiles: string[];
}
