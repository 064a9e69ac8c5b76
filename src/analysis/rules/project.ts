import { codeLines, FUNCTION_QUERY, isDocumentable, isPublic, PUBLIC_ITEM_QUERY } from '../syntax';
import type { Node } from 'web-tree-sitter';
import { normalisePath, perMatch, rule, type Rule, type RuleContext } from './rule';

/** Clippy's `too_many_lines` (pedantic) allows 100 lines of code by default: the bar a Rust reviewer knows. */
export const LONG_FUNCTION_LINES = 100;

/** Lints and groups whose blanket `allow` hides whole kinds of mistakes, not one reviewed case. */
/** Lints whose allow silences every warning, or Clippy's groups of likely bugs: a concern in any module. */
const BLANKET_LINTS = new Set(['warnings', 'clippy::all', 'clippy::correctness', 'clippy::suspicious']);
/**
 * Lints of unused code: allowed for a crate, they hide leftovers; allowed for a module, they are
 * often how code used only under some features or cfgs stays quiet (tokio's `poll_fn`, its loom
 * shim). An inner attribute does not say which: the file may be the crate root or a module.
 */
const UNUSED_CODE_LINTS = new Set(['unused', 'dead_code']);

/** The lints an attribute's arguments name, without white space. */
function lintsOf(lints: Node, ctx: RuleContext): string[] {
  return ctx
    .text(lints)
    .slice(1, -1)
    .split(',')
    .map((lint) => lint.replace(/\s+/g, ''))
    .filter((lint) => lint !== '');
}

/** The lints of an inner `#![allow(..)]` that are in the set. */
function allowedOf(lints: Node, set: ReadonlySet<string>, ctx: RuleContext): string[] {
  return lintsOf(lints, ctx).filter((lint) => set.has(lint));
}

/** A file's own `#![deny(..)]`, `#![warn(..)]` or `#![forbid(..)]`, at its top level: the lints it names, split by whether they are `warnings`. */
const crateLintLevel = perMatch(({ captures }, ctx) => {
  if (!captures.args || captures.attribute.parent?.type !== 'source_file' || ctx.isInMacroArguments(captures.attribute)) return undefined;
  const lints = lintsOf(captures.args, ctx);
  const level = ctx.text(captures.site);
  // A denied `unsafe_code` is deny-unsafe-code's own strength.
  const named = lints.filter((l) => l !== 'warnings' && !(l === 'unsafe_code' && level !== 'warn'));
  return { level, warnings: lints.filter((l) => l === 'warnings'), named };
});

const LINT_LEVELS = ['deny', 'warn', 'forbid'];

/** Calls that read the process's environment, or a `.env` file into it, as the program's configuration. */
const ENV_CONFIG = /^(::)?(std::)?env::(var|var_os|vars)$|^(dotenvy?|envy)::(dotenv|from_env|from_filename|prefixed)$/;

