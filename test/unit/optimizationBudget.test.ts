import { deepStrictEqual } from 'node:assert';
import { batchFlags, INTERRUPT_BUDGET } from '../../src/cli/optimizationBudget';

describe('batchFlags', () => {
  it('raises the optimisation budget on V8 11, where it was measured (Node 20)', () => {
    deepStrictEqual(batchFlags('11.3.244.8-node.33', []), [`--interrupt-budget=${INTERRUPT_BUDGET}`]);
    deepStrictEqual(batchFlags('11.8.172.17-node.15', ['--enable-source-maps']), [`--interrupt-budget=${INTERRUPT_BUDGET}`]);
  });

  it('leaves V8 12 and later alone: Maglev tiers up with budgets of its own', () => {
    deepStrictEqual(batchFlags('12.4.254.21-node.33', []), []);
    deepStrictEqual(batchFlags('13.6.233.10-node.18', []), []);
  });

  it('leaves an unreadable version alone', () => {
    deepStrictEqual(batchFlags('', []), []);
    deepStrictEqual(batchFlags('unknown', []), []);
  });

  it('keeps a budget given on node\'s command line, in either spelling', () => {
    deepStrictEqual(batchFlags('11.3.244.8-node.33', ['--interrupt-budget=1000']), []);
    deepStrictEqual(batchFlags('11.3.244.8-node.33', ['--interrupt_budget=1000']), []);
  });

  it('does not take a longer flag of the same stem for the budget', () => {
    deepStrictEqual(batchFlags('11.3.244.8-node.33', ['--interrupt-budget-factor-for-feedback-allocation=8']), [`--interrupt-budget=${INTERRUPT_BUDGET}`]);
  });
});
