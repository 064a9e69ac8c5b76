import { deepStrictEqual, match, strictEqual, throws } from 'node:assert';
import { escapeMarkdown } from '../../src/rubric/markdown';
import { candidateCode, identityKey } from '../../src/team/candidateCode';
import { candidateIdentities, remoteOwners, type Identity } from '../../src/team/identities';
import { createMasker, maskStrings } from '../../src/team/masking';

const texts = (identities: Identity[]) => identities.map((i) => `${i.kind}:${i.text}`);

describe('team review: who the candidate is', () => {
  it('collects names and e-mails from the history, the remote, Cargo.toml, the licence and the README', () => {
    const identities = candidateIdentities({
      people: [
        { name: 'Jane Doe', email: 'jane@doe.dev' },
        { name: 'Jane Doe', email: '4242+jdoe@users.noreply.github.com' },
      ],
      remote: 'git@github.com:janed/kv-takehome.git',
      manifests: ['[package]\nname = "kv"\nauthors = ["Zoë Ünal <zoe@example.org>", "the contributors"]\n', '[workspace.package]\nauthors = ["Ana María"]\n'],
      license: 'MIT License\n\nCopyright (c) 2024-2025 Jane Q. Doe. All rights reserved.\n',
      folderName: 'jane-doe',
      readme: '# kv\n\nWritten by **Ana María** ([@anamaria](https://github.com/anamaria)), ana@maria.es\n\nJane Doe on Mastodon: @jd@social.example\n\nBy default, it listens on port 7878.\nContact: kv-team@example.org\n',
    });
    deepStrictEqual(texts(identities), [
      'email:jane@doe.dev',
      'name:Jane Doe',
      'email:4242+jdoe@users.noreply.github.com',
      'handle:jane-doe',
      'handle:janed',
      'email:zoe@example.org',
      'name:Zoë Ünal',
      'name:Ana María',
      'name:Jane Q. Doe',
      'email:ana@maria.es',
      'handle:anamaria',
      'email:jd@social.example',
      'handle:jd',
      'email:kv-team@example.org',
    ]);
  });

  it('reads a Cargo.toml that does not parse line by line, and ignores licence templates', () => {
    const identities = candidateIdentities({
      manifests: ['[package\nauthors = ["Broken Toml <b@t.io>"]\n'],
      license: 'Copyright [yyyy] [name of copyright owner]\nCopyright 2020 The Rust Project Developers\n',
    });
    deepStrictEqual(texts(identities), ['email:b@t.io', 'name:Broken Toml']);
  });

  it('finds the owner in the forms a remote takes', () => {
    deepStrictEqual(remoteOwners('https://github.com/janed/repo.git'), ['janed']);
    deepStrictEqual(remoteOwners('https://token@gitlab.com/group/sub%20group/repo'), ['group', 'sub group']);
    deepStrictEqual(remoteOwners('ssh://git@github.com/janed/repo'), ['janed']);
    deepStrictEqual(remoteOwners('/home/reviewer/repo'), []);
  });
});

