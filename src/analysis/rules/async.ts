import type { Node } from 'web-tree-sitter';
import { asyncAlternative, BLOCKING_OPERATION_NAMES, blockingOperation, discardsValue, isMethodCallNamed } from './calls';
import { lastSegment, normalisePath, rule, type Rule, type RuleContext } from './rule';

/** Methods of std traits, whatever the receiver: the name alone tells the operation. */
const STD_TRAIT_METHODS = new Map([['to_socket_addrs', 'std::net::ToSocketAddrs::to_socket_addrs']]);

/**
 * The full path a method call names when its receiver is built in place by a path call, through
 * builder methods and error handling, taking the parent of that call's path as the receiver's
 * type: `OpenOptions::new().append(true).open(p)` names `std::fs::OpenOptions::open`. Undefined
 * when the receiver is a variable or anything else whose type is not written.
 */
function methodPath(name: string, receiver: Node, ctx: RuleContext): string | undefined {
  const traitMethod = STD_TRAIT_METHODS.get(name);
  if (traitMethod) return traitMethod;
  let node: Node | null = receiver;
  while (node?.type === 'try_expression' || node?.type === 'call_expression') {
    const callee = node.childForFieldName('function');
    if (node.type === 'try_expression') node = node.namedChildren[0];
    else if (callee?.type === 'field_expression') node = callee.childForFieldName('value');
    else {
      const root = callee && ctx.resolvePath(normalisePath(ctx.text(callee)));
      const type = root?.slice(0, Math.max(0, root.lastIndexOf('::')));
      return type ? `${type}::${name}` : undefined;
    }
  }
  return undefined;
}

/** A call to a known blocking operation, named by its path (`fs::read(p)`) or by a method on a value built in place. */
function blockingCall(captures: Record<string, Node>, ctx: RuleContext) {
  const { callee, receiver, site } = captures;
  const name = ctx.text(site);
  const path = callee ? ctx.resolvePath(normalisePath(ctx.text(callee))) : methodPath(name, receiver, ctx);
  const blocks = path && blockingOperation(path);
  if (!path || !blocks) return false;
  const written = callee ? normalisePath(ctx.text(callee)) : `${lastSegment(path.slice(0, path.lastIndexOf('::')))}::${name}`;
  return { message: `\`${written}\` ${blocks}; use ${asyncAlternative(path)}`, end: site, subject: path };
}

/** Tokio's task spawns, whose `JoinHandle` detaches the task when dropped. */
const TASK_SPAWNS = new Set(['tokio::spawn', 'tokio::task::spawn', 'tokio::task::spawn_local', 'tokio::task::spawn_blocking']);

/** Methods a `Result` (or std's `BarrierWaitResult`) has and a future does not: a future must be awaited first. */
const RESULT_ONLY_METHODS = ['unwrap', 'expect', 'ok', 'is_ok', 'is_err', 'unwrap_or', 'unwrap_or_default', 'is_leader'];

/** A `Condvar` wait's first argument: a guard variable (`&mut guard` for parking_lot's) or a lock taken in place. */
const GUARD_ARGUMENT = /^(&\s*mut\s+)?[a-z_]\w*$|\.lock\(\)/;

