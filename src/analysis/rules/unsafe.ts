import { rule, type Rule } from './rule';

const SAFETY_COMMENT = /\bSAFETY\s*:/i;

export const unsafeRules: Rule[] = [
  rule({
    id: 'unsafe-without-safety',
    category: 'unsafe',
    polarity: 'concern',
    severity: 'warning',
    message: '`unsafe` block without a `// SAFETY:` comment',
    explanation:
      'An `unsafe` block asks the reader to trust that the code upholds invariants the compiler cannot check. The convention (and Clippy\'s `undocumented_unsafe_blocks`) is a `// SAFETY:` comment that argues why. In a take-home, unexplained `unsafe` is a serious concern.',
    question: 'Which invariant makes this `unsafe` block sound? Could it be written without `unsafe`?',
    match: { query: '(unsafe_block "unsafe" @site)' },
    check: ({ captures }, ctx) => !ctx.leadingComments(captures.site).some((c) => SAFETY_COMMENT.test(c)),
  }),
  rule({
    id: 'unsafe-with-safety',
    category: 'unsafe',
    polarity: 'info',
    severity: 'hint',
    message: '`unsafe` block with a `// SAFETY:` justification',
    explanation: 'This `unsafe` block states why it is sound. Check that the argument holds.',
    question: 'Walk me through the safety argument: what would break it?',
    match: { query: '(unsafe_block "unsafe" @site)' },
    check: ({ captures }, ctx) => ctx.leadingComments(captures.site).some((c) => SAFETY_COMMENT.test(c)),
  }),
];
