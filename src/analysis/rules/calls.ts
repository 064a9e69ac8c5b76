import type { Node } from 'web-tree-sitter';
import { isComment } from '../syntax';

export function isMethodCallNamed(node: Node | null, names: readonly string[]): boolean {
  if (node?.type !== 'call_expression') return false;
  const callee = node.childForFieldName('function');
  return callee?.type === 'field_expression' && names.includes(callee.childForFieldName('field')?.text ?? '');
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

/**
 * A call that returns std's `LockResult`, whose only error is a poisoned lock: `.lock()`, an
 * `RwLock`'s `.read()`/`.write()` and a `Condvar` wait. `io::Read::read`/`io::Write::write` take a
 * buffer and `process::Child::wait` takes nothing, so the number of arguments tells them apart.
 */
export function returnsLockResult(call: Node | null): boolean {
  if (!call) return false;
  if (isMethodCallNamed(call, ['lock'])) return true;
  if (isMethodCallNamed(call, ['read', 'write'])) return argumentCount(call) === 0;
  return isMethodCallNamed(call, ['wait', 'wait_while', 'wait_timeout', 'wait_timeout_while']) && argumentCount(call) > 0;
}

/** `handle.join()`: std's `JoinHandle::join`, whose `Err` holds the joined thread's panic. */
export function joinsThread(call: Node | null): boolean {
  return call !== null && isMethodCallNamed(call, ['join']) && argumentCount(call) === 0;
}
