import { deepStrictEqual, strictEqual } from 'node:assert';
import { remoteUrl, resolveRef, webRepositoryUrl } from '../../src/rubric/gitRefs';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('git refs', () => {
  const reader = (files: Record<string, string>) => (path: string) => Promise.resolve(files[path]);

  it('follows HEAD to a loose ref, a packed ref, or a detached commit', async () => {
    deepStrictEqual(await resolveRef(reader({ HEAD: 'ref: refs/heads/main\n', 'refs/heads/main': `${SHA}\n` })), { commit: SHA });
    deepStrictEqual(await resolveRef(reader({ HEAD: 'ref: refs/heads/main\n', 'packed-refs': `# pack-refs\n${SHA} refs/heads/main\n` })), { commit: SHA });
    deepStrictEqual(await resolveRef(reader({ HEAD: `${SHA}\n` })), { commit: SHA });
  });

  it('says why a missing or hostile HEAD leads to no commit', async () => {
    deepStrictEqual(
      await Promise.all([reader({}), reader({ HEAD: 'ref: ../../etc/passwd' }), reader({ HEAD: 'ref: refs/heads/gone' })].map((read) => resolveRef(read))),
      [{ problem: 'the .git folder has no HEAD' }, { problem: 'the ref "../../etc/passwd" points outside the .git folder' }, { unborn: 'refs/heads/gone' }],
    );
  });

  it('reads the origin remote, else the first', () => {
    const config = '[core]\n\tbare = false\n[remote "upstream"]\n\turl = git@gitlab.com:a/b.git\n[remote "origin"]\n\turl = https://github.com/c/d.git\n';
    strictEqual(remoteUrl(config), 'https://github.com/c/d.git');
    strictEqual(remoteUrl('[remote "fork"]\n  url = git@github.com:e/f.git\n'), 'git@github.com:e/f.git');
    strictEqual(remoteUrl('[core]\n'), undefined);
  });

  it('makes permalink bases for GitHub and GitLab only', () => {
    deepStrictEqual(
      ['git@github.com:cand/kv.git', 'https://github.com/cand/kv', 'ssh://git@gitlab.com/grp/sub/kv.git', 'https://token@gitlab.com/g/kv.git', 'https://bitbucket.org/a/b'].map(webRepositoryUrl),
      [
        { host: 'github', base: 'https://github.com/cand/kv' },
        { host: 'github', base: 'https://github.com/cand/kv' },
        { host: 'gitlab', base: 'https://gitlab.com/grp/sub/kv' },
        { host: 'gitlab', base: 'https://gitlab.com/g/kv' },
        undefined,
      ],
    );
  });
});
