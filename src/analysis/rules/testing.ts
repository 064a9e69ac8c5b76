import type { Node } from 'web-tree-sitter';
import { attributesBefore, COMMENT_TYPES, isDocComment, itemAfter, NON_CODE_TYPES, textWithout } from '../syntax';
import { lastSegment, perMatch, rule, type Rule, type RuleContext, type RuleMatch } from './rule';

/** An opening fence of a doc test: untagged, `rust`, or a rustdoc attribute that still compiles the code. */
const DOC_TEST_FENCE = /^\s*```\s*(rust|no_run|should_panic|compile_fail|edition\d+|[,\s])*\s*$/;
const ANY_FENCE = /^\s*```/;

/** Property attributes: the property's result or its generated inputs are the assertion. */
const PROPERTY_ATTRIBUTES = ['quickcheck', 'proptest'];

/** Attributes that make a function a test, by their last name: `#[test]`, `#[tokio::test]`, `#[rstest]`. */
const TEST_ATTRIBUTES = ['test', 'rstest', 'test_case', 'wasm_bindgen_test', ...PROPERTY_ATTRIBUTES];

/** Macros, calls and operators that fail a test: `assert*!`, `prop_assert*!`, `panic!`, unwraps, `?`, and helpers named like assertions. */
const ASSERTING_CODE = [
  /\b\w*assert\w*\s*!/,
  /\b(panic|unreachable)\s*!/,
  /\.\s*(unwrap|expect|unwrap_err|expect_err)\s*\(/,
  /[\w)\]]\s*\?/,
  /\b(assert|check|verify|expect|ensure)\w*\s*(::\s*<.*?>\s*)?\(/,
  // `is_unpin::<T>()`: a generic function called for its bounds alone, which the compiler checks.
  /(?<![.\w])[A-Za-z_][\w:]*\s*::\s*<.*>\s*\(\s*\)/,
  // Items declared in the body (`fn _check(_: &dyn Source) {}`): compiling them is the check.
  /^\s*(fn|trait|impl|struct|enum|const\s+_)\b/m,
];

