// Test entry for the Node extension host (desktop VS Code or the VS Code server).
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: process.env.RUST_REVIEW_TEST_COLOR === '1', timeout: 60_000 });
  // The tests are bundled into this file: define mocha's globals first, then evaluate them.
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  await import('./extension.test');
  await import('./teamReview.test');
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
}
