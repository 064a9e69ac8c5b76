import type { Node } from 'web-tree-sitter';
import { isComment, isPublic, isTraitImplMethod } from '../syntax';
import { argumentCount, isMethodCallNamed, joinsThread, returnsLockResult } from './calls';
import { lastSegment, normalisePath, rule, type Rule, type RuleContext, type RuleMatch } from './rule';

/** Unwrapping a lock or a thread join reports a panic from elsewhere: the `lock-unwrap` and `join-unwrap` idioms. */
const unwrapsPanicFromElsewhere = (receiver: Node | undefined): boolean =>
  receiver !== undefined && (returnsLockResult(receiver) || joinsThread(receiver));

const SUBJECT_LENGTH = 48;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;

/** Code as written, on one line; when long, its last characters after an ellipsis, since a chain ends in the call that matters. */
function subjectOf(node: Node, ctx: RuleContext): string {
  const characters = [...ctx.text(node).replace(/\s+/g, ' ')];
  return characters.length > SUBJECT_LENGTH ? `…${characters.slice(1 - SUBJECT_LENGTH).join('')}` : characters.join('');
}

/** Calls whose failure is an ordinary event at run time, not a bug. */
const RUN_TIME_FAILURES = [
  // I/O, processes included
  'open', 'create', 'read_to_string', 'read_to_end', 'read_line', 'read_dir', 'write_all', 'flush', 'metadata', 'copy', 'rename',
  'remove_file', 'create_dir', 'create_dir_all', 'canonicalize', 'spawn', 'output', 'pair', 'try_clone',
  // parsing
  'parse', 'from_str', 'from_slice', 'from_reader',
  // the environment
  'var', 'var_os', 'current_dir',
  // the network
  'connect', 'bind', 'accept', 'lookup_host', 'to_socket_addrs', 'local_addr', 'peer_addr',
];
/** A call of one of them (turbofish allowed), or command-line arguments (`env::args()`, an `args` vector). */
const RUN_TIME_FAILURE = new RegExp(`(?:^|\\W)(?:${RUN_TIME_FAILURES.join('|')})\\s*(?:::\\s*<[^()]*>\\s*)?\\(|\\bargs\\b`);
/** A message that gives no reason: empty, one word, or a bare claim that it cannot fail. */
const REASONLESS_MESSAGE = /^\W*(?:\w+|(?:it |this )?(?:should|must|will|can) ?(?:not|never|'?t) (?:fail|happen|panic)|(?:should|must) (?:work|succeed)|never fails?)?\W*$/i;
/**
 * A message in the style of an error report ("failed to bind"), which says what went wrong, not
 * why it cannot: std's `expect` docs recommend the reason the value should be there.
 */
const FAILURE_MESSAGE = /^\W*(?:failed|failure|fail to|could not|couldn'?t|unable to|error|missing|invalid)\b/i;

/** Why an `.expect(..)` is a concern, or undefined when its message explains an invariant. */
function expectConcern(receiver: Node, args: Node, ctx: RuleContext): string | undefined {
  if (RUN_TIME_FAILURE.test(ctx.text(receiver).replace(STRING_LITERAL, '""'))) {
    return '`.expect(..)` panics on an I/O, parsing, environment or network failure';
  }
  const reason = args.namedChildren[0];
  const message = reason?.type === 'string_literal' ? ctx.text(reason).slice(1, -1) : undefined;
  if (message !== undefined && (REASONLESS_MESSAGE.test(message) || FAILURE_MESSAGE.test(message))) {
    return '`.expect(..)` panics, and its message does not say why it cannot fail';
  }
  return undefined;
}

/** The function whose body holds the node; with `throughClosures` false, none when a closure or async block comes first. */
function enclosingFunction(node: Node, throughClosures: boolean): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_item') return p;
    if (!throughClosures && (p.type === 'closure_expression' || p.type === 'async_block')) return undefined;
  }
  return undefined;
}

/** A function's return type when it is a `Result`: its path through the imports, and its error type when written out. */
function returnedResult(fn: Node, ctx: RuleContext): { path: string; error?: Node } | undefined {
  const type = fn.childForFieldName('return_type');
  const name = type?.type === 'generic_type' ? type.childForFieldName('type') : type;
  if (!type || !name) return undefined;
  const written = normalisePath(ctx.text(name));
  if (lastSegment(written) !== 'Result') return undefined;
  const args = type.childForFieldName('type_arguments')?.namedChildren.filter((arg): arg is Node => arg !== null && arg.type !== 'lifetime');
  return { path: ctx.resolvePath(written), error: args?.[1] };
}

const isFmtResult = (path: string): boolean => /(^|::)fmt::Result$/.test(path);

const BOXED_DYN_ERROR = /^(?:(?:std|alloc)::boxed::)?Box<dyn(?:\w+::)*Error(?:\+[\w:']+)*>$/;

/** The error types that tell a caller nothing to match on: a string, `()`, a boxed `dyn Error`. */
function opaqueError(error: Node, ctx: RuleContext): string | undefined {
  if (error.type === 'unit_type') return '()';
  if (error.type === 'reference_type') {
    const referent = error.childForFieldName('type');
    return referent?.type === 'primitive_type' && ctx.text(referent) === 'str' ? '&str' : undefined;
  }
  const written = ctx.text(error).replace(/\s+/g, '');
  if (BOXED_DYN_ERROR.test(written)) return 'Box<dyn Error>';
  return /^((std|alloc)::string::)?String$/.test(ctx.resolvePath(written)) ? 'String' : undefined;
}

/** The function whose parameters or return type hold the node. */
function signatureHolding(node: Node): Node | undefined {
  for (let part: Node = node, fn = node.parent; fn; part = fn, fn = fn.parent) {
    if (fn.type !== 'function_item') continue;
    const inSignature = fn.childForFieldName('parameters')?.id === part.id || fn.childForFieldName('return_type')?.id === part.id;
    return inSignature ? fn : undefined;
  }
  return undefined;
}

/** Plain `pub`: `pub(crate)` and its kin never reach another crate. */
function isPub(fn: Node): boolean {
  const visibility = fn.namedChildren.find((child) => child?.type === 'visibility_modifier');
  return visibility ? isPublic(visibility) : false;
}

/** `Type::name` for a method, `name` for a free function. */
function qualifiedName(fn: Node, ctx: RuleContext): string {
  const name = ctx.text(fn.childForFieldName('name') ?? fn);
  const parent = fn.parent;
  const impl = parent?.type === 'declaration_list' ? parent.parent : null;
  const type = impl?.type === 'impl_item' ? impl.childForFieldName('type') : null;
  return type ? `${normalisePath(ctx.text(type))}::${name}` : name;
}

/** The first parameter of a closure as written when its body uses it; undefined when it ignores its input. */
function usedInput(closure: Node, ctx: RuleContext): string | undefined {
  const params = closure.childForFieldName('parameters');
  const body = closure.childForFieldName('body');
  const first = params?.namedChildren.find((c): c is Node => c !== null);
  if (!body || !first) return undefined; // `|_|`: the wildcard is an anonymous token
  const name = ctx.text(first).replace(/^mut\s+/, '').split(':')[0].trim();
  if (name.startsWith('_')) return undefined;
  if (!/^\w+$/.test(name)) return name; // a destructuring pattern: taken as used
  // A word match on the text, not an identifier search: inline format arguments (`"{e}"`) use it too.
  return new RegExp(`\\b${name}\\b`).test(ctx.text(body)) ? name : undefined;
}

/** A closure body's value: the body itself, or the one expression of a block. */
function valueOf(body: Node): Node {
  const inner = body.type === 'block' ? body.namedChildren.filter((c): c is Node => c !== null) : [];
  return inner.length === 1 && !/statement|declaration/.test(inner[0].type) ? inner[0] : body;
}

/** `fmt::Error`, `StoreError::Missing`, `()`: an error value with room for no cause. */
function isUnitLike(value: Node, ctx: RuleContext): boolean {
  if (value.type === 'unit_expression') return true;
  if (value.type !== 'identifier' && value.type !== 'scoped_identifier') return false;
  return /^[A-Z]/.test(lastSegment(ctx.text(value)));
}

/** Whether an expression takes values from around it: a local, a field, an inline format argument. */
function carriesData(value: Node, ctx: RuleContext): boolean {
  const names = value.descendantsOfType(['identifier', 'self']).filter((node): node is Node => {
    if (!node) return false;
    const parent = node.parent;
    if (parent?.type === 'scoped_identifier' || parent?.type === 'macro_invocation') return false;
    if (parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === node.id) return false;
    return !/^[A-Z]/.test(ctx.text(node));
  });
  if (names.length > 0) return true;
  return value.descendantsOfType('string_literal').some((literal) => literal !== null && /\{[a-z_]\w*(?::[^}]*)?\}/.test(ctx.text(literal)));
}

type MapErrKind = 'unit' | 'carries-data' | 'discards' | 'stringifies';

/** What a `.map_err(..)` does with the error it is given, judged from its closure. */
function mapErrKind(args: Node, ctx: RuleContext): MapErrKind | undefined {
  const handler = args.namedChildren[0];
  if (!handler) return undefined;
  if (handler.type !== 'closure_expression') return /^(std::string::)?ToString::to_string$/.test(normalisePath(ctx.text(handler))) ? 'stringifies' : undefined;
  const body = handler.childForFieldName('body');
  if (!body) return undefined;
  const value = valueOf(body);
  const input = usedInput(handler, ctx);
  if (input === undefined) return isUnitLike(value, ctx) ? 'unit' : carriesData(value, ctx) ? 'carries-data' : 'discards';
  if (isMethodCallNamed(value, ['to_string'])) {
    return ctx.text(value.childForFieldName('function')?.childForFieldName('value') ?? value) === input ? 'stringifies' : undefined;
  }
  const isFormat = value.type === 'macro_invocation' && lastSegment(ctx.text(value.childForFieldName('macro') ?? value)) === 'format';
  return isFormat ? 'stringifies' : undefined;
}

/**
 * Calls whose error has no cause worth keeping, so replacing it loses nothing: `CString::new`'s
 * `NulError` (where the NUL byte was), an integer `try_from`'s `TryFromIntError` (nothing), a
 * channel's `SendError` (the value sent, handed back) and `RecvError` (nothing), a lock's
 * `PoisonError` (the guard). std itself maps `NulError` to `io::ErrorKind::InvalidInput`.
 */
const CAUSELESS_FUNCTIONS = /(^|::)(CString::new|try_from)$/;
const CAUSELESS_METHODS = ['try_into', 'send', 'try_send', 'recv', 'try_recv', 'lock', 'try_lock'];

/** Whether `map_err`'s receiver is a call of the list above. */
function hasCauselessError(receiver: Node | undefined, ctx: RuleContext): boolean {
  if (receiver?.type !== 'call_expression') return false;
  if (isMethodCallNamed(receiver, CAUSELESS_METHODS)) return true;
  const callee = receiver.childForFieldName('function');
  return callee !== null && callee.type !== 'field_expression' && CAUSELESS_FUNCTIONS.test(normalisePath(ctx.text(callee)));
}

const mapErrIs =
  (kind: MapErrKind) =>
  ({ captures }: RuleMatch, ctx: RuleContext) => {
    const found = mapErrKind(captures['site.end'], ctx);
    // Nothing is lost when the original error has nothing to say.
    if ((found === 'discards' || found === 'carries-data') && hasCauselessError(captures.receiver, ctx)) return false;
    return found === kind;
  };

/** `let _ = call();`, awaited or not, and `let _ = macro!(..);`. */
const LET_UNDERSCORE_CALL = { query: '(let_declaration "_" value: [(call_expression) (await_expression) (macro_invocation)] @value) @site' };

/** std and tokio functions whose `Result` reports a failed change to the file system. */
const RESULT_FUNCTION = /^(std|tokio)::fs::(write|copy|rename|create_dir|create_dir_all|hard_link|set_permissions)$/;
/**
 * Methods of `io::Write` and `File`, and their tokio forms, that return a `Result`. Left out on
 * purpose: a clean-up `remove_file`, a `send` to a receiver that may be gone, a thread `join`,
 * whose error is often dropped by design.
 */
const RESULT_METHODS = new Set(['flush', 'write_all', 'sync_all', 'sync_data', 'set_len']);

/** What a `let _ =` discards: the called path as written, and whether std or tokio documents it as returning a `Result`. */
function discardedCall(value: Node, ctx: RuleContext): { subject: string; name: string; returnsResult: boolean } | undefined {
  if (value.type === 'macro_invocation') {
    const name = lastSegment(ctx.text(value.childForFieldName('macro') ?? value));
    // Into a `String`, `write!` returns a `fmt::Result` that cannot fail, and clippy suggests `let _ =` for it.
    return name === 'write' || name === 'writeln' ? { subject: `${name}!`, name: `${name}!`, returnsResult: false } : undefined;
  }
  const call = value.type === 'await_expression' ? value.namedChildren[0] : value;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
  if (!callee) return undefined;
  if (callee.type === 'field_expression') {
    const name = ctx.text(callee.childForFieldName('field') ?? callee);
    return { subject: subjectOf(callee, ctx), name, returnsResult: RESULT_METHODS.has(name) };
  }
  const path = normalisePath(ctx.text(callee));
  const resolved = ctx.resolvePath(path);
  return { subject: resolved, name: lastSegment(path), returnsResult: RESULT_FUNCTION.test(resolved) };
}

/** In `Drop::drop`, which cannot return an error, `let _ =` is the idiom: std's `BufWriter` drops a failed flush there too. */
function insideDrop(node: Node, ctx: RuleContext): boolean {
  const fn = enclosingFunction(node, false);
  const impl = fn && isTraitImplMethod(fn) ? fn.parent?.parent : undefined;
  const trait = impl?.childForFieldName('trait');
  return trait ? lastSegment(normalisePath(ctx.text(trait))) === 'Drop' : false;
}

/** Words of a comment that says why a result is discarded ("result isn't important", "swallow the panic"). */
const DISCARD_REASON = /\b(ignor\w*|swallow\w*|discard\w*|don'?t care|(?:not|isn'?t) (?:important|needed|worth)|unimportant|best[- ]effort|fail\w*|errors?|results?|panics?)\b/i;

/**
 * Whether a plain comment on the lines just above the statement says why its result is dropped
 * (a comment on what the call does, "flush so we don't lose data", does not). Doc comments and
 * pointers to a column (`// ^^^ ..`) explain nothing here.
 */
function explainedAbove(statement: Node, ctx: RuleContext): boolean {
  let row = statement.startPosition.row;
  // A line comment's node may end on the next line, at its newline.
  const lastRow = (comment: Node) => (comment.type === 'line_comment' ? comment.startPosition.row : comment.endPosition.row);
  for (let p = statement.previousNamedSibling; p && isComment(p) && lastRow(p) >= row - 1; p = p.previousNamedSibling) {
    const text = ctx.text(p);
    if (!/^\/\/[/!]/.test(text) && !/^\/\/\s*\^/.test(text) && DISCARD_REASON.test(text)) return true;
    row = p.startPosition.row;
  }
  return false;
}

/**
 * Calls whose `Result` is discarded on purpose by idiom: `catch_unwind` to swallow a panic, an
 * atomic `fetch_update` whose `Err` is only the value seen, and a watch receiver's awaited
 * `changed()`, which fails only once the sender is gone.
 */
const DELIBERATE_DISCARDS = new Set(['catch_unwind', 'fetch_update']);

/**
 * Whether a `let _ =` is a deliberate discard a reviewer would not question: in `Drop::drop`, under
 * a comment that explains it, or of a call in the list above.
 */
function deliberateDiscard(site: Node, value: Node, name: string, ctx: RuleContext): boolean {
  if (insideDrop(site, ctx) || explainedAbove(site, ctx)) return true;
  return DELIBERATE_DISCARDS.has(name) || (name === 'changed' && value.type === 'await_expression');
}

/** Methods that keep the amount unused, as clippy's `unused_io_amount` looks through them. */
const AMOUNT_UNUSED_THROUGH = ['unwrap', 'expect', 'unwrap_or', 'unwrap_or_else', 'ok', 'is_ok', 'is_err', 'or_else', 'or'];

/**
 * Whether a `read`/`write` call's byte count is dropped, in clippy's shapes: a statement of the
 * call, awaited or not, then through the methods above, then through `?`. At least one of those
 * must handle the `Result`: a bare `ptr.write(value);`, `hasher.write(bytes);` or builder
 * `options.read(true);` returns no `io::Result`, and the syntax cannot tell them from I/O.
 */
function dropsIoAmount(call: Node): boolean {
  // Each parent is a walk down from the root: `above`, the value's parent, is looked up once per step.
  let above = call.parent;
  if (above?.type === 'await_expression') above = above.parent;
  let handled = false;
  for (let outer = above?.type === 'field_expression' ? above.parent : null; outer && isMethodCallNamed(outer, AMOUNT_UNUSED_THROUGH); outer = above?.type === 'field_expression' ? above.parent : null) {
    above = outer.parent;
    handled = true;
  }
  while (above?.type === 'try_expression') {
    above = above.parent;
    handled = true;
  }
  return handled && above?.type === 'expression_statement';
}

export const errorHandlingRules: Rule[] = [
  rule({
    id: 'unwrap',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: '`.unwrap()` panics on `None`/`Err` instead of handling it',
    explanation:
      'An `unwrap()` turns every failure into a crash with no context. Strong candidates propagate errors with `?` and a `Result` return type, or handle them where they can; they keep `unwrap()` for tests and for invariants they can explain. A take-home full of unwraps usually means the failure paths were never designed.',
    question: 'What should happen here when this value is missing or the operation fails?',
    questionTemplate: '`{location}` unwraps `{subject}` — what should happen when {failure}?',
    match: { methods: ['unwrap'] },
    check: ({ captures }, ctx) => !unwrapsPanicFromElsewhere(captures.receiver) && { subject: subjectOf(captures.receiver, ctx) },
  }),
  rule({
    id: 'expect',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: '`.expect(..)` panics on a failure that I/O, input or the environment can cause, or gives no reason why it cannot fail',
    explanation:
      '`expect` is an `unwrap` with a message. On I/O, parsing, environment or network results the failure is an ordinary event, and a panic is a crash where a `Result` belongs. An empty or generic message (`"failed"`, `"should not fail"`), or one that reports the failure (`"failed to bind"`), says nothing about why the value must be there, which is what std\'s `expect` docs recommend it say.',
    question: 'How should the caller learn about this failure instead of a panic?',
    questionTemplate: '`{location}` expects `{subject}` — what should happen when {failure}?',
    match: { methods: ['expect'] },
    check: ({ captures }, ctx) => {
      if (unwrapsPanicFromElsewhere(captures.receiver)) return false;
      const concern = expectConcern(captures.receiver, captures['site.end'], ctx);
      return concern !== undefined && { message: concern, subject: subjectOf(captures.receiver, ctx) };
    },
  }),
  rule({
    id: 'expect-invariant',
    category: 'error-handling',
    polarity: 'info',
    severity: 'hint',
    message: '`.expect(..)` states an invariant: it panics only if its reason is wrong',
    explanation:
      'clippy keeps `expect_used` in its restriction group: an `expect` whose message says why the value must be there documents an invariant, and a panic then reports a bug. The call is not I/O, parsing, the environment or the network, so the reason is worth checking rather than counting against the candidate.',
    question: 'Why can this not fail? Could a type make the invariant impossible to break?',
    match: { methods: ['expect'] },
    check: ({ captures }, ctx) =>
      !unwrapsPanicFromElsewhere(captures.receiver) &&
      expectConcern(captures.receiver, captures['site.end'], ctx) === undefined && { subject: subjectOf(captures.receiver, ctx) },
  }),
  rule({
    id: 'panic',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1.5,
    message: '`panic!` ends the thread instead of returning an error',
    explanation:
      '`panic!` unwinds the thread (or aborts the process under `panic = "abort"`). It is appropriate for broken invariants, not for conditions a caller could recover from, such as bad input or a failed I/O call.',
    question: 'Could a caller recover from this condition? Why panic rather than return an error?',
    match: { macros: ['panic'] },
  }),
  rule({
    id: 'unreachable',
    category: 'error-handling',
    polarity: 'info',
    severity: 'hint',
    message: '`unreachable!` marks a path the code rules out',
    explanation:
      '`unreachable!` is the idiomatic marker of an invariant: it panics only if the reasoning that rules this path out is wrong. Worth a look when the path is reachable from input.',
    question: 'What guarantees this path is never taken?',
    match: { macros: ['unreachable'] },
  }),
  rule({
    id: 'todo',
    category: 'project',
    polarity: 'concern',
    severity: 'information',
    weight: 2,
    message: 'unfinished code: `todo!`/`unimplemented!` panics when reached',
    explanation:
      '`todo!` and `unimplemented!` compile but panic when reached. In a submitted take-home they mark a path the candidate did not finish: a question of completeness and priorities, which the README may already answer.',
    question: 'Which parts did you leave unfinished, and how did you decide what to finish first?',
    match: { macros: ['todo', 'unimplemented'] },
  }),
  rule({
    id: 'try-operator',
    category: 'error-handling',
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    message: '`?` propagates the error to the caller',
    explanation:
      'The `?` operator propagates an error up the call stack, converting it with `From` on the way. Its steady use is the clearest sign that a candidate designs failure paths instead of crashing on them. Not counted in functions returning `fmt::Result`, where `write!(..)?` is formatting boilerplate.',
    question: 'Where is this error finally handled, and what does the user see then?',
    match: { query: `(try_expression "?" @site)` },
    check: ({ captures }, ctx) => {
      const fn = enclosingFunction(captures.site, false);
      const result = fn && returnedResult(fn, ctx);
      return !result || !isFmtResult(result.path);
    },
  }),
  rule({
    id: 'result-fn',
    category: 'error-handling',
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    opposedBy: 'opaque-error-type',
    message: 'returns a `Result`, so callers decide how to handle failure',
    explanation:
      'A function that returns `Result` makes its failure part of its signature. Callers can propagate it with `?`, match on it or add context; nothing crashes behind their back. Not counted for trait-impl methods (the trait fixes the signature), `fmt::Result`, or an error type that is a string, `()` or a boxed `dyn Error`.',
    question: 'Which errors can this function return, and how did you choose the error type?',
    match: ['function_item', 'function_signature_item'].map((item) => ({ query: `(${item} name: (identifier) @site return_type: (_) @returns) @function` })),
    check: ({ captures }, ctx) => {
      // Most functions return something else: their return type's text names no Result.
      if (!ctx.text(captures.returns).includes('Result')) return false;
      const fn = captures.function;
      const result = returnedResult(fn, ctx);
      if (!result || isFmtResult(result.path) || ctx.declaringBlock(fn)?.traitImpl) return false;
      return !result.error || opaqueError(result.error, ctx) === undefined;
    },
  }),
  rule({
    id: 'opaque-error-type',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: 'a public function returns an error callers cannot match on: a string, `()` or a boxed `dyn Error`',
    explanation:
      'The API Guidelines (C-GOOD-ERR) ask for meaningful error types that implement `std::error::Error`: `String` and `&str` do not, `()` says nothing, and a `Box<dyn Error>` can only be printed or downcast. In a library\'s public API, callers cannot tell one failure from another or keep its cause; a typed error (an enum, often with `thiserror`) lets them.',
    question: 'How would a caller of this function react differently to its different failures?',
    // result-fn's pattern for functions, the same text, so the combined query matches each once.
    match: { query: '(function_item name: (identifier) @site return_type: (_) @returns) @function' },
    check: ({ captures }, ctx) => {
      const fn = captures.function;
      if (captures.returns.type !== 'generic_type') return false;
      const error = isPub(fn) ? returnedResult(fn, ctx)?.error : undefined;
      const opaque = error && opaqueError(error, ctx);
      if (!error || !opaque) return false;
      return { message: `\`${opaque}\` as the error type of a public function`, start: error, end: error, subject: qualifiedName(fn, ctx) };
    },
  }),
  rule({
    id: 'custom-error-type',
    category: 'error-handling',
    polarity: 'strength',
    severity: 'hint',
    weight: 2,
    message: 'a custom error type',
    explanation:
      'A dedicated error type (an enum implementing `std::error::Error`, often derived with `thiserror`) lets callers match on what went wrong and keeps the cause chain. It is the mark of a library-minded candidate.',
    question: 'How do callers tell these error cases apart, and how is the underlying cause kept?',
    match: [
      { query: '(impl_item trait: (_) @trait type: (_) @site)' },
      { attributes: ['derive'] },
    ],
    check: ({ captures }, ctx) => {
      if (captures.trait) {
        const path = ctx.resolvePath(normalisePath(ctx.text(captures.trait)));
        const isStdError = path === 'std::error::Error' || path === 'core::error::Error' || path === 'Error';
        return isStdError && { message: `\`${ctx.text(captures.site)}\` implements \`std::error::Error\`` };
      }
      if (!captures.args) return false;
      const derives = ctx.text(captures.args).split(/[(),\s]+/).map(normalisePath);
      if (!derives.some((d) => d === 'Error' || d === 'thiserror::Error' || d === 'Snafu')) return false;
      const name = captures.attribute.nextNamedSibling?.childForFieldName('name');
      return name ? { message: `\`${ctx.text(name)}\` derives a typed error`, start: name, end: name } : { start: captures.attribute, end: captures.attribute };
    },
  }),
  rule({
    id: 'anyhow',
    category: 'error-handling',
    polarity: 'strength',
    severity: 'hint',
    weight: 1,
    message: '`anyhow`/`eyre` error with context for an application',
    explanation:
      '`anyhow` (or `eyre`) is the usual choice for application code: one error type, `?` everywhere, and `.context(..)` to say what was being attempted. In a library, a typed error is better; knowing the difference is a senior signal.',
    question: 'Why an opaque error type here rather than a typed one? Would you do the same in a library?',
    match: [
      { query: '(scoped_type_identifier path: (identifier) @p (#any-of? @p "anyhow" "eyre") name: (type_identifier) @site)' },
      { macros: ['anyhow', 'bail', 'ensure', 'eyre'] },
    ],
    // In a public function's signature, the function is the subject: the crate pass judges it in a library's API.
    check: ({ captures }, ctx) => {
      const fn = captures.macro ? undefined : signatureHolding(captures.site);
      return fn && isPub(fn) ? { subject: qualifiedName(fn, ctx) } : true;
    },
  }),
  rule({
    id: 'error-context',
    category: 'error-handling',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    message: 'adds context to an error before propagating it',
    explanation:
      '`.context(..)` and `.with_context(..)` say what the program was doing when an error happened. The resulting messages ("reading config.toml: permission denied") are what makes a failure debuggable in production.',
    question: 'What does the final error message look like when this fails?',
    match: { methods: ['context', 'with_context', 'wrap_err', 'wrap_err_with'] },
  }),
  rule({
    id: 'map-err-discards',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: '`map_err` throws the original error away',
    explanation:
      '`.map_err(|_| ..)` replaces an error without keeping its cause, and the new error carries nothing else from the site either. The message a user or an operator finally sees loses the one detail that explains the failure. Wrapping the source (`#[from]`, `#[source]`, `.context`) keeps it. Not reported when the new error is a unit value such as `fmt::Error`, which has no room for a cause.',
    question: 'When this fails in production, how would anyone find out what the original error was?',
    match: { methods: ['map_err'] },
    check: mapErrIs('discards'),
  }),
  rule({
    id: 'map-err-replaces',
    category: 'error-handling',
    polarity: 'info',
    severity: 'hint',
    message: '`map_err` replaces the error with one that carries its own data, not the cause',
    explanation:
      'The new error keeps values from the site (a line number, a path) but drops the original error. That can be a deliberate choice when the cause adds nothing; clippy\'s `map_err_ignore` is a restriction lint for this reason.',
    question: 'Would the original error help whoever reads this one? Why was it left out?',
    match: { methods: ['map_err'] },
    check: mapErrIs('carries-data'),
  }),
  rule({
    id: 'error-to-string',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: 'the error is turned into a string, losing its type and its source',
    explanation:
      '`.map_err(|e| e.to_string())` and `.map_err(|e| format!(..))` keep the error\'s message but not the error: callers can no longer match on its kind, and `Error::source` no longer leads to the cause. A typed error that wraps it (`#[from]`, `#[source]`) keeps both.',
    question: 'What can a caller do with this error besides print it?',
    match: { methods: ['map_err'] },
    check: mapErrIs('stringifies'),
  }),
  rule({
    id: 'let-underscore-result',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: '`let _ =` drops the `Result` of a std or tokio call, and with it any error',
    explanation:
      '`let _ = call();` silences the `unused_must_use` warning that Rust gives for an ignored `Result`. This call is a std or tokio API that returns one (writing or flushing a file, changing the file system), so a failure here goes unseen.',
    question: 'If this call fails, is ignoring it the right thing? How would you know it happened?',
    match: LET_UNDERSCORE_CALL,
    check: ({ captures }, ctx) => {
      const discarded = discardedCall(captures.value, ctx);
      if (!discarded?.returnsResult || deliberateDiscard(captures.site, captures.value, discarded.name, ctx)) return false;
      return { message: `\`let _ =\` drops the \`Result\` of \`${discarded.name}\`, and with it any error`, subject: discarded.subject };
    },
  }),
  rule({
    id: 'let-underscore-discard',
    category: 'error-handling',
    polarity: 'info',
    severity: 'hint',
    message: '`let _ =` discards what this call returns',
    explanation:
      '`let _ =` is Rust\'s explicit way to discard a value (clippy\'s `let_underscore_must_use` is a restriction lint). If the call returns a `Result`, its error is dropped too: deliberately for a send to a receiver that may be gone, a thread join or a clean-up, and sometimes by mistake. What this call returns is not known here.',
    question: 'What does this call return, and if it can fail, is ignoring the failure right here?',
    match: LET_UNDERSCORE_CALL,
    check: ({ captures }, ctx) => {
      const discarded = discardedCall(captures.value, ctx);
      if (discarded === undefined) return false;
      // A deliberate discard carries no subject: the crate model must not make it a concern by what the call returns.
      if (deliberateDiscard(captures.site, captures.value, discarded.name, ctx)) return {};
      return !discarded.returnsResult && { subject: discarded.subject };
    },
  }),
  rule({
    id: 'process-exit',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1,
    message: '`process::exit` outside `main` ends the process without running destructors',
    explanation:
      '`std::process::exit` ends the process at once: no destructor runs on any thread\'s stack, so a `BufWriter` is not flushed, and nothing but the exit code says why. clippy\'s `exit` lint (restriction) asks for exits to happen by returning from `main`, or by a panic that reports where; a function that returns an error lets `main` decide.',
    question: 'Why end the process here rather than return an error to `main`?',
    match: { calls: ['exit'] },
    check: ({ captures }, ctx) => {
      if (ctx.resolvePath(normalisePath(ctx.text(captures.callee))) !== 'std::process::exit') return false;
      const fn = enclosingFunction(captures.call, true);
      const isMain = fn !== undefined && ctx.text(fn.childForFieldName('name') ?? fn) === 'main' && fn.parent?.type === 'source_file';
      return !isMain;
    },
  }),
  rule({
    id: 'unused-io-amount',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    weight: 1.5,
    message: 'the byte count of `read`/`write` is dropped; it may have moved fewer bytes than asked',
    explanation:
      '`io::Read::read` and `io::Write::write` (and tokio\'s `read`/`write`, awaited) may process only part of the buffer and return how much they did. Dropping that count loses data silently; clippy\'s deny-by-default `unused_io_amount` reports it. `read_exact` and `write_all` handle the loop.',
    question: 'What happens here when only part of the buffer is read or written?',
    match: { methods: ['read', 'write', 'read_vectored', 'write_vectored'] },
    check: ({ captures }, ctx) => {
      if (argumentCount(captures.call) !== 1 || !dropsIoAmount(captures.call)) return false;
      const name = ctx.text(captures.site);
      const fix = name.startsWith('read') ? 'read_exact' : 'write_all';
      const message = name.endsWith('vectored') ? `the byte count of \`${name}\` is dropped` : `the byte count of \`${name}\` is dropped; \`${fix}\` handles a partial ${name}`;
      return { message, subject: subjectOf(captures.call.childForFieldName('function') ?? captures.call, ctx) };
    },
  }),
];
