import type { Node } from 'web-tree-sitter';
import { locksStandardStream } from './calls';
import { normalisePath, rule, type Rule, type RuleContext } from './rule';

/** Calls that block the calling thread, by the full path they resolve to. */
const BLOCKING_CALLS: { pattern: RegExp; describe: (path: string) => string }[] = [
  { pattern: /^std::thread::sleep$/, describe: () => '`std::thread::sleep` blocks the runtime thread; use `tokio::time::sleep`' },
  { pattern: /^std::fs::/, describe: (p) => `\`${p}\` is blocking file I/O; use \`tokio::fs\` or \`spawn_blocking\`` },
  { pattern: /^std::net::/, describe: (p) => `\`${p}\` is blocking network I/O; use \`tokio::net\`` },
  { pattern: /^std::io::stdin$/, describe: () => 'blocking stdin inside async code; use `tokio::io::stdin`' },
  { pattern: /^reqwest::blocking::/, describe: (p) => `\`${p}\` blocks the runtime thread; use the async \`reqwest\` client` },
  { pattern: /(^|::)block_on$/, describe: () => '`block_on` inside async code can deadlock the runtime' },
];

/** The last names of the calls `blockingCall` looks at; it decides on the resolved path. */
const BLOCKING_CALL_NAMES = [
  'sleep', 'stdin', 'block_on', 'open', 'create', 'read_to_string', 'read_to_end', 'read_dir', 'read', 'write', 'remove_file',
  'remove_dir', 'remove_dir_all', 'create_dir', 'create_dir_all', 'copy', 'rename', 'metadata', 'canonicalize', 'connect',
  'bind', 'get', 'post', 'new',
];

function blockingCall(callee: Node, ctx: RuleContext) {
  const written = normalisePath(ctx.text(callee));
  const path = ctx.resolvePath(written);
  const match = BLOCKING_CALLS.find((b) => b.pattern.test(path));
  return match ? { message: match.describe(written) } : false;
}

/** A `.lock()` that is not awaited takes a blocking lock (std or parking_lot), whatever the crate. */
function blockingLock(captures: Record<string, Node>, ctx: RuleContext) {
  if (!ctx.isInAsync(captures.site) || locksStandardStream(captures.receiver)) return false;
  // `.lock().await` is an async mutex; asked only now, since `parent` walks down from the root.
  if (captures.call.parent?.type === 'await_expression') return false;
  return { message: 'a blocking `Mutex` is locked in async code; keep the section short and never across `.await`' };
}

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
    match: [
      {
        query: `(attribute_item (attribute (scoped_identifier path: (identifier) @rt name: (identifier) @main)
  (#any-of? @rt "tokio" "async_std" "actix_web" "actix_rt" "smol") (#eq? @main "main"))) @site`,
      },
      { calls: ['new_multi_thread', 'new_current_thread'] },
    ],
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
    message: 'a blocking call inside async code stalls the runtime thread',
    explanation:
      'An async runtime runs many tasks on a few threads. A blocking call (sleep, file or socket I/O from `std`, a blocking HTTP client, reading stdin) parks one of those threads, and every task scheduled on it stalls. Use the async equivalent or `spawn_blocking`.',
    question: 'What happens to the other connections while this call blocks?',
    match: [{ calls: BLOCKING_CALL_NAMES }, { methods: ['lock'] }],
    check: ({ captures }, ctx) => {
      if (captures.receiver) return blockingLock(captures, ctx);
      if (!ctx.isInAsync(captures.site)) return false;
      return blockingCall(captures.callee, ctx);
    },
  }),
];

