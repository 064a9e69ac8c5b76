import type { Node } from 'web-tree-sitter';

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
