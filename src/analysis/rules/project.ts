import { FUNCTION_QUERY, isDocumentable, isPublic, PUBLIC_ITEM_QUERY } from '../syntax';
import { rule, type Rule } from './rule';

/** Clippy's `too_many_lines` allows 100; a take-home function past 60 is already hard to review. */
export const LONG_FUNCTION_LINES = 60;

export const projectRules: Rule[] = [
  rule({
    id: 'long-function',
    category: 'project',
    polarity: 'concern',
    severity: 'hint',
    message: 'a long function',
    explanation:
      'A very long function usually mixes several responsibilities: parsing, I/O, state changes and error handling in one place. It is harder to test and to review; ask how the candidate would split it.',
    question: 'If you had to test this function, how would you split it?',
    // The engine's own pattern for functions: the same text, so the combined query matches it once.
    match: { query: FUNCTION_QUERY },
    check: ({ captures }) => {
      const lines = captures.body.endPosition.row - captures.body.startPosition.row + 1;
      const name = captures.function.childForFieldName('name');
      return lines > LONG_FUNCTION_LINES && name !== null && { message: `\`${name.text}\` is ${lines} lines long`, start: name, end: name };
    },
  }),
  rule({
    id: 'undocumented-pub',
    category: 'project',
    polarity: 'concern',
    severity: 'hint',
    message: 'a public item without a doc comment',
    explanation:
      'Public items are the API other people use. A `///` comment on each (Clippy\'s `missing_docs_in_private_items` aside, rustc has `missing_docs`) shows care for the next reader, which a take-home is partly testing.',
    question: 'How would a new teammate learn what this is for?',
    match: { query: PUBLIC_ITEM_QUERY },
    check: ({ captures }, ctx) => {
      if (!isDocumentable(captures.item) || !isPublic(captures.visibility) || ctx.isDocumented(captures.item)) return false;
      const name = captures.item.childForFieldName('name');
      return name ? { message: `public \`${name.text}\` has no doc comment`, start: name, end: name } : true;
    },
  }),
];
