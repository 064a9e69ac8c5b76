import { strictEqual } from 'node:assert';
import { errorMessage } from '../../src/analysis/errorMessage';

describe('errorMessage', () => {
  it("is a thrown Error's message, without its name", () => {
    strictEqual(errorMessage(new TypeError('x is not a function')), 'x is not a function');
  });

  it('is anything else that was thrown, as text', () => {
    strictEqual(errorMessage('the worker stopped'), 'the worker stopped');
    strictEqual(errorMessage(42), '42');
    strictEqual(errorMessage(undefined), 'undefined');
  });
});
