import type { Node } from 'web-tree-sitter';
import { childrenOf, isComment } from '../syntax';
import { rule, type Rule, type Matcher, type RuleContext } from './rule';

const EVENT_MACROS = ['info', 'warn', 'error', 'debug', 'trace', 'event'];
const SPAN_MACROS = ['span', 'info_span', 'debug_span', 'warn_span', 'error_span', 'trace_span'];

/** Every call of a `log`/`tracing` macro and every `#[instrument]`: one of the two logging signals takes each. */
const LOGGING_MATCHERS: readonly Matcher[] = [
  { macros: [...EVENT_MACROS, ...SPAN_MACROS] },
  { attributes: ['instrument'] },
];

/** Spans and `#[instrument]` are structure by themselves; an event is when it records fields. */
function isStructured(captures: Record<string, Node>): boolean {
  const macro = captures.macro as Node | undefined;
  if (!macro) return true;
  const name = captures.site.text.replace(/^.*::/, '');
  return SPAN_MACROS.includes(name) || recordsFields(macro);
}

/**
 * Whether an event macro records fields before its message: `key = value`, `?debug`, `%display`
 * or a bare name (tracing), or key-values closed by `;` (log's `kv`). What follows the format
 * string are format arguments, and `target:` or a level is no field.
 */
function recordsFields(macro: Node): boolean {
  const tokenTree = macro.child(macro.childCount - 1);
  const tokens = tokenTree ? childrenOf(tokenTree).slice(1, -1) : [];
  let argument: Node[] = [];
  for (const token of tokens) {
    if (token.type === ';') return true;
    if (token.type === ',') {
      if (isField(argument)) return true;
      argument = [];
    } else if (token.type === 'string_literal' && argument.length === 0) return false;
    else argument.push(token);
  }
  return isField(argument);
}

function isField(argument: readonly Node[]): boolean {
  const [first] = argument;
  if (!first) return false;
  if (first.type === '%' || first.type === '?' || argument.some((token) => token.type === '=')) return true;
  return argument.length === 1 && first.type === 'identifier' && /^[a-z_]/.test(first.text);
}

/** A diagnostic's own prefix, as compilers and tools write them: `warning: ..`, `error: ..`. */
const DIAGNOSTIC_PREFIX = /^"(warning|error|fatal|note)\b/i;

/**
 * Whether a print to stderr is a diagnostic rather than output: its message starts like one, or the
 * next statement aborts or exits, so stderr is the last place the reason can go (rayon's
 * `AbortIfPanic`). A library that reports its own misconfiguration this way (env_logger, which
 * cannot log through itself) may be right to; the syntax cannot tell that from output.
 */
function isStderrDiagnostic(captures: Record<string, Node>, ctx: RuleContext): boolean {
  const macro = captures.macro as Node | undefined;
  if (!macro || !/(^|::)eprint(ln)?$/.test(ctx.text(captures.site))) return false;
  const arguments_ = macro.child(macro.childCount - 1);
  const format = arguments_ && childrenOf(arguments_).find((token) => token.type === 'string_literal');
  if (format && DIAGNOSTIC_PREFIX.test(ctx.text(format))) return true;
  const statement = macro.parent?.type === 'expression_statement' ? macro.parent : macro;
  let next = statement.nextNamedSibling;
  while (next && isComment(next)) next = next.nextNamedSibling;
  return next !== null && /^(::)?(std::)?(process::)?(abort|exit)\s*\(/.test(ctx.text(next).replace(/\s+/g, ''));
}

export const observabilityRules: Rule[] = [
  rule({
    id: 'print-output',
    category: 'observability',
    polarity: 'info',
    severity: 'hint',
    message: '`println!`-style output',
    explanation:
      'Clippy\'s `print_stdout` and `print_stderr` are restriction lints, allowed by default, meant to catch printing left over from debugging. In a binary whose job is to print, this is its output. In library code, printing decides for the caller where output goes. Used as logging, it has no levels and cannot be turned down, where `log` or `tracing` can.',
    question: 'Is this output for the user, or logging? How would an operator filter it?',
    match: { macros: ['println', 'print', 'eprintln', 'eprint'] },
    check: ({ captures }, ctx) => !isStderrDiagnostic(captures, ctx),
    contexts: ['code'],
  }),
  rule({
    id: 'print-diagnostic',
    category: 'observability',
    polarity: 'info',
    severity: 'hint',
    message: 'a diagnostic printed to stderr',
    explanation:
      'This `eprintln!` reports a problem: its message starts `warning:`/`error:`, or the process aborts or exits right after it. In a binary that is how a tool talks to its user. In a library it decides for the caller where the report goes, though sometimes nothing else can: a logger reporting its own bad configuration, a message just before an abort. Returning the error, or a `log`/`tracing` event, leaves the choice to the caller.',
    question: 'Could the caller handle this instead: an error returned, or a log event they can filter?',
    match: { macros: ['eprintln', 'eprint'] },
    check: ({ captures }, ctx) => isStderrDiagnostic(captures, ctx),
    contexts: ['code'],
  }),
  rule({
    id: 'dbg-macro',
    category: 'observability',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: '`dbg!` left in the code',
    explanation: '`dbg!` is a debugging aid that writes to stderr. Left in submitted code, it suggests the work was not tidied before hand-in.',
    question: 'Was this meant to stay in? What would you use instead for diagnostics?',
    match: { macros: ['dbg'] },
  }),
  rule({
    id: 'structured-logging',
    category: 'observability',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    message: 'structured logging: fields or spans',
    explanation:
      'This event records fields (`key = value`, `?debug`, `%display`), or this is a `tracing` span or `#[instrument]`: data a subscriber can filter and query by, and context that follows the request. The candidate thinks about operating the code, not just running it.',
    question: 'What would you look for in these logs when this service misbehaves in production?',
    match: LOGGING_MATCHERS,
    check: ({ captures }, ctx) => isStructured(captures) && { subject: ctx.resolvePath(ctx.text(captures.site)) },
  }),
  rule({
    id: 'log-macro',
    category: 'observability',
    polarity: 'info',
    severity: 'hint',
    message: 'a log message with a format string and no fields',
    explanation:
      'Logging through `log` or `tracing` gives levels and targets that can be turned up or down at run time, which `println!` cannot. A formatted message alone is text, though, not structure: its values cannot be filtered or queried by name as `tracing` fields (or `log` key-values) can.',
    question: 'Which values in this message would you want to search by, and how would you record them?',
    match: LOGGING_MATCHERS,
    check: ({ captures }, ctx) => !isStructured(captures) && { subject: ctx.resolvePath(ctx.text(captures.site)) },
  }),
];
