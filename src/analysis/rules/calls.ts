import type { Node } from 'web-tree-sitter';
import { isComment } from '../syntax';
import { lastSegment } from './rule';

/** The method a call calls (`lock` for `m.lock()`); undefined for anything but a method call. */
function calledMethod(node: Node | null): string | undefined {
  if (node?.type !== 'call_expression') return undefined;
  const callee = node.childForFieldName('function');
  return callee?.type === 'field_expression' ? callee.childForFieldName('field')?.text : undefined;
}

export function isMethodCallNamed(node: Node | null, names: readonly string[]): boolean {
  return names.includes(calledMethod(node) ?? '');
}

const STDIO_HANDLE = /(^|[^\w])(stdout|stderr|stdin)\s*\(\s*\)$|^(stdout|stderr|stdin|out|err)$/;

/** `io::stdout().lock()` and the like lock a standard stream, not shared state. */
export function locksStandardStream(receiver: Node | undefined): boolean {
  return receiver !== undefined && STDIO_HANDLE.test(receiver.text);
}

/** How many arguments a call passes, comments aside. */
export function argumentCount(call: Node): number {
  return call.childForFieldName('arguments')?.namedChildren.filter((arg) => arg !== null && !isComment(arg)).length ?? 0;
}

const CONDVAR_WAITS: readonly string[] = ['wait', 'wait_while', 'wait_timeout', 'wait_timeout_while'];

/**
 * A call that returns std's `LockResult`, whose only error is a poisoned lock: `.lock()`, an
 * `RwLock`'s `.read()`/`.write()` and a `Condvar` wait. `io::Read::read`/`io::Write::write` take a
 * buffer and `process::Child::wait` takes nothing, so the number of arguments tells them apart.
 */
export function returnsLockResult(call: Node | null): boolean {
  // The method's name is read once: each look at a child is a call into the parser's memory.
  const method = calledMethod(call);
  if (!call || method === undefined) return false;
  if (method === 'lock') return true;
  if (method === 'read' || method === 'write') return argumentCount(call) === 0;
  return CONDVAR_WAITS.includes(method) && argumentCount(call) > 0;
}

/** `handle.join()`: std's `JoinHandle::join`, whose `Err` holds the joined thread's panic. */
export function joinsThread(call: Node | null): boolean {
  return call !== null && calledMethod(call) === 'join' && argumentCount(call) === 0;
}

/** A kind of blocking operation: how it blocks, the async way to do it, and its full paths. */
interface BlockingKind {
  blocks: string;
  instead: string;
  paths: readonly string[];
}

const within = (prefix: string, names: readonly string[]) => names.map((name) => `${prefix}::${name}`);

/**
 * Operations that block the calling thread, by the full path they resolve to. Only operations:
 * constructors of values (`SocketAddr::new`, `OpenOptions::new`) do no I/O and are not listed.
 * Methods are listed under their type (`std::fs::OpenOptions::open`) or trait.
 */
