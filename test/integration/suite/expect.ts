// Assertions for the integration suite. They are written here rather than taken from Node's
// `assert` because the same suite runs in the web worker extension host, which has no Node.

export function equal<T>(actual: T, expected: T, message = 'values differ'): void {
  const a = JSON.stringify(actual, null, 1);
  const e = JSON.stringify(expected, null, 1);
  if (a !== e) throw new Error(`${message}\nexpected: ${e}\nactual:   ${a}`);
}

export function truthy(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export { eventually } from '../../support/eventually.mjs';
