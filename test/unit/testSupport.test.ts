import { rejects, strictEqual } from 'node:assert';
import { eventually } from '../support/eventually.mjs';
import { hostKinds } from '../support/hostKinds.mjs';

describe('test/support: the helpers the tests share', () => {
  it('eventually() returns the first value the condition accepts, probing again until then', async () => {
    let probes = 0;
    const value = await eventually(() => ++probes, (n) => n === 3, 'three probes', 1_000, 1);
    strictEqual(value, 3);
    strictEqual(probes, 3);
  });

  it('eventually() fails after its time with the message and the last value, or what a function makes of it', async () => {
    await rejects(
      eventually(() => Promise.resolve([1, 2]), () => false, 'never done', 30, 5),
      (error: Error) => error.message === 'never done (last seen: [1,2])',
    );
    await rejects(
      eventually(() => 'late', () => false, (last) => `stayed ${last}`, 30, 5),
      (error: Error) => error.message === 'stayed late',
    );
  });

  it('hostKinds() names the extension hosts of --kind, in the order they run, and nothing else', () => {
    strictEqual(JSON.stringify(['node', 'web', 'both', 'desktop'].map(hostKinds)), JSON.stringify([['node'], ['web'], ['node', 'web'], undefined]));
  });
});