const BLOCKING_KINDS: readonly BlockingKind[] = [
  { blocks: 'puts the thread to sleep', instead: '`tokio::time::sleep(..).await`', paths: within('std::thread', ['sleep', 'park', 'park_timeout']) },
  {
    blocks: 'blocks the thread on file I/O',
    instead: '`tokio::fs` or `spawn_blocking`',
    paths: [
      ...within('std::fs', ['read', 'read_to_string', 'write', 'read_dir', 'read_link', 'metadata', 'symlink_metadata', 'copy', 'rename']),
      ...within('std::fs', ['remove_file', 'remove_dir', 'remove_dir_all', 'create_dir', 'create_dir_all', 'canonicalize', 'hard_link', 'set_permissions', 'exists']),
      ...within('std::fs::File', ['open', 'create', 'create_new', 'sync_all', 'sync_data', 'set_len']),
      'std::fs::OpenOptions::open',
      'std::fs::DirBuilder::create',
      ...within('std::path::Path', ['exists', 'try_exists', 'is_file', 'is_dir', 'metadata', 'canonicalize', 'read_dir', 'read_link']),
    ],
  },
  {
    blocks: 'blocks the thread on network I/O',
    instead: '`tokio::net`',
    paths: [
      ...within('std::net::TcpStream', ['connect', 'connect_timeout']),
      ...within('std::net::TcpListener', ['bind', 'accept', 'incoming']),
      ...within('std::net::UdpSocket', ['bind', 'recv_from', 'send_to']),
    ],
  },
  { blocks: 'blocks the thread on a DNS lookup', instead: '`tokio::net::lookup_host`', paths: ['std::net::ToSocketAddrs::to_socket_addrs'] },
  { blocks: 'is the blocking standard input', instead: '`tokio::io::stdin`', paths: ['std::io::stdin'] },
  { blocks: 'blocks the thread until input arrives', instead: '`tokio::io::stdin`', paths: within('std::io::Stdin', ['read_line', 'lines']) },
  {
    blocks: 'blocks the thread on an HTTP request',
    instead: 'the async `reqwest` client',
    paths: ['reqwest::blocking::get', 'reqwest::blocking::RequestBuilder::send', 'reqwest::blocking::Client::execute'],
  },
  {
    blocks: 'blocks the thread until a child process ends',
    instead: '`tokio::process`',
    paths: [...within('std::process::Command', ['output', 'status']), ...within('std::process::Child', ['wait', 'wait_with_output'])],
  },
  {
    blocks: 'blocks the thread until a message arrives',
    instead: 'an async channel such as `tokio::sync::mpsc`',
    paths: [...within('std::sync::mpsc::Receiver', ['recv', 'recv_timeout']), ...within('crossbeam_channel::Receiver', ['recv', 'recv_timeout'])],
  },
  { blocks: 'blocks the thread until the other thread finishes', instead: '`spawn_blocking`, or a task awaited', paths: ['std::thread::JoinHandle::join'] },
  { blocks: 'blocks the thread until every thread spawned in it finishes', instead: '`spawn_blocking`', paths: ['std::thread::scope'] },
  {
    blocks: 'blocks the thread until another thread notifies it',
    instead: '`tokio::sync::Notify`',
    paths: within('std::sync::Condvar', ['wait', 'wait_while', 'wait_timeout', 'wait_timeout_while']),
  },
  { blocks: 'blocks the thread until every party arrives', instead: '`tokio::sync::Barrier`', paths: ['std::sync::Barrier::wait'] },
  {
    blocks: 'blocks the thread until the future completes',
    instead: '`.await`',
    paths: [
      'futures::executor::block_on',
      'tokio::runtime::Runtime::block_on',
      'tokio::runtime::Handle::block_on',
      'futures_lite::future::block_on',
      'async_std::task::block_on',
      'smol::block_on',
      'pollster::block_on',
    ],
  },
];

const BLOCKING_BY_PATH = new Map(BLOCKING_KINDS.flatMap((kind) => kind.paths.map((path) => [path, kind] as const)));

/** The last names of the blocking operations: what a matcher dispatches on, before the path is resolved. */
export const BLOCKING_OPERATION_NAMES: readonly string[] = [...new Set([...BLOCKING_BY_PATH.keys()].map(lastSegment))];

/**
 * How the operation a full path names blocks (`blocks the thread on file I/O`), or undefined when
 * it is not a blocking operation. A crate-level pass may use it to find the crate's own blocking
 * functions.
 */
export function blockingOperation(path: string): string | undefined {
  return BLOCKING_BY_PATH.get(path)?.blocks;
}

/** The async way to do what a blocking operation does, or undefined when the full path is not one. */
export function asyncAlternative(path: string): string | undefined {
  return BLOCKING_BY_PATH.get(path)?.instead;
}

/** Whether a call's value is dropped at once: a statement of its own, or bound to `_`. */
export function discardsValue(call: Node): boolean {
  const parent = call.parent;
  if (parent?.type === 'expression_statement') return true;
  return parent?.type === 'let_declaration' && parent.childForFieldName('pattern')?.text === '_';
}
