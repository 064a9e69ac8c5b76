import { rule, type Rule } from './rule';

export const observabilityRules: Rule[] = [
  rule({
    id: 'print-output',
    category: 'observability',
    polarity: 'info',
    severity: 'hint',
    message: '`println!`-style output',
    explanation:
      'Printing is right for a CLI\'s actual output. Used as logging, it has no levels, no timestamps and no structure, and cannot be turned down in production; `log` or `tracing` can. The guide counts observability among senior signals.',
    question: 'Is this output for the user, or logging? How would an operator filter it?',
    match: { macros: ['println', 'print', 'eprintln', 'eprint'] },
    contexts: ['code'],
  }),
  rule({
    id: 'dbg-macro',
    category: 'observability',
    polarity: 'concern',
    severity: 'information',
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
    message: 'structured logging or tracing',
    explanation:
      '`log` and `tracing` give levels, targets and (with `tracing`) spans and fields that tools can filter. Using them in a take-home shows the candidate thinks about operating the code, not just running it.',
    question: 'What would you look for in these logs when this service misbehaves in production?',
    match: [
      { macros: ['info', 'warn', 'error', 'debug', 'trace', 'event', 'span', 'info_span', 'debug_span', 'warn_span', 'error_span', 'trace_span'] },
      { query: '(attribute_item (attribute [(identifier) @site (scoped_identifier name: (identifier) @site)] (#eq? @site "instrument")))' },
    ],
  }),
];
