import type { Node } from 'web-tree-sitter';
import { isComment } from '../syntax';
import { argumentCount, discardsValue, isMethodCallNamed, joinsThread, locksStandardStream, returnsLockResult } from './calls';
import { lastSegment, normalisePath, perMatch, rule, type Rule, type RuleContext, type RuleMatch } from './rule';

const CHANNEL_MODULES = /(^|::)(mpsc|oneshot|broadcast|watch|crossbeam_channel|crossbeam::channel|flume|async_channel|kanal)(::|$)/;
const CHANNEL_CONSTRUCTORS = new Set(['channel', 'sync_channel', 'unbounded_channel', 'unbounded', 'bounded']);
const UNAMBIGUOUS_CHANNEL_CONSTRUCTORS = new Set(['channel', 'sync_channel', 'unbounded_channel']);
const ATOMIC_TYPE = /^Atomic(Bool|[UI](8|16|32|64|size)|Ptr)$/;
const ATOMIC_SIZED = new Set(['bool', 'u8', 'u16', 'u32', 'u64', 'usize', 'i8', 'i16', 'i32', 'i64', 'isize']);

/** A `Condvar` wait and the start of its guard argument: `cvar.wait(guard)`, `cvar.wait(self.flag.lock`. */
const CONDVAR_WAIT = /\.\s*wait(?:_while|_timeout|_timeout_while)?\s*\(\s*([\w.]+)/g;

const SAFETY_COMMENT = /\bSAFETY\s*:/i;

/** `unsafe impl Send for ..` or `unsafe impl Sync for ..`. */
function isUnsafeSendSyncImpl(impl: Node, trait: Node, ctx: RuleContext): boolean {
  return ctx.text(impl).startsWith('unsafe') && ['Send', 'Sync'].includes(lastSegment(normalisePath(ctx.text(trait))));
}

/** Whether a `// SAFETY:` comment (or a `# Safety` doc section) stands above the item, past its attributes. */
function hasSafetyComment(item: Node, ctx: RuleContext): boolean {
  return ctx.leadingComments(item).some((c) => SAFETY_COMMENT.test(c) || /#\s*Safety\b/.test(c));
}

/** Impls of a trait: the check keeps those of `Send` and `Sync`. */
const UNSAFE_SEND_SYNC_IMPL = '(impl_item trait: (_) @trait type: (_) @site.end) @site';

/** Whether the match is an `unsafe impl Send/Sync`, and whether it is justified: both rules of the pattern ask, answered once. */
const unsafeSendSync = perMatch(({ captures }: RuleMatch, ctx: RuleContext) =>
  isUnsafeSendSyncImpl(captures.site, captures.trait, ctx) ? { justified: hasSafetyComment(captures.site, ctx) } : undefined,
);

/** The name a type is declared under, through wrappers such as `Arc<..>` and `&`: a field, a static, a `let` or a parameter. */
function declaredName(type: Node): string | undefined {
  for (let node = type.parent; node; node = node.parent) {
    if (node.type === 'field_declaration' || node.type === 'static_item') return node.childForFieldName('name')?.text;
    if (node.type === 'let_declaration' || node.type === 'parameter') {
      const pattern = node.childForFieldName('pattern');
      return pattern?.type === 'identifier' ? pattern.text : undefined;
    }
    if (!['generic_type', 'type_arguments', 'reference_type'].includes(node.type)) return undefined;
  }
  return undefined;
}

/**
 * Whether a `Condvar` waits on a mutex: paired with one in a tuple type, or, in the same file,
 * waiting on a guard taken from a mutex of the same name (`cvar.wait(self.done.lock()..)`, or
 * `cvar.wait(guard)` with `guard = ..done.lock()`).
 */
function condvarWaitsOn(mutexType: Node, ctx: RuleContext): boolean {
  const parent = mutexType.parent;
  const pair = parent?.type === 'tuple_type' ? parent.namedChildren : [];
  if (pair.some((type) => type && lastSegment(normalisePath(ctx.text(type))) === 'Condvar')) return true;
  const name = declaredName(mutexType);
  if (!name) return false;
  const file = ctx.text(mutexType.tree.rootNode);
  return [...file.matchAll(CONDVAR_WAIT)].some(([, guard]) => {
    if (guard === `${name}.lock` || guard.endsWith(`.${name}.lock`)) return true;
    return /^\w+$/.test(guard) && new RegExp(`\\b${guard}\\s*=[^;=]*\\b${name}\\s*\\.\\s*lock\\s*\\(`).test(file);
  });
}

const AWAIT_IN_MACRO = /\.await\b/;

/** The first `.await` a statement runs itself, not one inside a closure or async block it only creates. */
function firstAwaitIn(statement: Node): Node | null {
  const candidates = [...statement.descendantsOfType('await_expression'), ...statement.descendantsOfType('macro_invocation')];
  const sorted = candidates.filter((n): n is Node => n !== null).sort((a, b) => a.startIndex - b.startIndex);
  for (const node of sorted) {
    if (node.type === 'macro_invocation' && !AWAIT_IN_MACRO.test(node.text)) continue;
    let deferred = false;
    for (let p = node.parent; p && p.startIndex >= statement.startIndex && p.id !== statement.id; p = p.parent) {
      if (p.type === 'closure_expression' || p.type === 'async_block') deferred = true;
    }
    if (!deferred) return node;
  }
  return null;
}

/** `drop(guard)` ends a guard; a new binding of its name only shadows it. */
function dropsGuard(statement: Node, name: string, ctx: RuleContext): boolean {
  const text = ctx.text(statement).replace(/\s+/g, '');
  return new RegExp(`^(std::mem::|mem::)?drop\\(${name}\\);?$`).test(text);
}

/**
 * A call that takes a blocking lock guard: a `.lock()` (std or parking_lot) not awaited, or a
 * `.read()`/`.write()` unwrapped as only a std `RwLock`'s are. All take no argument, which tells
 * them from I/O's `read(buf)` and `write(data)`.
 */
function takesBlockingGuard(call: Node): boolean {
  const field = call.childForFieldName('function');
  const receiver = field?.childForFieldName('value');
  if (!receiver || locksStandardStream(receiver) || call.childForFieldName('arguments')?.namedChildCount !== 0) return false;
  const parent = call.parent;
  if (isMethodCallNamed(call, ['lock'])) return parent?.type !== 'await_expression';
  return parent?.type === 'field_expression' && isMethodCallNamed(parent.parent, ['unwrap', 'expect']);
}

/** The `let` that binds what a lock call returns, through `.unwrap()`, `.expect(..)` and `?`, and the name it binds. */
function bindingOfLock(lockCall: Node): { letNode: Node; name: Node } | undefined {
  let value = lockCall;
  for (;;) {
    const parent = value.parent;
    if (parent?.type === 'try_expression') {
      value = parent;
      continue;
    }
    const outer = parent?.type === 'field_expression' ? parent.parent : null;
    if (outer && isMethodCallNamed(outer, ['unwrap', 'expect']) && outer.childForFieldName('function')?.id === parent?.id) {
      value = outer;
      continue;
    }
    break;
  }
  const letNode = value.parent;
  if (letNode?.type !== 'let_declaration' || letNode.childForFieldName('value')?.id !== value.id) return undefined;
  const pattern = letNode.childForFieldName('pattern');
  const name = pattern?.type === 'mut_pattern' ? pattern.namedChildren.find((child) => child?.type === 'identifier') : pattern;
  return name?.type === 'identifier' ? { letNode, name } : undefined;
}

/**
 * Where an `.await` is from the guard, counted from the guard rather than the top of the file so
 * that the message holds while lines above it are edited (an edited document keeps the findings
 * of the items not touched).
 */
function linesBelow(awaited: Node, guard: Node): string {
  const below = awaited.startPosition.row - guard.startPosition.row;
  return below === 0 ? 'on the same line' : `${below} line${below === 1 ? '' : 's'} below`;
}

/**
 * A bound guard held while a later statement of its block awaits. Judged lexically: the guard
 * lives from its `let` to the end of its block, unless `drop(guard)` ends it first.
 */
function boundGuardHeldAcrossAwait(letNode: Node, name: string, ctx: RuleContext) {
  for (let statement = letNode.nextNamedSibling; statement; statement = statement.nextNamedSibling) {
    if (dropsGuard(statement, name, ctx)) return false;
    const awaited = firstAwaitIn(statement);
    if (awaited) return { message: `lock guard \`${name}\` is still held at the \`.await\` ${linesBelow(awaited, letNode)}` };
  }
  return false;
}

/**
 * The construct whose scrutinee holds the call, and its body: the temporaries of a `for`,
 * `match`, `if let` or `while let` scrutinee live until the construct ends. A plain `if` or
 * `while` condition drops them before its block.
 */
function scrutineeOf(call: Node): { construct: string; body: Node } | undefined {
  for (let child = call, parent = call.parent; parent && parent.type !== 'block'; child = parent, parent = parent.parent) {
    const isValue = parent.childForFieldName('value')?.id === child.id;
    if (parent.type === 'for_expression' && isValue) return scrutinee('for', parent.childForFieldName('body'));
    if (parent.type === 'match_expression' && isValue) return scrutinee('match', parent.childForFieldName('body'));
    if (parent.type === 'let_condition' && isValue) {
      const above = parent.parent;
      const conditional = above?.type === 'let_chain' ? above.parent : above;
      if (conditional?.type === 'if_expression') return scrutinee('if let', conditional.childForFieldName('consequence'));
      if (conditional?.type === 'while_expression') return scrutinee('while let', conditional.childForFieldName('body'));
    }
  }
  return undefined;
}

function scrutinee(construct: string, body: Node | null) {
  return body ? { construct, body } : undefined;
}

/** A guard that is a temporary of a scrutinee, held while the construct's body awaits. */
function temporaryGuardHeldAcrossAwait(call: Node) {
  const scrutinee = scrutineeOf(call);
  const awaited = scrutinee && firstAwaitIn(scrutinee.body);
  return awaited ? { message: `this lock's guard lives through the \`${scrutinee.construct}\` and is held at the \`.await\` ${linesBelow(awaited, call)}` } : false;
}

/** Constructors of queues without a bound: a send never waits for the receiver. */
const UNBOUNDED_QUEUES = new Set([
  'std::sync::mpsc::channel',
  'tokio::sync::mpsc::unbounded_channel',
  'crossbeam_channel::unbounded',
  'crossbeam::channel::unbounded',
  'flume::unbounded',
  'async_channel::unbounded',
  'futures::channel::mpsc::unbounded',
]);
const SLEEPS = new Set(['std::thread::sleep', 'tokio::time::sleep', 'async_std::task::sleep']);
/** Reads of in-process shared state that a loop may poll: an atomic, a lock, a channel or a thread. */
const IN_PROCESS_POLL = /\.\s*(load|lock|read|try_lock|try_recv|is_finished)\s*\(/;

/** The expression a block's statement holds. */
function expressionOf(statement: Node): Node | null {
  return statement.type === 'expression_statement' ? statement.namedChildren[0] : statement;
}

/** A statement that only sleeps: `thread::sleep(d);` or `tokio::time::sleep(d).await;`. */
function isSleep(statement: Node, ctx: RuleContext): boolean {
  let expression = expressionOf(statement);
  if (expression?.type === 'await_expression') expression = expression.namedChildren[0];
  const callee = expression?.type === 'call_expression' ? expression.childForFieldName('function') : null;
  return !!callee && SLEEPS.has(ctx.resolvePath(normalisePath(ctx.text(callee))));
}

/** The condition of an `if` that only leaves the loop (`if cond { break; }`), or undefined for any other statement. */
function exitCondition(statement: Node): Node | undefined {
  const expression = expressionOf(statement);
  if (expression?.type !== 'if_expression' || expression.childForFieldName('alternative')) return undefined;
  const exits = expression.childForFieldName('consequence')?.namedChildren.filter((child) => child && !isComment(child)) ?? [];
  const leaves = exits.length > 0 && exits.every((exit) => exit && ['break_expression', 'return_expression'].includes(expressionOf(exit)?.type ?? ''));
  return leaves ? (expression.childForFieldName('condition') ?? undefined) : undefined;
}

/**
 * The conditions a loop polls between sleeps, when waiting is all it does: a `while` whose body
 * only sleeps, or a `loop` whose body only sleeps and leaves when a condition holds.
 */
function polledConditions(loop: Node, ctx: RuleContext): Node[] {
  const statements = loop.childForFieldName('body')?.namedChildren.filter((child): child is Node => !!child && !isComment(child)) ?? [];
  const others = statements.filter((statement) => !isSleep(statement, ctx));
  if (others.length === statements.length) return [];
  const condition = loop.childForFieldName('condition');
  if (condition) return others.length === 0 ? [condition] : [];
  const exits = others.map(exitCondition);
  return exits.every((exit): exit is Node => exit !== undefined) ? exits : [];
}

export const concurrencyRules: Rule[] = [
  rule({
    id: 'arc-mutex',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'shared-state',
    message: 'shared state: `Arc<Mutex/RwLock<..>>`',
    explanation:
      'Shared state behind a lock is one of the two concurrency models the guide asks candidates to compare. It is simple and right for small shared data; it invites contention and lock-ordering bugs as it grows. Look at whether the candidate chose it or defaulted to it.',
    question: 'Why shared state here rather than message passing? What happens under contention?',
    match: { query: `
(generic_type type: (type_identifier) @arc (#eq? @arc "Arc")
  type_arguments: (type_arguments (generic_type type: [(type_identifier) @lock (scoped_type_identifier name: (type_identifier) @lock)]
    (#any-of? @lock "Mutex" "RwLock")))) @site` },
  }),
  rule({
    id: 'lock-new',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'shared-state',
    message: 'creates a lock for shared state',
    explanation:
      'A `Mutex` or `RwLock` is created here. Together with `Arc` it is the shared-state model of concurrency.',
    question: 'Which data does this lock protect, and for how long is it held?',
    match: { calls: ['new'] },
    check: ({ captures }, ctx) => /(^|::)(Mutex|RwLock)::new$/.test(normalisePath(ctx.text(captures.callee))),
  }),
  rule({
    id: 'lock',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'shared-state',
    message: 'takes a lock',
    explanation: 'Each `.lock()` is a point of contention between threads or tasks; how long the guard lives decides how much.',
    question: 'How long is this lock held, and what else happens while it is?',
    match: { methods: ['lock'] },
    check: ({ captures }) => !locksStandardStream(captures.receiver),
  }),
  rule({
    id: 'lock-unwrap',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'shared-state',
    message: 'unwrapping a lock propagates a poisoned lock as a panic',
    explanation:
      'A `std::sync::Mutex` or `RwLock` is poisoned when a thread panics while holding it; `.lock()`, `.read()`, `.write()` and a `Condvar` wait then return an error, and unwrapping it panics too. That is the common, defensible idiom, but a strong candidate knows what poisoning is and when to recover with `into_inner`.',
    question: 'What happens here if another thread panicked while holding this lock?',
    match: { methods: ['unwrap', 'expect'] },
    check: ({ captures }, ctx) => {
      if (!returnsLockResult(captures.receiver)) return false;
      const lock = ctx.text(captures.receiver.childForFieldName('function')?.childForFieldName('field') ?? captures.site);
      const args = argumentCount(captures.receiver) > 0 ? '..' : '';
      const handler = ctx.text(captures.site) === 'expect' ? 'expect(..)' : 'unwrap()';
      return { message: `\`.${lock}(${args}).${handler}\` propagates a poisoned lock as a panic` };
    },
  }),
  rule({
    id: 'join-unwrap',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'threads',
    message: '`.join().unwrap()` panics if the joined thread panicked',
    explanation:
      '`JoinHandle::join` returns an `Err` holding the panic payload when the thread panicked; unwrapping it passes the failure on as a panic in the joining thread. That is the usual idiom when a worker\'s panic is a bug; matching on the `Err` (or `std::panic::resume_unwind`) is the choice when it is not.',
    question: 'What should the program do if this thread panicked?',
    match: { methods: ['unwrap', 'expect'] },
    check: ({ captures }) => joinsThread(captures.receiver),
  }),
  rule({
    id: 'atomic',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'shared-state',
    message: 'an atomic: lock-free shared state',
    explanation:
      'Atomics share a counter or flag between threads without a lock. Choosing the memory `Ordering` deliberately (rather than `SeqCst` everywhere, or `Relaxed` without thought) is a senior signal.',
    question: 'Which memory ordering do these operations use, and why is it enough?',
    // Where atomics are declared (a struct field, a static, `Arc<AtomicBool>`), and constructors
    // that initialise nothing declared: `let flag = Arc::new(AtomicBool::new(false))`.
    match: [
      ...['field_declaration', 'static_item', 'const_item'].map((item) => ({
        query: `(${item} type: [(type_identifier) (scoped_type_identifier)] @site)`,
      })),
      // Every type argument is a match: the check keeps those that name an atomic.
      { query: '(type_arguments [(type_identifier) (scoped_type_identifier)] @site)' },
      { calls: ['new', 'default'] },
    ],
    check: ({ captures }, ctx) => {
      const written = normalisePath(ctx.text(captures.site));
      if (!captures.call) return ATOMIC_TYPE.test(lastSegment(written));
      if (!ATOMIC_TYPE.test(lastSegment(written.slice(0, written.lastIndexOf('::'))))) return false;
      const initialises = captures.call.parent?.type;
      return initialises !== 'static_item' && initialises !== 'const_item' && initialises !== 'field_initializer';
    },
  }),
  rule({
    id: 'mutex-could-be-atomic',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'shared-state',
    message: 'a `Mutex` around a bool or integer: could an atomic do?',
    explanation:
      'When a single `bool` or integer is all a mutex protects, `AtomicBool` or `AtomicU64` can share it without a lock. Often it cannot: an atomic does not order other memory the way a lock\'s critical section does, it cannot make a multi-step update atomic, a `Condvar` needs the mutex, and some targets lack 64-bit atomics. Clippy keeps `mutex_atomic` in its restriction group, off by default, for these reasons. Not reported where a `Condvar` in the same file waits on the mutex.',
    question: 'Could this be an atomic? Does the lock also order other data or guard a multi-step update?',
    match: { query: `
(generic_type type: [(type_identifier) @lock (scoped_type_identifier name: (type_identifier) @lock)] (#eq? @lock "Mutex")
  type_arguments: (type_arguments . (primitive_type) @inner .)) @site` },
    // The declared name is the subject, so that Condvar waits in other files can be matched to it.
    check: ({ captures }, ctx) => ATOMIC_SIZED.has(ctx.text(captures.inner)) && !condvarWaitsOn(captures.site, ctx) && { subject: declaredName(captures.site) },
  }),
  rule({
    id: 'channel',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'message-passing',
    message: 'message passing: a channel',
    explanation:
      'Channels hand data between threads or tasks instead of sharing it, the other model the guide asks candidates to compare. They avoid lock contention and make ownership explicit; bounded channels also give back-pressure.',
    question: 'Is this channel bounded? What happens when the receiver falls behind or goes away?',
    match: { calls: ['channel', 'sync_channel', 'unbounded_channel', 'unbounded', 'bounded'] },
    check: ({ captures }, ctx) => {
      const written = normalisePath(ctx.text(captures.callee));
      const path = ctx.resolvePath(written);
      const name = lastSegment(path);
      if (!CHANNEL_CONSTRUCTORS.has(name)) return false;
      const known = CHANNEL_MODULES.test(path) || (path === written && !written.includes('::') && UNAMBIGUOUS_CHANNEL_CONSTRUCTORS.has(name));
      return known && { message: `message passing: \`${written}\`` };
    },
  }),
  rule({
    id: 'bounded-channel',
    category: 'concurrency',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    concurrencyModel: 'message-passing',
    message: 'a bounded channel: a full queue slows the sender down',
    explanation:
      'A channel with a capacity (`sync_channel(n)`, `bounded(n)`, tokio\'s `mpsc::channel(n)`) gives back-pressure: when the receiver falls behind, the sender waits instead of queueing without limit. Choosing the bound is a decision about memory and latency under load.',
    question: 'How did you choose this capacity, and what happens to senders when it is full?',
    match: { calls: ['channel', 'sync_channel', 'bounded'] },
    check: ({ captures }, ctx) => {
      const path = ctx.resolvePath(normalisePath(ctx.text(captures.callee)));
      return CHANNEL_MODULES.test(path) && argumentCount(captures.call) === 1;
    },
  }),
  rule({
    id: 'scoped-threads',
    category: 'concurrency',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    concurrencyModel: 'threads',
    message: 'scoped threads: they borrow from the stack and are joined before the scope ends',
    explanation:
      '`thread::scope` (and crossbeam\'s or rayon\'s `scope`) joins every thread it starts before it returns, so the threads can borrow local data without `Arc` or `\'static`, and none is left running detached.',
    question: 'What do the scoped threads borrow, and what would it take without a scope?',
    match: { calls: ['scope'] },
    check: ({ captures }, ctx) => /^(std::thread|crossbeam(_utils)?(::thread)?|rayon(_core)?)::scope$/.test(ctx.resolvePath(normalisePath(ctx.text(captures.callee)))),
  }),
  rule({
    id: 'thread-spawn',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'threads',
    message: 'starts OS threads',
    explanation:
      'OS threads suit CPU-bound work. `thread::scope` lets threads borrow from the stack safely; plain `spawn` needs `move` and `\'static` data. Ask how the thread is joined and what happens if it panics.',
    question: 'How is this thread joined, and what happens if it panics?',
    match: { calls: ['spawn', 'scope', 'new'] },
    check: ({ captures }, ctx) => /(^|::)thread::(spawn|scope|Builder::new)$/.test(ctx.resolvePath(normalisePath(ctx.text(captures.callee)))),
  }),
  rule({
    id: 'rayon',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'threads',
    message: 'data parallelism with rayon',
    explanation: 'Rayon spreads iterator work over a thread pool: the idiomatic choice for CPU-bound parallel work.',
    question: 'Is this work large enough for parallelism to pay off?',
    match: [
      { methods: ['par_iter', 'par_iter_mut', 'into_par_iter', 'par_bridge', 'par_chunks', 'par_chunks_mut'] },
      { calls: ['join', 'scope', 'spawn'] },
    ],
    check: ({ captures }, ctx) => !captures.callee || ctx.resolvePath(normalisePath(ctx.text(captures.callee))).startsWith('rayon::'),
  }),
  rule({
    id: 'static-mut',
    category: 'concurrency',
    polarity: 'concern',
    severity: 'warning',
    weight: 3,
    caps: 'with-threads',
    concurrencyModel: 'shared-state',
    message: '`static mut`: global state that every access reaches through `unsafe`',
    explanation:
      'Every access to a `static mut` is `unsafe`, and a data race as soon as two threads touch it unless something else (a `Once`, an atomic flag) orders every access, which the compiler cannot check. rustc\'s `static_mut_refs` lint warns on references to it, an error in edition 2024. An atomic, a `Mutex` in a `static`, or `OnceLock` does the job safely.',
    question: 'What happens if two threads touch this at once? How would you make it safe?',
    match: { query: `(static_item (mutable_specifier) name: (identifier) @site)` },
  }),
  rule({
    id: 'unsafe-send-sync',
    category: 'concurrency',
    polarity: 'concern',
    severity: 'warning',
    weight: 3,
    caps: true,
    message: '`unsafe impl Send/Sync` without a `// SAFETY:` comment',
    explanation:
      'Implementing `Send` or `Sync` by hand tells the compiler a type is thread-safe when it could not prove it. It is needed around raw pointers and in the internals of synchronisation primitives, and it always needs a written justification: the convention (and Clippy\'s `undocumented_unsafe_blocks`, which covers unsafe impls) is a `// SAFETY:` comment above the impl. This one has none.',
    question: 'What makes this type safe to send or share across threads? Where is that argued?',
    match: { query: UNSAFE_SEND_SYNC_IMPL },
    check: (match, ctx) => unsafeSendSync(match, ctx)?.justified === false,
  }),
  rule({
    id: 'unsafe-send-sync-justified',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    message: '`unsafe impl Send/Sync` with a `// SAFETY:` justification',
    explanation:
      'This hand-written `Send` or `Sync` impl states why the type is thread-safe. Check that the argument holds: every field must be safe to move (for `Send`) or to share (for `Sync`) across threads under the bounds given.',
    question: 'Walk me through the safety argument: which field would make this unsound without the bounds?',
    match: { query: UNSAFE_SEND_SYNC_IMPL },
    check: (match, ctx) => unsafeSendSync(match, ctx)?.justified === true,
  }),
  rule({
    id: 'guard-across-await',
    category: 'concurrency',
    polarity: 'concern',
    severity: 'warning',
    weight: 3,
    caps: true,
    concurrencyModel: 'shared-state',
    message: 'a blocking lock guard is held across an `.await`',
    explanation:
      'A `std::sync::Mutex` guard held across `.await` keeps the lock while the task is parked: other tasks on the same runtime thread can deadlock on it, and the future is no longer `Send`. A named guard lives to the end of its block unless dropped (shadowing its name drops nothing); a guard made in the scrutinee of a `for`, `match`, `if let` or `while let` lives through its body. Clippy\'s `await_holding_lock` reports the same. Drop the guard before awaiting, or use an async mutex.',
    question: 'What happens if another task tries to take this lock while this one is suspended at the `.await`?',
    match: { methods: ['lock', 'read', 'write'] },
    check: ({ captures }, ctx) => {
      const { call, site } = captures;
      if (!takesBlockingGuard(call) || !ctx.isInAsync(call)) return false;
      const binding = bindingOfLock(call);
      if (!binding) {
        const verdict = temporaryGuardHeldAcrossAwait(call);
        return verdict && { ...verdict, end: site };
      }
      const verdict = boundGuardHeldAcrossAwait(binding.letNode, ctx.text(binding.name), ctx);
      return verdict && { ...verdict, start: binding.name, end: binding.name };
    },
  }),
  rule({
    id: 'detached-thread',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'threads',
    message: "the thread's `JoinHandle` is dropped: it runs detached",
    explanation:
      "The std docs: dropping a thread's `JoinHandle` detaches the thread. Nothing can join it, get its result or learn that it panicked, and when `main` returns the process ends with it, wherever it is. That suits work that may stop at any point; otherwise a reviewer looks for a way to tell the thread to stop and a `join` at shutdown.",
    question: 'How does this thread stop when the program shuts down, and who learns if it panics?',
    match: { calls: ['spawn'] },
    check: ({ captures }, ctx) => ctx.resolvePath(normalisePath(ctx.text(captures.callee))) === 'std::thread::spawn' && discardsValue(captures.call),
  }),
  rule({
    id: 'unbounded-channel',
    category: 'concurrency',
    polarity: 'info',
    severity: 'hint',
    concurrencyModel: 'message-passing',
    message: 'an unbounded queue: nothing slows the sender when the receiver falls behind',
    explanation:
      "A send on an unbounded channel (std's `mpsc::channel`, Tokio's `unbounded_channel`, crossbeam's `unbounded`) always succeeds while the receiver lives; when the receiver falls behind, messages pile up in memory, which Tokio's docs name as the only bound. A bounded channel (`sync_channel(n)`, Tokio's `channel(n)`, `bounded(n)`) gives back-pressure instead. Unbounded is fine when the producer is bounded by design, such as one reply per request.",
    question: 'What limits how many messages wait in this queue when the consumer is slow?',
    match: { calls: ['channel', 'unbounded_channel', 'unbounded'] },
    check: ({ captures }, ctx) => UNBOUNDED_QUEUES.has(ctx.resolvePath(normalisePath(ctx.text(captures.callee)))),
  }),
  rule({
    id: 'busy-wait',
    category: 'concurrency',
    polarity: 'concern',
    severity: 'information',
    weight: 1.5,
    message: 'waits for shared state by polling it and sleeping',
    explanation:
      "This loop does nothing but check an atomic, a lock or a channel and sleep, so it notices the change up to one sleep late and wakes for nothing in between. The std docs present `Condvar` as the way to block a thread without using CPU until an event; a channel's `recv`, `thread::park`, or in async code `tokio::sync::Notify` or a `watch` channel, wake the waiter when the state changes. Only loops that poll in-process state are reported: polling a file or a remote service is sometimes the only way.",
    question: 'How could the code that changes this state wake the waiter instead?',
    match: [{ query: '(while_expression "while" @site) @loop' }, { query: '(loop_expression "loop" @site) @loop' }],
    check: ({ captures }, ctx) => {
      const conditions = polledConditions(captures.loop, ctx);
      return conditions.length > 0 && conditions.some((condition) => IN_PROCESS_POLL.test(ctx.text(condition)));
    },
  }),
];
