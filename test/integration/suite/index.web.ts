// Test entry for the web worker extension host: one CommonJS bundle, since the worker can load
// no other module. mocha/mocha.js is mocha's self-contained browser build; it defines `mocha`.
import 'mocha/mocha.js';

declare const mocha: BrowserMocha;

export async function run(): Promise<void> {
  // The `spec` reporter: there is no DOM in a worker for the browser's default `html` one.
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000 });
  await import('./extension.test');
  await import('./teamReview.test');
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
}
