import { deepStrictEqual, strictEqual } from 'node:assert';
import { median, medianInterval } from '../../scripts/medianInterval';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    strictEqual(median([3, 1, 2]), 2);
    strictEqual(median([4, 1, 3, 2]), 2.5);
  });
});

describe('medianInterval', () => {
  it('spans the smallest to the largest of 7 rounds, 98.4% sure: the next pair in is only 87.5%', () => {
    deepStrictEqual(medianInterval([1.04, 0.96, 0.98, 0.85, 0.89, 0.95, 1.1]), { low: 0.85, high: 1.1, coverage: 1 - 2 / 128 });
  });

  it('narrows as rounds are added: the second smallest to the second largest of 9, 96.1% sure', () => {
    const interval = medianInterval([9, 1, 8, 2, 7, 3, 6, 4, 5]);
    deepStrictEqual([interval?.low, interval?.high], [2, 8]);
    strictEqual(interval?.coverage, 1 - (2 * (1 + 9)) / 512);
  });

  it('gives no interval when the rounds are too few to be 95% sure of any (5 or fewer)', () => {
    strictEqual(medianInterval([1, 2, 3, 4, 5]), undefined);
    deepStrictEqual(medianInterval([1, 2, 3, 4, 5, 6]), { low: 1, high: 6, coverage: 1 - 2 / 64 });
  });

  it('takes a lower confidence when asked: the second of 7 from each end is 87.5% sure', () => {
    deepStrictEqual(medianInterval([1, 2, 3, 4, 5, 6, 7], 0.85), { low: 2, high: 6, coverage: 1 - (2 * 8) / 128 });
  });
});
