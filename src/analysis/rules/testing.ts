import { isDocComment } from '../syntax';
import { rule, type Rule } from './rule';

/** An opening fence of a doc test: untagged, `rust`, or a rustdoc attribute that still compiles the code. */
const DOC_TEST_FENCE = /^\s*```\s*(rust|no_run|should_panic|compile_fail|edition\d+|[,\s])*\s*$/;
const ANY_FENCE = /^\s*```/;

function docLine(text: string): string {
  return text.replace(/^\/\/[/!]\s?/, '');
}

export const testingRules: Rule[] = [
  rule({
    id: 'test-fn',
    category: 'testing',
    countsOneTest: true,
    polarity: 'strength',
    severity: 'hint',
    message: 'a test: how the candidate checks their own work',
    explanation:
      'Tests show how a candidate checks their own work and what they consider worth checking. Look at what they cover: the error paths and the concurrency, or only the happy path.',
    question: 'What is this test protecting against? What failure would it catch?',
    match: {
      query: `(attribute_item (attribute [(identifier) @attr (scoped_identifier name: (identifier) @attr)]
  (#any-of? @attr "test" "rstest" "test_case" "quickcheck" "proptest" "wasm_bindgen_test"))) @attribute`,
    },
    check: ({ captures }, ctx) => {
      let item = captures.attribute.nextNamedSibling;
      while (item && (item.type === 'attribute_item' || item.type === 'line_comment' || item.type === 'block_comment')) {
        item = item.nextNamedSibling;
      }
      const name = item?.type === 'function_item' ? item.childForFieldName('name') : null;
      if (!name) return false;
      const attribute = ctx.text(captures.attribute).replace(/\s+/g, '').replace(/\(.*$/s, ']');
      return { message: `test \`${ctx.text(name)}\` (${attribute})`, start: name, end: name };
    },
  }),
  rule({
    id: 'doc-test',
    category: 'testing',
    testKind: 'doc tests',
    polarity: 'strength',
    severity: 'hint',
    message: 'a doc test: an example that `cargo test` compiles and runs',
    explanation:
      'A code block in a doc comment is compiled and run by `cargo test`. It documents the API and tests it at once, which is a mark of someone who writes code for other people to use.',
    question: 'What does this example show a user of the API?',
    // Doc comments are numerous and fences rare: find the fence lines in the text, not every comment in the tree.
    match: { lines: /^[ \t]*\/\/[/!][ \t]*```[^\n]*$/gm },
    check: ({ captures }, ctx) => {
      if (!isDocComment(captures.site) || !DOC_TEST_FENCE.test(docLine(ctx.text(captures.site)))) return false;
      // A fence opens a block only when an even number of fences comes before it in the same comment.
      let fencesBefore = 0;
      for (let p = captures.site.previousNamedSibling; p?.type === 'line_comment'; p = p.previousNamedSibling) {
        if (ANY_FENCE.test(docLine(ctx.text(p)))) fencesBefore++;
      }
      return fencesBefore % 2 === 0;
    },
  }),
  rule({
    id: 'property-test',
    category: 'testing',
    testKind: 'property tests',
    polarity: 'strength',
    severity: 'hint',
    message: 'a property-based test',
    explanation:
      'Property tests (`proptest`, `quickcheck`) check an invariant over many generated inputs, finding the edge cases a hand-written example misses. Few take-homes have them; they are a strong signal.',
    question: 'Which invariant does this property state, and what inputs does it generate?',
    match: [
      { macros: ['proptest', 'quickcheck'] },
      { query: '(attribute_item (attribute [(identifier) @site (scoped_identifier name: (identifier) @site)] (#any-of? @site "proptest" "quickcheck")))' },
    ],
  }),
];
