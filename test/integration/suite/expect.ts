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

/** Polls until `probe` returns a value that `done` accepts, or fails after `ms` with the last value. */
export async function eventually<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, message: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`${message} (last seen: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}
