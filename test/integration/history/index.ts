// Test entry of the history suite, for the Node extension host (part of npm run test:integration).
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: process.env.RUST_REVIEW_TEST_COLOR === '1', timeout: 60_000 });
  // The tests are bundled into this file: define mocha's globals first, then evaluate them.
  mocha.suite.emit('pre-require', globalThis, 'history.test', mocha);
  await import('./history.test');
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
}
