import { strictEqual } from 'node:assert';
import { lastStartingAtOrBefore, startField } from '../../src/analysis/sortedStarts';

describe('lastStartingAtOrBefore', () => {
  const spans = [10, 20, 30].map((start) => ({ start, end: start + 5 }));
  const at = (offset: number) => lastStartingAtOrBefore(spans, offset, startField);

  it('finds nothing in an empty list', () => {
    strictEqual(lastStartingAtOrBefore([], 0, startField), -1);
  });

  it('finds nothing before the first start', () => {
    strictEqual(at(9), -1);
    strictEqual(at(-1), -1);
  });

  it('finds the item that starts exactly at the offset', () => {
    strictEqual(at(10), 0);
    strictEqual(at(20), 1);
    strictEqual(at(30), 2);
  });

  it('finds the last item starting before an offset between two starts, even past its end', () => {
    strictEqual(at(11), 0);
    strictEqual(at(19), 0);
    strictEqual(at(29), 1);
  });

  it('finds the last item after the last start', () => {
    strictEqual(at(31), 2);
    strictEqual(at(1_000_000), 2);
  });

  it('finds the last of items with equal starts', () => {
    const equal = [0, 5, 5, 5, 9];
    const itself = (start: number) => start;
    strictEqual(lastStartingAtOrBefore(equal, 5, itself), 3);
    strictEqual(lastStartingAtOrBefore(equal, 8, itself), 3);
    strictEqual(lastStartingAtOrBefore(equal, 4, itself), 0);
    strictEqual(lastStartingAtOrBefore([7, 7], 7, itself), 1);
  });
});
