// Test entry of the history suite for the web worker extension host: one CommonJS bundle (see
// test/integration/suite/index.web.ts).
import 'mocha/mocha.js';

declare const mocha: BrowserMocha;

export async function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000 });
  await import('./history.test');
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
}
