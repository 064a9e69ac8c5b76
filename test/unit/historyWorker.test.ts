import { deepStrictEqual, match, ok, rejects, strictEqual } from 'node:assert';
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { readRepositoryHistory } from '../../src/history/repositoryHistory';
import { readInWorker, type HistoryChannel } from '../../src/worker/historyClient';
import { answerFsRequest, proxyGitFs } from '../../src/worker/historyFs';
import type { HistoryWorkerMessage, HistoryWorkerRequest } from '../../src/worker/historyProtocol';
import { BASELINE_ONLY, createHistoryService } from '../../src/worker/historyService';
import { CANDIDATE, HIRING_TEAM, nodeGitFs, sandboxPerTest, type Sandbox } from './support/gitRepos';

/** A history worker in this thread: the service behind a channel that clones every message, as postMessage does, and delivers it a turn later. */
function inProcessChannel(): HistoryChannel & { terminated: boolean } {
  const toHost: ((message: HistoryWorkerMessage) => void)[] = [];
  const handle = createHistoryService((message) => setImmediate(() => toHost.forEach((listener) => listener(structuredClone(message)))));
  const channel = {
    terminated: false,
    post: (request: HistoryWorkerRequest) => setImmediate(() => !channel.terminated && handle(structuredClone(request))),
    onMessage: (listener: (message: HistoryWorkerMessage) => void) => void toHost.push(listener),
    onExit: () => undefined,
    terminate: () => void (channel.terminated = true),
  };
  return channel;
}

/** A worker that never answers, or that does what `behave` makes it do with the host's listeners. */
function fakeChannel(behave: (exit: (reason: string) => void, message: (m: HistoryWorkerMessage) => void) => void = () => undefined): HistoryChannel & { terminated: boolean } {
  let exit: (reason: string) => void = () => undefined;
  let message: (m: HistoryWorkerMessage) => void = () => undefined;
  const channel = {
    terminated: false,
    post: (request: HistoryWorkerRequest) => void (request.kind === 'read' && setImmediate(() => behave(exit, message))),
    onMessage: (listener: (m: HistoryWorkerMessage) => void) => void (message = listener),
    onExit: (listener: (reason: string) => void) => void (exit = listener),
    terminate: () => void (channel.terminated = true),
  };
  return channel;
}

const OPTIONS = { baseline: '', readerLimitMs: 60_000, hardLimitMs: 60_000 };

function takeHome(sandbox: Sandbox) {
  return sandbox.repo('takehome').commitSteps([
    { files: { 'src/lib.rs': 'pub fn get() -> u8 {\n    todo!()\n}\n' }, message: 'Starter', author: HIRING_TEAM, tag: 'start' },
    { files: { 'src/lib.rs': 'pub fn get() -> u8 {\n    1\n}\n\npub fn put(x: u8) -> u8 {\n    x\n}\n' }, message: 'Store values in memory', author: CANDIDATE },
  ]);
}

describe('history worker', function () {
  const sandbox = sandboxPerTest();

  it('reads through the host\'s file system what the reader reads directly, the baseline compared', async () => {
    const repo = takeHome(sandbox());
    repo.git('gc', '-q');
    const channel = inProcessChannel();
    const { history, workerMs } = await readInWorker(() => channel, nodeGitFs, { ...OPTIONS, dir: repo.dir, baseline: 'start' }).result;
    deepStrictEqual(history, await readRepositoryHistory(nodeGitFs, repo.dir, { baseline: 'start' }));
    strictEqual(history.changes?.find((c) => c.path === 'src/lib.rs')?.status, 'changed');
    ok(workerMs >= 0, 'the worker says how long it took');
    ok(channel.terminated, 'the worker is terminated once it answered');
  });

  it('compares with the baseline alone, without reading the history, when asked to', async () => {
    const repo = takeHome(sandbox());
    const { history } = await readInWorker(inProcessChannel, nodeGitFs, { ...OPTIONS, dir: repo.dir, baseline: 'start', baselineOnly: true }).result;
    const full = await readRepositoryHistory(nodeGitFs, repo.dir, { baseline: 'start' });
    deepStrictEqual(history.history, { available: false, reason: BASELINE_ONLY });
    deepStrictEqual([history.baseline, history.changes], [full.baseline, full.changes]);
    strictEqual(history.proposal, undefined, 'nothing is proposed from a history not read');
  });

  it("keeps the git reader's limits in the worker: a symbolic link the host reports is not followed", async () => {
    const repo = takeHome(sandbox());
    symlinkSync('/dev/zero', path.join(sandbox().root, 'zero'));
    const proxied = proxyGitFs(async (request) => (await answerFsRequest(nodeGitFs, request)).result);
    strictEqual((await proxied.promises.lstat(path.join(sandbox().root, 'zero'))).isSymbolicLink(), true, 'lstat carries the link');
    rmSync(path.join(repo.dir, '.git/HEAD'));
    symlinkSync('/dev/zero', path.join(repo.dir, '.git/HEAD'));
    const { history } = await readInWorker(inProcessChannel, nodeGitFs, { ...OPTIONS, dir: repo.dir }).result;
    match(history.history.available ? '' : history.history.reason, /HEAD is a symbolic link, which the git reader does not follow/);
  });

  it('carries a missing file as ENOENT and text as text', async () => {
    const repo = takeHome(sandbox());
    const proxied = proxyGitFs(async (request) => (await answerFsRequest(nodeGitFs, request)).result);
    await rejects(proxied.promises.readFile(path.join(repo.dir, 'nothing-here')), (error: { code?: string }) => error.code === 'ENOENT');
    strictEqual(await proxied.promises.readFile(path.join(repo.dir, 'src/lib.rs'), 'utf8'), 'pub fn get() -> u8 {\n    1\n}\n\npub fn put(x: u8) -> u8 {\n    x\n}\n');
    ok((await proxied.promises.readdir(path.join(repo.dir, 'src'))).includes('lib.rs'));
    ok((await proxied.promises.stat(path.join(repo.dir, 'src'))).isDirectory());
  });

  it('says why when the worker dies, fails or hangs, and terminates it', async () => {
    const died = fakeChannel((exit) => exit('the history worker exited with code 1'));
    await rejects(readInWorker(() => died, nodeGitFs, { ...OPTIONS, dir: '/nowhere' }).result, /the history worker exited with code 1/);
    ok(died.terminated);
    const failed = fakeChannel((_, message) => message({ kind: 'failed', error: 'out of memory' }));
    await rejects(readInWorker(() => failed, nodeGitFs, { ...OPTIONS, dir: '/nowhere' }).result, /out of memory/);
    ok(failed.terminated);
    const hung = fakeChannel();
    await rejects(readInWorker(() => hung, nodeGitFs, { ...OPTIONS, dir: '/nowhere', hardLimitMs: 30 }).result, /did not answer within 0.03 s and was stopped/);
    ok(hung.terminated);
    await rejects(
      readInWorker(() => {
        throw new Error('no such script');
      }, nodeGitFs, { ...OPTIONS, dir: '/nowhere' }).result,
      /the history worker did not start: no such script/,
    );
  });

  it('terminates the worker when the read is cancelled', async () => {
    const hung = fakeChannel();
    const read = readInWorker(() => hung, nodeGitFs, { ...OPTIONS, dir: '/nowhere' });
    read.cancel();
    await rejects(read.result, /cancelled/);
    ok(hung.terminated);
  });
});
