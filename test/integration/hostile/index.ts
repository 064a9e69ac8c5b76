// Test entry of the hostile-workspace suite, for the Node extension host (npm run test:hostile).
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // Each scan of the workspace takes seconds to a minute on a busy machine.
  const mocha = new Mocha({ ui: 'tdd', color: process.env.RUST_REVIEW_TEST_COLOR === '1', timeout: 300_000 });
  // The tests are bundled into this file: define mocha's globals first, then evaluate them.
  mocha.suite.emit('pre-require', globalThis, 'hostile.test', mocha);
  await import('./hostile.test');
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
}