export const projectRules: Rule[] = [
  rule({
    id: 'long-function',
    category: 'project',
    polarity: 'info',
    severity: 'hint',
    message: `a function with over ${LONG_FUNCTION_LINES} lines of code`,
    explanation:
      'This function has more lines of code (blank and comment lines not counted) than the 100 that Clippy\'s pedantic `too_many_lines` allows by default. Length alone is not a fault: a long `match` or a state machine can read well in one place, but a long body often mixes parsing, I/O, state changes and error handling.',
    question: 'What are the steps of this function? Would any of them be worth testing on its own?',
    // The engine's own pattern for functions: the same text, so the combined query matches it once.
    match: { query: FUNCTION_QUERY },
    check: ({ captures }) => {
      // A body of no more lines than the limit cannot hold more lines of code: count only longer ones.
      if (captures.body.endPosition.row - captures.body.startPosition.row + 1 <= LONG_FUNCTION_LINES) return false;
      const lines = codeLines(captures.body);
      const { name } = captures;
      return lines > LONG_FUNCTION_LINES && { message: `\`${name.text}\` has ${lines} lines of code`, start: name, end: name };
    },
  }),
  rule({
    id: 'undocumented-pub',
    category: 'project',
    polarity: 'concern',
    severity: 'hint',
    weight: 0.25,
    message: 'a public item without a doc comment',
    explanation:
      'rustc\'s `missing_docs` lint (allowed by default) asks for documentation on what a library exports, and the API Guidelines ask for thorough crate docs (C-CRATE-DOC) and, within reason, an example on every public item (C-EXAMPLE). A `pub` item in a binary, or in a module no public path reaches, is not exported: there, a missing comment is a matter of taste, not of API.',
    question: 'How would a new teammate learn what this is for?',
    match: { query: PUBLIC_ITEM_QUERY },
    check: ({ captures }, ctx) => {
      if (!isDocumentable(captures.item) || !isPublic(captures.visibility) || ctx.isDocumented(captures.item)) return false;
      const name = captures.item.childForFieldName('name');
      // The name is the subject: whether a public path reaches it is a question for the crate model.
      return name ? { message: `public \`${name.text}\` has no doc comment`, start: name, end: name, subject: name.text } : true;
    },
  }),
  rule({
    id: 'blanket-allow',
    category: 'project',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: 'a crate- or module-wide `allow` of warnings',
    explanation:
      'An inner `#![allow(..)]` of `warnings` or of Clippy\'s groups (`clippy::all`, `clippy::correctness`, `clippy::suspicious`) turns the compiler\'s or Clippy\'s checks off for all the code below it: the lints that catch likely bugs go unreported. (An allow of unused code alone is the info signal `allow-unused-code`.) An `#[allow(..)]` on the one item that needs it, or `#[expect(.., reason = "..")]` (Rust 1.81), keeps the rest checked.',
    question: 'Which warnings did this silence, and why were they not fixed or allowed where they occur?',
    match: { innerAttributes: ['allow'] },
    check: ({ captures }, ctx) => {
      const blanket = captures.args ? allowedOf(captures.args, BLANKET_LINTS, ctx) : [];
      return blanket.length > 0 && { message: `\`#![allow(${blanket.join(', ')})]\` silences these warnings for everything below it`, subject: blanket.join(','), start: captures.meta, end: captures.meta };
    },
  }),
  rule({
    id: 'allow-unused-code',
    category: 'project',
    polarity: 'info',
    severity: 'hint',
    message: 'a crate- or module-wide `allow` of unused code',
    explanation:
      'An inner `#![allow(dead_code)]` or `#![allow(unused)]` stops the compiler from reporting unused code below it. For a whole crate it hides leftovers; for a module it is often how code that only some features or cfgs use stays quiet, though `#[cfg_attr(not(feature = ..), allow(dead_code))]` or an `allow` on the item says so more precisely.',
    question: 'What code here is unused, and why is it kept? Is it used only under some features?',
    match: { innerAttributes: ['allow'] },
    check: ({ captures }, ctx) => {
      if (!captures.args || allowedOf(captures.args, BLANKET_LINTS, ctx).length > 0) return false;
      const unused = allowedOf(captures.args, UNUSED_CODE_LINTS, ctx);
      return unused.length > 0 && { message: `\`#![allow(${unused.join(', ')})]\` silences unused-code warnings for everything below it`, subject: unused.join(','), start: captures.meta, end: captures.meta };
    },
  }),
  rule({
    id: 'lint-levels',
    category: 'project',
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    message: 'a crate-level `#![deny(..)]` or `#![warn(..)]` of named lints',
    explanation:
      'An inner `#![warn(..)]`, `#![deny(..)]` or `#![forbid(..)]` at the top of a crate raises lints the compiler or Clippy leave quiet by default (`missing_docs`, `unsafe_code`, `clippy::pedantic`, `rust_2018_idioms`): the candidate chose a stricter standard and holds the code to it.',
    question: 'Why these lints? Which of them changed the code you wrote?',
    match: { innerAttributes: LINT_LEVELS },
    check: (match, ctx) => {
      const found = crateLintLevel(match, ctx);
      return !!found && found.named.length > 0 && { message: `\`#![${found.level}(${found.named.join(', ')})]\` holds the code below it to these lints`, subject: found.named.join(','), start: match.captures.meta, end: match.captures.meta };
    },
  }),
  rule({
    id: 'deny-warnings',
    category: 'project',
    polarity: 'info',
    severity: 'hint',
    message: '`#![deny(warnings)]` in the source',
    explanation:
      'Denying all warnings in the source makes the build fail whenever a new compiler or Clippy adds a warning, for everyone who builds the crate (an anti-pattern in the Rust Design Patterns book). Passing `-D warnings` through `RUSTFLAGS` in CI keeps warnings out of the code without breaking other builds.',
    question: 'What happens to a user of this crate when the next Rust release adds a warning?',
    match: { innerAttributes: LINT_LEVELS },
    check: (match, ctx) => {
      const found = crateLintLevel(match, ctx);
      return !!found && found.level !== 'warn' && found.warnings.length > 0 && { message: `\`#![${found.level}(warnings)]\` fails the build on any new warning`, start: match.captures.meta, end: match.captures.meta };
    },
  }),
  rule({
    id: 'env-config',
    category: 'project',
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    message: 'reads its configuration from the environment',
    explanation:
      'The program takes settings from environment variables (`std::env::var`, or a `.env` file through `dotenvy`/`envy`): the same build runs in another setting without a change to the code, as twelve-factor apps and containers expect.',
    question: 'What happens when this variable is missing or malformed? Where is it documented?',
    questionTemplate: 'What happens when `{subject}` is missing or malformed? Where is it documented?',
    contexts: ['code'],
    match: { calls: ['var', 'var_os', 'vars', 'dotenv', 'from_env', 'from_filename', 'prefixed'] },
    check: ({ captures }, ctx) => {
      if (!ENV_CONFIG.test(ctx.resolvePath(normalisePath(ctx.text(captures.callee))))) return false;
      const name = captures.args.namedChildren[0];
      const subject = name?.type === 'string_literal' ? ctx.text(name) : undefined;
      return { start: captures.call, end: captures.call, ...(subject ? { subject, message: `reads ${subject} from the environment` } : {}) };
    },
  }),
];
