import { deepStrictEqual } from 'node:assert';
import type { Finding } from '../../src/analysis/model';
import { DEFAULT_HINT_POLICY, displayOf, isShown, type HintPolicy } from '../../src/analysis/presentation';

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'unwrap',
    category: 'error-handling',
    polarity: 'concern',
    severity: 'information',
    message: 'm',
    file: 'src/lib.rs',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    startIndex: 0,
    endIndex: 1,
    context: 'code',
    ...overrides,
  };
}

describe('hint policy', () => {
  const policy = (overrides: Partial<HintPolicy>): HintPolicy => ({ ...DEFAULT_HINT_POLICY, ...overrides });

  it("shows concerns at their signal's severity, test concerns as hints, strengths and info as decorations", () => {
    deepStrictEqual(
      [finding({}), finding({ severity: 'warning' }), finding({ context: 'test' }), finding({ polarity: 'strength' }), finding({ polarity: 'info' })].map((f) =>
        displayOf(f, DEFAULT_HINT_POLICY),
      ),
      ['information', 'warning', 'hint', 'decoration', 'decoration'],
    );
    deepStrictEqual(displayOf(finding({ severity: 'warning' }), policy({ display: { ...DEFAULT_HINT_POLICY.display, concern: 'error' } })), 'error');
  });

  it('turns categories and signals off', () => {
    deepStrictEqual(isShown(finding({}), policy({ categories: { 'error-handling': false } })), false);
    deepStrictEqual(isShown(finding({}), policy({ signals: { unwrap: false } })), false);
    deepStrictEqual(isShown(finding({ rule: 'expect' }), policy({ signals: { unwrap: false } })), true);
  });

  it('hides test code unless it is a testing signal, when test code is not analysed', () => {
    const noTests = policy({ analyzeTests: false });
    deepStrictEqual(
      [finding({ context: 'test' }), finding({ context: 'test', category: 'testing', rule: 'test-fn', polarity: 'strength' }), finding({})].map((f) => isShown(f, noTests)),
      [false, true, true],
    );
  });

  it('hides a polarity set to off', () => {
    const quiet = policy({ display: { ...DEFAULT_HINT_POLICY.display, info: 'off' }, testConcernDisplay: 'off' });
    deepStrictEqual([finding({ polarity: 'info' }), finding({ context: 'test' }), finding({})].map((f) => isShown(f, quiet)), [false, false, true]);
  });
});
