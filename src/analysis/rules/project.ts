import { codeLines, FUNCTION_QUERY, isDocumentable, isPublic, PUBLIC_ITEM_QUERY } from '../syntax';
import { rule, type Rule } from './rule';

/** Clippy's `too_many_lines` (pedantic) allows 100 lines of code by default: the bar a Rust reviewer knows. */
export const LONG_FUNCTION_LINES = 100;

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
      const lines = codeLines(captures.body);
      const name = captures.function.childForFieldName('name');
      return lines > LONG_FUNCTION_LINES && name !== null && { message: `\`${name.text}\` has ${lines} lines of code`, start: name, end: name };
    },
  }),
  rule({
    id: 'undocumented-pub',
    category: 'project',
    polarity: 'concern',
    severity: 'hint',
    message: 'a public item without a doc comment',
    explanation:
      'rustc\'s `missing_docs` lint (allowed by default) asks for documentation on what a library exports, and the API Guidelines ask for thorough crate docs (C-CRATE-DOC) and, within reason, an example on every public item (C-EXAMPLE). A `pub` item in a binary, or in a module no public path reaches, is not exported: there, a missing comment is a matter of taste, not of API.',
    question: 'How would a new teammate learn what this is for?',
    match: { query: PUBLIC_ITEM_QUERY },
    check: ({ captures }, ctx) => {
      if (!isDocumentable(captures.item) || !isPublic(captures.visibility) || ctx.isDocumented(captures.item)) return false;
      const name = captures.item.childForFieldName('name');
      return name ? { message: `public \`${name.text}\` has no doc comment`, start: name, end: name } : true;
    },
  }),
];
