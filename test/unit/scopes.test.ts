import { deepStrictEqual } from 'node:assert';
import { ScopeIndex } from '../../src/analysis/scopes';

describe('ScopeIndex', () => {
  it('answers with the innermost range around an offset', () => {
    const scopes = new ScopeIndex<string>();
    // fn a { async block { closure } }  fn b {}
    scopes.add(0, 100, 'fn a');
    scopes.add(10, 60, 'async block');
    scopes.add(20, 30, 'closure');
    scopes.add(120, 150, 'fn b');
    deepStrictEqual(
      [5, 10, 25, 30, 59, 60, 99, 100, 110, 130, 150].map((o) => scopes.innermost(o)),
      ['fn a', 'async block', 'closure', 'async block', 'async block', 'fn a', 'fn a', undefined, undefined, 'fn b', undefined],
    );
  });

  it('handles ranges added in any order, including equal starts', () => {
    const scopes = new ScopeIndex<number>();
    scopes.add(5, 8, 3);
    scopes.add(0, 10, 1);
    scopes.add(0, 9, 2);
    deepStrictEqual([0, 6, 8, 9].map((o) => scopes.innermost(o)), [2, 3, 2, 1]);
  });
});
