import type { Node } from 'web-tree-sitter';
import { isComment, UNSAFE_BLOCK_QUERY } from '../syntax';
import { lastSegment, normalisePath, perMatch, rule, type Rule, type RuleContext, type RuleMatch } from './rule';

const SAFETY_COMMENT = /\bSAFETY\s*:/i;

/** Unsafe functions that skip a check their safe counterpart makes, with that counterpart. */
const SAFE_COUNTERPARTS: Record<string, string> = {
  from_utf8_unchecked: '`from_utf8`, which validates the bytes',
  get_unchecked: '`get` or indexing, which check the bounds',
  get_unchecked_mut: '`get_mut` or indexing, which check the bounds',
  set_len: '`truncate`, `resize` or `extend`, which keep every element initialised',
  transmute: 'a typed conversion (`from_bits`, `from_ne_bytes`, `as`, `From`)',
  unwrap_unchecked: '`unwrap`, `expect` or a `match`',
};

/** Where the statement around an `unsafe` block ends and its leading comments begin. */
const STATEMENT_PARENTS = new Set(['block', 'declaration_list', 'source_file']);

/**
 * Whether a `// SAFETY:` comment justifies the `unsafe` block: above its statement or first in the
 * block (the context's leading comments), or just before the block or one of the expressions
 * that hold it within the statement, as clippy's `undocumented_unsafe_blocks` accepts too: a
 * closure's body (`|x| // SAFETY: ..\n unsafe { .. }`), an `else if unsafe { .. }` under a comment.
 */
function hasSafetyComment(site: Node, ctx: RuleContext): boolean {
  if (ctx.leadingComments(site).some((c) => SAFETY_COMMENT.test(c))) return true;
  // Each parent is a walk down from the root: looked up once per step.
  for (let node = site.parent, above = node?.parent; node && above && !STATEMENT_PARENTS.has(above.type); node = above, above = node.parent) {
    for (let p = node.previousNamedSibling; p && isComment(p); p = p.previousNamedSibling) {
      if (SAFETY_COMMENT.test(ctx.text(p))) return true;
    }
    // `} else if unsafe { .. }`: a comment above the `}` is the last thing in the block before `else`.
    const before = node.type === 'else_clause' ? node.previousNamedSibling : null;
    for (let p = before?.type === 'block' ? before.lastNamedChild : null; p && isComment(p); p = p.previousNamedSibling) {
      if (SAFETY_COMMENT.test(ctx.text(p))) return true;
    }
  }
  return false;
}

/** Both rules of an `unsafe` block ask this of the same match: answered once. */
const safetyCommented = perMatch(({ captures }: RuleMatch, ctx: RuleContext) => hasSafetyComment(captures.site, ctx));

export const unsafeRules: Rule[] = [
  rule({
    id: 'unsafe-without-safety',
    category: 'unsafe',
    polarity: 'concern',
    severity: 'warning',
    weight: 1.5,
    message: '`unsafe` block without a `// SAFETY:` comment',
    explanation:
      'An `unsafe` block asks the reader to trust that the code upholds invariants the compiler cannot check. The convention (and Clippy\'s `undocumented_unsafe_blocks`) is a `// SAFETY:` comment that argues why. In a take-home, unexplained `unsafe` is a serious concern.',
    question: 'Which invariant makes this `unsafe` block sound? Could it be written without `unsafe`?',
    match: { query: UNSAFE_BLOCK_QUERY },
    check: (match, ctx) => !safetyCommented(match, ctx),
  }),
  rule({
    id: 'unsafe-with-safety',
    category: 'unsafe',
    polarity: 'info',
    severity: 'hint',
    message: '`unsafe` block with a `// SAFETY:` justification',
    explanation: 'This `unsafe` block states why it is sound. Check that the argument holds.',
    question: 'Walk me through the safety argument: what would break it?',
    match: { query: UNSAFE_BLOCK_QUERY },
    check: (match, ctx) => safetyCommented(match, ctx),
  }),
  rule({
    id: 'unsafe-shortcut',
    category: 'unsafe',
    polarity: 'info',
    severity: 'hint',
    message: 'an unsafe call that skips a check a safe form makes',
    explanation:
      'This call skips a check that its safe counterpart makes: UTF-8 validation, a bounds check, initialisation of the new length, a conversion the types vouch for. If the assumption it rests on is ever false, the behaviour is undefined, where the safe form would return an error or panic. Whether the check costs enough to matter is a question of measurement.',
    question: 'Was the safe form measured to be too slow here? What guarantees the assumption this call makes?',
    match: [{ calls: ['from_utf8_unchecked', 'transmute'] }, { methods: ['get_unchecked', 'get_unchecked_mut', 'set_len', 'unwrap_unchecked'] }],
    check: ({ captures }, ctx) => {
      // Only in unsafe code can this be std's unsafe function: a method of the crate's own that
      // shares a name (a safe `set_len`) is called elsewhere too.
      if (!ctx.isInUnsafeCode(captures.site)) return false;
      const name = lastSegment(normalisePath(ctx.text(captures.site)));
      return { message: `\`${name}\` skips a check; the safe form is ${SAFE_COUNTERPARTS[name]}`, subject: name };
    },
  }),
  rule({
    id: 'deny-unsafe-code',
    category: 'unsafe',
    polarity: 'strength',
    severity: 'hint',
    weight: 2,
    message: '`unsafe_code` denied: the compiler rejects `unsafe` here',
    explanation:
      'With `#![forbid(unsafe_code)]` the compiler rejects every `unsafe` block, function and impl in the crate (or the module it heads), and no `allow` further in can lift it. `#![deny(unsafe_code)]` does the same, except where an `#[allow(unsafe_code)]` marks a reviewed exception. Either way the candidate states where `unsafe` may be, and makes it checkable.',
    question: 'Was there a point where `unsafe` was tempting? What did you do instead?',
    match: { innerAttributes: ['forbid', 'deny'] },
    check: ({ captures }, ctx) => {
      const lints = captures.args?.namedChildren ?? [];
      if (!lints.some((lint) => lint?.type === 'identifier' && ctx.text(lint) === 'unsafe_code')) return false;
      const at = { start: captures.meta, end: captures.meta };
      return ctx.text(captures.site) === 'forbid' ? at : { ...at, message: '`#![deny(unsafe_code)]`: `unsafe` only where an `#[allow(unsafe_code)]` marks it' };
    },
  }),
];
