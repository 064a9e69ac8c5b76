import { deepStrictEqual, match, strictEqual } from 'node:assert';
import { analyzeManifest } from '../../src/analysis/manifest';

const MANIFEST = `[package]
name = "kvstore"
version = "0.1.0"
edition = "2021"

[dependencies]
tokio = { version = "1", features = ["full"] }
"thiserror" = "1"
serde = "1"

[dependencies.tracing]
version = "0.1"

[dev-dependencies]
proptest = "1"
`;

describe('Cargo.toml', () => {
  it('reads the crate name, edition and dependencies with a TOML parser', () => {
    const { manifest } = analyzeManifest('Cargo.toml', MANIFEST);
    deepStrictEqual(manifest, {
      file: 'Cargo.toml',
      name: 'kvstore',
      edition: '2021',
      dependencies: ['tokio', 'thiserror', 'serde', 'tracing'],
      devDependencies: ['proptest'],
      isPackage: true,
      targets: [],
      noAutodiscovery: [],
    });
  });

  it('notes the edition and the crates that shape the design, at their lines', () => {
    const { findings } = analyzeManifest('Cargo.toml', MANIFEST);
    deepStrictEqual(
      findings.map((f) => [f.rule, f.category, f.range.start.line + 1, f.message]),
      [
        ['crate-edition', 'project', 4, 'edition 2021'],
        ['notable-dependency', 'async', 7, '`tokio`: async runtime'],
        ['notable-dependency', 'error-handling', 8, '`thiserror`: typed error types'],
        ['notable-dependency', 'observability', 11, '`tracing`: structured tracing'],
        ['notable-dependency', 'testing', 15, '`proptest` (dev): property-based tests'],
      ],
    );
  });

  it('says when the edition is missing', () => {
    const { findings } = analyzeManifest('Cargo.toml', '[package]\nname = "old"\n');
    strictEqual(findings[0].message, 'no `edition`: the crate defaults to Rust 2015');
  });

  it('reports a manifest that does not parse, and goes on', () => {
    const { manifest, findings } = analyzeManifest('Cargo.toml', '[package\nname = ');
    deepStrictEqual(findings, []);
    match(manifest.error ?? '', /^Cargo\.toml does not parse: /);
  });

  it('reads a workspace manifest without a package', () => {
    const { manifest, findings } = analyzeManifest('Cargo.toml', '[workspace]\nmembers = ["a", "b"]\n');
    deepStrictEqual([manifest.name, manifest.dependencies, findings], [undefined, [], []]);
  });

  it('reads the targets a manifest declares, and which kinds it keeps Cargo from discovering', () => {
    const text = `[package]\nname = "app"\nautobins = false\nbuild = "tools/build.rs"\n\n[lib]\npath = "core/lib.rs"\n\n[[bin]]\nname = "serve"\npath = "cmd/serve.rs"\n\n[[bin]]\nname = "admin"\n`;
    const { manifest } = analyzeManifest('Cargo.toml', text);
    deepStrictEqual([manifest.targets, manifest.noAutodiscovery], [
      [
        { kind: 'lib', path: 'core/lib.rs' },
        { kind: 'bin', name: 'serve', path: 'cmd/serve.rs' },
        { kind: 'bin', name: 'admin' },
        { kind: 'build', path: 'tools/build.rs' },
      ],
      ['bin'],
    ]);
  });
});