/** A test whose name or comment says it checks only that nothing panics: `no_panic_at_max`, "should not panic". */
const NO_PANIC_INTENT = /(no|not|n't|nt)[ _]panic|smoke/i;

/** Macro calls (`indexmap! {..}`), which may hold assertions; the known ones that do not are left out. */
const MACRO_CALL = /(?<![\w:])([A-Za-z_][\w:]*)\s*!\s*[({[]/g;
const NON_ASSERTING_MACROS = new Set(['println', 'print', 'eprintln', 'eprint', 'format', 'format_args', 'vec', 'write', 'writeln', 'dbg', 'matches', 'concat', 'stringify', 'include_str', 'include_bytes', 'env', 'cfg', 'info', 'warn', 'error', 'debug', 'trace', 'todo', 'unimplemented', 'join', 'select', 'pin', 'json']);

/** Calls of functions by path (`run_case(..)`, `common::setup()`, `Fixture::run(..)`): helpers that may assert inside. */
const FUNCTION_CALL = /(?<![\w.:]|\bfn\s+)\b([A-Za-z_]\w*(?:\s*::\s*[A-Za-z_]\w*)*)\s*(?:::\s*<.*?>\s*)?\(/g;
const KEYWORDS = new Set(['if', 'while', 'match', 'for', 'return', 'in', 'let', 'move', 'loop', 'else', 'as']);
/** What builds a value rather than checks one: `Store::new()`, `Config::default()`, `Bytes::from(..)`. */
const CONSTRUCTOR = /^(new|default|from|try_from|from_\w+|with_\w+|builder)$/;
/** `drop`, and paths into std or through its prelude types: no helper of the crate's own. */
const STANDARD_LIBRARY = /^(drop$|(std|core|alloc|Box|Vec|String|Option|Result)::)/;

/** Whether a called path may be a helper of the crate's own, which may assert in its body. */
function mayAssert(path: string, ctx: RuleContext): boolean {
  if (KEYWORDS.has(path)) return false;
  const segments = path.split('::');
  // A capitalised name alone is a tuple struct or variant (`Some(..)`); a type's constructor builds.
  if (/^[A-Z]/.test(path) && (segments.length === 1 || CONSTRUCTOR.test(segments[segments.length - 1]))) return false;
  return !STANDARD_LIBRARY.test(ctx.resolvePath(path));
}

/** `#[should_panic]`, or a case's expected result after `=>` (`#[test_case(2 => 4)]`). */
const EXPECTING_ATTRIBUTE = /\bshould_panic\b|=>/;

/** The message of a panic in `Option::unwrap`/`Result::unwrap`: a `should_panic` expecting it tests an accident. */
const UNWRAP_PANIC = /called `(Option|Result)::unwrap/;

/** The function a test attribute marks. */
function testFunction(attribute: Node): Node | null {
  const item = itemAfter(attribute);
  return item?.type === 'function_item' ? item : null;
}

/** Characters that may start a comment or a literal, in whose text an assertion is no assertion. */
const NON_CODE_START = /[/"']/;

/** The named children of comments and literals: a doc comment's text and markers, a string's content. */
const NON_CODE_PARTS: ReadonlySet<string> = new Set(['doc_comment', 'inner_doc_comment_marker', 'outer_doc_comment_marker', 'string_content', 'escape_sequence']);

function isNonCodeOrPart(node: Node | null): boolean {
  return node !== null && (NON_CODE_TYPES.includes(node.type) || NON_CODE_PARTS.has(node.type));
}

/**
 * Whether the body's text holds an assertion that plainly lies in code: the match spans no
 * comment or literal and does not start inside one. Most tests assert, and this spares them the
 * walk over the body that blanks its comments and literals; a test it cannot settle gets that walk.
 */
function assertsInPlainCode(body: Node): boolean {
  const text = body.text;
  return ASSERTING_CODE.some((pattern) => {
    const match = pattern.exec(text);
    if (!match || NON_CODE_START.test(match[0])) return false;
    // Comments and literals hold no code, so the match lies in one only if the node at its start
    // is one, or a part of one (a doc comment's text, a string's content), or a token of one. No
    // walk up to the body: each parent link is computed from the root.
    const node = body.descendantForIndex(body.startIndex + match.index);
    return node !== null && !isNonCodeOrPart(node) && (node.isNamed || !isNonCodeOrPart(node.parent));
  });
}

/**
 * A test whose own body has no assertion: its name, and the functions and macros it calls that may
 * assert in theirs. Undefined for a test that asserts; for one whose result is the assertion (a
 * property, or a function that returns neither `()` nor a `Result`); and for one that says it
 * checks only that nothing panics.
 */
const unassertedTest = perMatch(({ captures }: RuleMatch, ctx: RuleContext): { name: Node; helpers: string[]; undone?: string } | undefined => {
  const fn = testFunction(captures.attribute);
  const name = fn?.childForFieldName('name');
  const body = fn?.childForFieldName('body');
  if (!fn || !name || !body || PROPERTY_ATTRIBUTES.includes(ctx.text(captures.site))) return undefined;
  // Most tests assert in plain code: asked first, it spares them the walk over the attributes.
  if (assertsInPlainCode(body)) return undefined;
  const returned = fn.childForFieldName('return_type');
  if (returned && !/\bResult\b/.test(ctx.text(returned))) return undefined;
  if (attributesBefore(fn).some((attribute) => EXPECTING_ATTRIBUTE.test(ctx.text(attribute)))) return undefined;
  const code = textWithout(body, NON_CODE_TYPES);
  if (ASSERTING_CODE.some((pattern) => pattern.test(code))) return undefined;
  if (NO_PANIC_INTENT.test(name.text) || body.descendantsOfType([...COMMENT_TYPES]).some((comment) => comment && NO_PANIC_INTENT.test(comment.text))) return undefined;
  const helpers = new Set<string>();
  for (const [, path] of code.matchAll(FUNCTION_CALL)) {
    const helper = path.replace(/\s+/g, '');
    if (mayAssert(helper, ctx)) helpers.add(helper);
  }
  for (const [, macro] of code.matchAll(MACRO_CALL)) {
    if (!KEYWORDS.has(macro) && !NON_ASSERTING_MACROS.has(lastSegment(macro))) helpers.add(`${macro}!`);
  }
  // Asked once here for both rules that read it: only a test that calls no helper can show a check left undone.
  const undone = helpers.size === 0 ? checkLeftUndone(body, code, ctx) : undefined;
  return { name, helpers: [...helpers], ...(undone === undefined ? {} : { undone }) };
});

/** Output macros: a test that prints its results leaves the comparison to whoever reads them. */
const PRINTING = /\b(println|print|eprintln|eprint|dbg)\s*!/;

/**
 * Why an unasserted test looks unfinished rather than deliberate: an empty body, an assertion
 * commented out, results printed instead of compared, or a value bound and never used again.
 * Undefined when none holds: the test may mean to check only that the code runs.
 */
function checkLeftUndone(body: Node, code: string, ctx: RuleContext): string | undefined {
  if (code.replace(/^\s*\{|\}\s*$/g, '').trim() === '') return 'its body is empty';
  const comments = body.descendantsOfType([...COMMENT_TYPES]).filter((c): c is Node => c !== null && !isDocComment(c));
  if (comments.some((c) => /\bassert\w*\s*!/.test(c.text))) return 'an assertion is commented out';
  if (PRINTING.test(code)) return 'it prints what it could compare';
  for (const declaration of body.descendantsOfType('let_declaration')) {
    const pattern = declaration?.childForFieldName('pattern');
    if (!declaration || pattern?.type !== 'identifier' || pattern.text.startsWith('_') || !declaration.childForFieldName('value')) continue;
    const after = ctx.text(body).slice(declaration.endIndex - body.startIndex);
    if (!new RegExp(`\\b${pattern.text}\\b`).test(after)) return `\`${pattern.text}\` is computed and never checked`;
  }
  return undefined;
}

/** Per unit, the fences above each fence line already counted, by `parent id:line start`. */
const fencesAboveFence = new WeakMap<RuleContext, Map<string, number>>();

/**
 * The fences on the line comments just above a comment, blank lines between them allowed. Read
 * from the text above it: walking a long doc comment's siblings one by one costs a walk from the
 * root for each. The walk stops at a fence already counted, so a comment with many examples is
 * read once rather than once per fence.
 */
function fencesAbove(comment: Node, ctx: RuleContext): number {
  const parent = comment.parent;
  if (!parent) return 0;
  let counted = fencesAboveFence.get(ctx);
  if (!counted) fencesAboveFence.set(ctx, (counted = new Map<string, number>()));
  const text = ctx.text(parent);
  let fences = 0;
  // From the start of the comment's line back, a line at a time, while lines are line comments or blank.
  let end = text.lastIndexOf('\n', comment.startIndex - parent.startIndex - 1);
  const ownLine = end + 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    end = start - 1;
    if (line === '') continue;
    if (!line.startsWith('//')) break;
    if (ANY_FENCE.test(docLine(line))) {
      fences++;
      const above = counted.get(`${parent.id}:${start}`);
      if (above !== undefined) {
        fences += above;
        break;
      }
    }
  }
  counted.set(`${parent.id}:${ownLine}`, fences);
  return fences;
}

function docLine(text: string): string {
  return text.replace(/^\/\/[/!]\s?/, '');
}

/** Macros whose body is a property test, and so test code (the engine marks it). */
export const PROPERTY_TEST_MACROS: readonly string[] = ['proptest', 'quickcheck'];

export const testingRules: Rule[] = [
  rule({
    id: 'test-fn',
    category: 'testing',
    countsOneTest: true,
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    message: 'a test: how the candidate checks their own work',
    explanation:
      'Tests show how a candidate checks their own work and what they consider worth checking. Look at what they cover: the error paths and the concurrency, or only the happy path.',
    question: 'What is this test protecting against? What failure would it catch?',
    match: { attributes: TEST_ATTRIBUTES },
    check: ({ captures }, ctx) => {
      const name = testFunction(captures.attribute)?.childForFieldName('name');
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
    weight: 1,
    testCovers: ['public-interface'],
    message: 'a doc test: an example that `cargo test` compiles and runs',
    explanation:
      'A code block in a doc comment is compiled and run by `cargo test`. It documents the API and tests it at once, which is a mark of someone who writes code for other people to use.',
    question: 'What does this example show a user of the API?',
    // Doc comments are numerous and fences rare: find the fence lines in the text, not every comment in the tree.
    match: { lines: /^[ \t]*\/\/[/!][ \t]*```[^\n]*$/gm },
    check: ({ captures }, ctx) => {
      if (!isDocComment(captures.site) || !DOC_TEST_FENCE.test(docLine(ctx.text(captures.site)))) return false;
      // A fence opens a block only when an even number of fences comes before it in the same comment.
      return fencesAbove(captures.site, ctx) % 2 === 0;
    },
  }),
  rule({
    id: 'property-test',
    category: 'testing',
    testKind: 'property tests',
    polarity: 'strength',
    severity: 'hint',
    weight: 2,
    testCovers: ['beyond-unit'],
    message: 'a property-based test',
    explanation:
      'Property tests (`proptest`, `quickcheck`) check an invariant over many generated inputs, finding the edge cases a hand-written example misses. Few take-homes have them; they are a strong signal.',
    question: 'Which invariant does this property state, and what inputs does it generate?',
    match: [
      { macros: PROPERTY_TEST_MACROS },
      { attributes: PROPERTY_ATTRIBUTES },
    ],
  }),
  rule({
    id: 'test-error-path',
    category: 'testing',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    testCovers: ['error-paths'],
    message: 'a test of an error path',
    explanation:
      'This test checks that something fails: an `is_err()`, `unwrap_err()` or `expect_err(..)`, a comparison or match against an `Err(..)`, or a `#[should_panic]` test. Happy-path tests are common; tests of what goes wrong show the candidate thought about failure.',
    question: 'Which failures does the code promise to report, and which of them are tested?',
    match: [
      { methods: ['is_err', 'unwrap_err', 'expect_err'] },
      { macros: ['matches', 'assert_matches', 'assert_eq'] },
      { attributes: ['should_panic'] },
    ],
    check: ({ captures }, ctx) => {
      // Blanking comments and strings only removes text: one without `Err` has no `Err(` in its code.
      if (captures.macro) return ctx.text(captures.macro).includes('Err') && /\bErr\s*\(/.test(textWithout(captures.macro, NON_CODE_TYPES));
      if (captures.call) return true;
      const attribute = ctx.text(captures.meta);
      if (UNWRAP_PANIC.test(attribute)) return false;
      // Clippy's `should_panic_without_expect` (pedantic): without a message, any panic passes.
      return /\bexpected\b/.test(attribute) || { message: 'a `#[should_panic]` test without `expected = ..`: any panic passes it' };
    },
    contexts: ['test'],
  }),
  rule({
    id: 'test-without-assert',
    category: 'testing',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: 'a test that asserts nothing',
    explanation:
      'Nothing in this test can fail it except a panic in the code it runs: no `assert*!`, `panic!`, `unwrap`/`expect`, `?`, `#[should_panic]` or expected case result (`=>`), and no call of a helper that might assert. And it shows a check left undone: its body is empty, an assertion is commented out, it prints what it should compare, or it computes a value it never looks at. It passes whatever the code returns.',
    question: 'What result does this test expect? What change to the code would make it fail?',
    match: { attributes: TEST_ATTRIBUTES },
    check: (match, ctx) => {
      const test = unassertedTest(match, ctx);
      return test?.undone !== undefined && { message: `test \`${test.name.text}\` asserts nothing: ${test.undone}`, start: test.name, end: test.name };
    },
  }),
  rule({
    id: 'test-only-runs',
    category: 'testing',
    polarity: 'info',
    severity: 'hint',
    message: 'a test with no assertion: only a panic, a hang or a compile error fails it',
    explanation:
      'This test asserts nothing and calls no helper that might, but it shows no check left undone either. Tests like this are often deliberate: that code compiles (a `Send` bound, a signature), that dropping or a boundary case does not panic, that a wait returns. Whether that is all it should check is for a reader to decide.',
    question: 'What would make this test fail? Is a panic, a hang or a compile error the only failure it is meant to catch?',
    match: { attributes: TEST_ATTRIBUTES },
    check: (match, ctx) => {
      const test = unassertedTest(match, ctx);
      if (test?.helpers.length !== 0 || test.undone !== undefined) return false;
      return { message: `test \`${test.name.text}\` asserts nothing; only a panic, a hang or a compile error fails it`, start: test.name, end: test.name };
    },
  }),
  rule({
    id: 'test-assert-unseen',
    category: 'testing',
    polarity: 'info',
    severity: 'hint',
    message: 'a test with no assertion in its own body; what it calls may assert',
    explanation:
      'This test\'s body has no assertion of its own, but it calls functions or macros that may hold them (a `run_case(..)` helper, say). If they do not, it passes whatever the code returns. The subject lists them.',
    question: 'Where does this test check its result?',
    match: { attributes: TEST_ATTRIBUTES },
    check: (match, ctx) => {
      const test = unassertedTest(match, ctx);
      if (!test?.helpers.length) return false;
      const helpers = test.helpers.map((helper) => `\`${helper}\``).join(', ');
      return { message: `test \`${test.name.text}\` asserts nothing itself; it calls ${helpers}`, start: test.name, end: test.name, subject: test.helpers.join(',') };
    },
  }),
];