/** What the call waits for, when its shape rules out an async method left un-awaited. */
function blockingWaitFor(name: string, call: Node): string | false {
  const argList = call.childForFieldName('arguments');
  const args = argList?.namedChildCount ?? 0;
  const givenGuard = GUARD_ARGUMENT.test(argList?.namedChildren[0]?.text ?? '');
  const parent = call.parent;
  const usedAsResult =
    parent?.type === 'try_expression' ||
    (parent?.type === 'field_expression' && isMethodCallNamed(parent.parent, RESULT_ONLY_METHODS)) ||
    // `while let Ok(m) = rx.recv()`; a `select!` branch of the same shape is no `let`.
    (parent?.type === 'let_condition' && /^(Ok|Err)\s*\(/.test(parent.childForFieldName('pattern')?.text ?? ''));
  switch (name) {
    case 'join':
      // A slice's `join` takes a separator and a path's a component; a thread's takes nothing.
      return args === 0 && 'the thread finishes';
    case 'recv_timeout':
      return args === 1 && 'a message arrives or the time runs out';
    case 'recv':
      return args === 0 && usedAsResult && 'a message arrives';
    case 'wait':
      if (args === 1) return givenGuard && 'another thread notifies the `Condvar`';
      return args === 0 && usedAsResult && 'what it waits on (a `Barrier`, a child process) is done';
    default:
      return args >= 2 && givenGuard && 'another thread notifies the `Condvar`';
  }
}

/**
 * `Option`, `Result` and iterator methods that run the closures they are given in place, while the
 * caller waits (the engine's syntax facts use it to tell which closures run in async code). A closure handed to anything else is deferred work (`spawn_blocking(|| ..)`, a
 * crate's own offloading wrapper), whose body is not the async code around it.
 */
export const SYNCHRONOUS_ADAPTERS = new Set([
  'map', 'map_err', 'map_or', 'map_or_else', 'and_then', 'or_else', 'unwrap_or_else', 'ok_or_else', 'is_some_and', 'is_ok_and', 'then',
  'filter', 'filter_map', 'flat_map', 'for_each', 'try_for_each', 'fold', 'try_fold', 'any', 'all', 'find', 'find_map', 'position',
  'inspect', 'take_while', 'skip_while', 'map_while', 'scan', 'retain', 'get_or_insert_with', 'or_insert_with',
]);
/** Crates whose `#[<crate>::main]` starts an async runtime. */
const RUNTIME_CRATES = new Set(['tokio', 'async_std', 'actix_web', 'actix_rt', 'smol']);

export const asyncRules: Rule[] = [
  rule({
    id: 'async-runtime',
    category: 'async',
    polarity: 'info',
    severity: 'hint',
    message: 'async runtime entry point',
    explanation:
      'The runtime entry (`#[tokio::main]` or a hand-built runtime) decides the scheduler: multi-threaded by default, current-thread when asked. The guide wants senior candidates to explain when async is worth its overhead at all.',
    question: 'Why async for this program rather than threads? Which runtime flavour and why?',
    match: [{ attributes: ['main'] }, { calls: ['new_multi_thread', 'new_current_thread'] }],
    check: ({ captures }, ctx) => {
      if (!captures.attribute) return true;
      const runtime = captures.path.type === 'scoped_identifier' ? captures.path.childForFieldName('path') : null;
      return runtime?.type === 'identifier' && RUNTIME_CRATES.has(ctx.text(runtime)) && { start: captures.attribute, end: captures.attribute };
    },
  }),
  rule({
    id: 'async-fn',
    category: 'async',
    polarity: 'info',
    severity: 'hint',
    message: 'an `async fn`: its body runs only when awaited',
    explanation: 'An `async fn` returns a future that does nothing until awaited; what it awaits, and what it blocks on, decide how it behaves under load.',
    question: 'What does this function wait on, and could any of it block the runtime?',
    match: { query: '(function_item (function_modifiers) @modifiers name: (identifier) @site)' },
    check: ({ captures }, ctx) => /\basync\b/.test(ctx.text(captures.modifiers)),
  }),
  rule({
    id: 'await',
    category: 'async',
    polarity: 'info',
    severity: 'hint',
    message: '`.await` suspends the task here',
    explanation: 'Every `.await` is a point where the task may be suspended and other tasks run. Locks held and invariants broken across it matter.',
    question: 'What state is held across this `.await`?',
    match: { query: '(await_expression "await" @site)' },
  }),
  rule({
    id: 'spawn-task',
    category: 'async',
    polarity: 'info',
    severity: 'hint',
    // A runtime's worker threads run spawned tasks (Tokio's default runtime has several).
    concurrencyModel: 'threads',
    message: 'spawns an async task',
    explanation:
      'A spawned task runs concurrently and outlives its caller unless joined. Strong candidates keep the `JoinHandle`, handle its error and think about cancellation and shutdown.',
    question: 'Who joins this task, and how does it stop at shutdown?',
    match: [{ calls: ['spawn', 'spawn_local'] }, { methods: ['spawn'] }],
    check: ({ captures }, ctx) => {
      // `set.spawn(async { .. })`: a JoinSet (or a runtime handle) spawning a future.
      if (!captures.callee) return captures['site.end'].namedChildren[0]?.type === 'async_block' && { start: captures.call };
      const path = ctx.resolvePath(normalisePath(ctx.text(captures.callee)));
      // A bare `spawn` counts only when imported from a runtime; threads are `thread-spawn`'s.
      return path.includes('::') && !/(^|::)thread::|^rayon::/.test(path);
    },
  }),
  rule({
    id: 'spawn-blocking',
    category: 'async',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    message: 'moves blocking work off the async runtime',
    explanation:
      '`spawn_blocking` (or `block_in_place`) runs blocking or CPU-heavy work on a thread meant for it, so the async workers stay responsive. It shows the candidate knows async code must not block.',
    question: 'What would happen to other requests if this work ran directly in the async task?',
    match: { calls: ['spawn_blocking', 'block_in_place'] },
  }),
  rule({
    id: 'select-join',
    category: 'async',
    polarity: 'info',
    severity: 'hint',
    message: 'waits on several futures at once',
    explanation:
      '`select!` and `join!` compose futures: racing them (and cancelling the losers) or awaiting all. Cancellation safety of the `select!` branches is the senior-level question.',
    question: 'What happens to the branches that lose this race? Are they cancellation-safe?',
    match: [{ macros: ['select', 'join', 'try_join', 'select_biased'] }, { calls: ['join_all', 'try_join_all', 'select_all'] }],
  }),
  rule({
    id: 'timeout',
    category: 'async',
    polarity: 'strength',
    severity: 'hint',
    weight: 1.5,
    message: 'bounds the wait with a timeout',
    explanation: 'A timeout keeps a slow peer or a lost message from hanging a task forever: a sign of operational thinking.',
    question: 'How did you pick this timeout, and what happens when it fires?',
    match: { calls: ['timeout', 'timeout_at'] },
  }),
  rule({
    id: 'blocking-in-async',
    category: 'async',
    polarity: 'concern',
    severity: 'warning',
    weight: 3,
    caps: true,
    message: 'a blocking call inside async code stalls the runtime thread',
    explanation:
      'An async runtime runs many tasks on a few threads. A blocking operation (a sleep, file or socket I/O and DNS lookups from `std`, a blocking HTTP client, stdin, waiting for a child process, `block_on`) parks one of those threads, and every task scheduled on it stalls; Tokio\'s own `block_on` panics inside a runtime. Use the async equivalent or `spawn_blocking`. Only the call itself is judged: a closure handed to another function is deferred work, and counts only when an `Option`, `Result` or iterator method runs it in place.',
    question: 'What happens to the other connections while this call blocks?',
    match: [{ calls: BLOCKING_OPERATION_NAMES }, { methods: BLOCKING_OPERATION_NAMES }],
    check: ({ captures }, ctx) => ctx.isInAsync(captures.site) && blockingCall(captures, ctx),
  }),
  rule({
    id: 'blocking-wait-in-async',
    category: 'async',
    polarity: 'concern',
    severity: 'warning',
    weight: 3,
    caps: true,
    message: 'a blocking wait on another thread inside async code',
    explanation:
      "std's `mpsc::Receiver::recv`, a thread's `JoinHandle::join`, `Condvar::wait` and `Barrier::wait` block the calling thread until another thread acts. In async code that thread is one of the runtime's workers, so every task scheduled on it stalls meanwhile. Tokio has counterparts that are awaited (`tokio::sync::mpsc`, `Notify`, `Barrier`, a task's `JoinHandle`), and `spawn_blocking` moves a wait off the workers. Reported only where the call cannot be an async method left un-awaited: a `join()` without arguments, a `Condvar` wait given a guard, `recv_timeout`, or a `recv()`/`wait()` whose result is used as a `Result` at once (unwrapped, `?`, or matched by `while let Ok(..)`).",
    question: 'What do the other tasks on this runtime thread do while this call waits?',
    match: { methods: ['recv', 'recv_timeout', 'join', 'wait', 'wait_while', 'wait_timeout', 'wait_timeout_while'] },
    check: ({ captures }, ctx) => {
      const { site, call, receiver } = captures;
      if (call.parent?.type === 'await_expression' || !ctx.isInAsync(site)) return false;
      const name = ctx.text(site);
      const until = blockingWaitFor(name, call);
      const written = `.${name}(${call.childForFieldName('arguments')?.namedChildCount ? '..' : ''})`;
      return until !== false && { message: `\`${written}\` without \`.await\` blocks the runtime thread until ${until}`, end: site, subject: ctx.text(receiver) };
    },
  }),
  rule({
    id: 'detached-task',
    category: 'async',
    polarity: 'info',
    severity: 'hint',
    message: "the task's `JoinHandle` is dropped: it runs detached",
    explanation:
      "Tokio's docs: dropping a `JoinHandle` detaches the task. It keeps running, but nothing can await its result, see its error or panic, or abort it. That is the documented way to fire and forget, common for a task per accepted connection; what matters is how such tasks stop: a shutdown signal, a `CancellationToken`, or a `JoinSet` that owns them. When the runtime shuts down, they are dropped at their next yield point rather than run to completion.",
    question: 'How does this task stop at shutdown, and who learns if it fails or panics?',
    match: { calls: ['spawn', 'spawn_local', 'spawn_blocking'] },
    check: ({ captures }, ctx) => TASK_SPAWNS.has(ctx.resolvePath(normalisePath(ctx.text(captures.callee)))) && discardsValue(captures.call),
  }),
];
