import { deepStrictEqual } from 'node:assert';
import { CATEGORY_IDS, isOwnCode, isTestNoise, type CodeContext } from '../../src/analysis/model';

const CONTEXTS: CodeContext[] = ['code', 'test', 'bench', 'example', 'build'];

describe('the filters of the finding model', () => {
  it("counts the library, binaries and build script as the crate's own code, not tests, benches or examples", () => {
    deepStrictEqual(CONTEXTS.filter((context) => isOwnCode({ context })), ['code', 'build']);
  });

  it('calls every finding in test code noise but a testing signal', () => {
    const noisy = (context: CodeContext) => CATEGORY_IDS.filter((category) => isTestNoise({ rule: 'r', category, polarity: 'concern', severity: 'hint', message: '', file: 'f.rs', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, startIndex: 0, endIndex: 1, context }));
    deepStrictEqual(noisy('test'), CATEGORY_IDS.filter((category) => category !== 'testing'));
    for (const context of CONTEXTS.filter((c) => c !== 'test')) deepStrictEqual(noisy(context), [], context);
  });
});