describe('team review: masking', () => {
  const people = candidateIdentities({
    people: [
      { name: 'Mark Smith', email: 'mark.smith@example.com' },
      { name: 'José Ñúñez', email: 'jose@example.es' },
      { name: '山田 太郎', email: 'taro@example.jp' },
      { name: 'Jan van Dijk', email: 'me@jan.nl' },
    ],
    remote: 'https://github.com/mark_s/takehome',
  });
  const mask = createMasker(people, 'C-4F2A');

  it('masks names and e-mails as whole words, in any case and script', () => {
    strictEqual(mask('Reviewed code by MARK SMITH <mark.smith@example.com>.'), 'Reviewed code by C-4F2A <C-4F2A>.');
    strictEqual(mask('Smith wrote it; smithy and Smiths did not.'), 'C-4F2A wrote it; smithy and Smiths did not.');
    strictEqual(mask('josé ñúñez, JOSÉ, jose, Nunez'), 'C-4F2A, C-4F2A, C-4F2A, C-4F2A');
    // The same name with its accents as combining characters.
    strictEqual(mask('Jose\u0301 N\u0303u\u0301n\u0303ez'), 'C-4F2A');
    strictEqual(mask('山田 太郎さん'), 'C-4F2Aさん');
    // A lowercase particle is not masked alone, the name's capitalised parts are.
    strictEqual(mask('van der Waals; Dijk; Jan van Dijk'), 'van der Waals; C-4F2A; C-4F2A');
    strictEqual(mask('mark_s/takehome and mark_s_old'), 'C-4F2A/takehome and mark_s_old');
  });

  it('masks names inside code and strings, and across a wrapped line', () => {
    strictEqual(mask('let author = "Mark Smith"; // TODO(mark.smith@example.com)'), 'let author = "C-4F2A"; // TODO(C-4F2A)');
    strictEqual(mask('a paragraph by Mark\nSmith'), 'a paragraph by C-4F2A');
  });

  it('keeps Markdown well-formed: escaped names, links, code spans', () => {
    strictEqual(mask(escapeMarkdown('by mark_s')), 'by C-4F2A');
    strictEqual(mask('[Mark Smith](https://github.com/mark_s) and `Mark`'), '[C-4F2A](https://github.com/C-4F2A) and `C-4F2A`');
    strictEqual(mask('**Mark** Smith'), '**C-4F2A** C-4F2A');
  });

  it('keeps HTML well-formed: tags named like the candidate, attributes, character references', () => {
    strictEqual(mask('<mark title="Mark Smith">Mark</mark>'), '<mark title="C-4F2A">C-4F2A</mark>');
    strictEqual(mask('<a href="mailto:mark.smith@example.com">Jos&eacute; &amp; Mark</a>'), '<a href="mailto:C-4F2A">Jos&eacute; &amp; C-4F2A</a>');
    // Not an HTML element: text, masked.
    strictEqual(mask('<mark.smith@example.com> Vec<Smith>'), '<C-4F2A> Vec<C-4F2A>');
  });

  it('masks hostile names that are themselves Markdown or HTML, in their raw and escaped forms', () => {
    const hostile = createMasker(candidateIdentities({ people: [{ name: '<img src=x onerror=alert(1)> *Bob*', email: 'b@x.io' }] }), 'C-0001');
    const name = '<img src=x onerror=alert(1)> *Bob*';
    strictEqual(hostile(`by ${name}.`), 'by C-0001.');
    strictEqual(hostile(`by ${escapeMarkdown(name)}.`), 'by C-0001.');
    strictEqual(hostile('by &lt;img src=x onerror=alert(1)&gt; *Bob*.'), 'by C-0001.');
    strictEqual(hostile('Bob alone'), 'C-0001 alone');
  });

  it('masks names made of the characters a pattern gives meaning to', () => {
    const odd = createMasker(candidateIdentities({ people: [{ name: 'a-b/c (d) [e] {f} ^g$ h.i* j+k? l|m \\n', email: 'x-y/z@q-r.io' }] }), 'C-0002');
    strictEqual(odd('by a-b/c (d) [e] {f} ^g$ h.i* j+k? l|m \\n and x-y/z@q-r.io'), 'by C-0002 and C-0002');
  });

  it('refuses a mask that could itself be markup, and masks every string of plain data', () => {
    throws(() => createMasker(people, '<b>x</b>'), /a mask must be letters/);
    deepStrictEqual(maskStrings({ name: 'Mark Smith', rows: [{ note: 'Smith', n: 3 }], none: null }, mask), { name: 'C-4F2A', rows: [{ note: 'C-4F2A', n: 3 }], none: null });
    strictEqual(createMasker([], 'C-1')('Mark'), 'Mark');
  });
});

describe('team review: the candidate code', () => {
  it('is derived from the root commit, else the remote, else the folder name, and names no one', () => {
    const root = 'a'.repeat(40);
    strictEqual(identityKey({ rootCommit: root, remote: 'x', folderName: 'jane-doe' }), `commit:${root}`);
    strictEqual(identityKey({ remote: 'git@github.com:Jane/Repo.git', folderName: 'jane-doe' }), 'remote:github.com/jane/repo');
    strictEqual(identityKey({ remote: 'https://github.com/jane/repo', folderName: 'x' }), 'remote:github.com/jane/repo');
    strictEqual(identityKey({ folderName: 'jane-doe' }), 'folder:jane-doe');
    const code = candidateCode({ folderName: 'jane-doe' });
    match(code, /^C-[0-9A-F]{4}$/);
    strictEqual(candidateCode({ folderName: 'jane-doe' }), code);
    strictEqual(candidateCode({ remote: 'git@github.com:jane/repo.git', folderName: 'a' }), candidateCode({ remote: 'https://github.com/jane/repo', folderName: 'b' }));
  });
});
