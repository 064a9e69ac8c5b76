// The tests' one wait-until. Plain JavaScript with JSDoc types, so that the TypeScript suites (in
// Node and in the web worker extension host) and the end-to-end suites (JavaScript, in Node) share it.

/**
 * Polls until `probe` returns a value that `done` accepts, and returns that value; after `timeoutMs`
 * it fails with `message` and the last value seen, or with what `message(last)` says of it.
 * @template T
 * @param {() => T | Promise<T>} probe
 * @param {(value: T) => boolean} done
 * @param {string | ((last: T) => string)} message
 * @param {number} [timeoutMs]
 * @param {number} [intervalMs] how long to wait between probes
 * @returns {Promise<T>}
 */
export async function eventually(probe, done, message, timeoutMs = 15_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > deadline) {
      throw new Error(typeof message === 'function' ? message(value) : `${message} (last seen: ${JSON.stringify(value)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await probe();
  }
  return value;
}
