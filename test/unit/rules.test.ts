import { deepStrictEqual, ok } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Query } from 'web-tree-sitter';
import { RULES } from '../../src/analysis/rules';
import { SIGNALS } from '../../src/analysis/signals';
import { analyze, language } from './support/analyzer';
import { describeFindings, parseCaretFixture } from './support/carets';

const FIXTURES = path.resolve('test/fixtures/rules');
const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.rs'));

describe('rule fixtures', () => {
  for (const name of fixtureFiles) {
    it(`${name} yields exactly its annotated findings`, async () => {
      const source = readFileSync(path.join(FIXTURES, name), 'utf8');
      const fixture = parseCaretFixture(source);
      ok(fixture.rules.length > 0, `${name} names no rules`);
      // A fixture may say which file it stands for, so path-based contexts can be checked.
      const file = /^\/\/\s*file:\s*(\S+)/m.exec(source)?.[1] ?? 'src/lib.rs';
      const analysis = await analyze(source, file);
      deepStrictEqual(describeFindings(analysis.findings, fixture.rules), fixture.expected);
    });
  }
});

describe('rule catalogue', () => {
  it('has unique ids and complete metadata for every signal', () => {
    const ids = SIGNALS.map((s) => s.id);
    deepStrictEqual(ids.length, new Set(ids).size);
    for (const signal of SIGNALS) {
      ok(/^[a-z][a-z-]+$/.test(signal.id), signal.id);
      for (const field of ['message', 'explanation', 'question'] as const) ok(signal[field].trim().length > 10, `${signal.id}.${field}`);
    }
  });

  it('tests every rule in a fixture', () => {
    const tested = new Set(fixtureFiles.flatMap((f) => parseCaretFixture(readFileSync(path.join(FIXTURES, f), 'utf8')).rules));
    deepStrictEqual(RULES.map((r) => r.id).filter((id) => !tested.has(id)), []);
  });

  it('roots every query pattern in a node, so no pattern matches the whole tree', async () => {
    // A predicate left outside an alternation compiles to a pattern of its own that matches every node.
    const rust = await language();
    for (const rule of RULES) {
      for (const matcher of Array.isArray(rule.match) ? rule.match : [rule.match]) {
        if (!('query' in matcher)) continue;
        const query = new Query(rust, matcher.query);
        for (let i = 0; i < query.patternCount(); i++) ok(query.isPatternRooted(i), `${rule.id} pattern ${i}`);
        query.delete();
      }
    }
  });
});

describe('README', () => {
  it('lists every signal', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    deepStrictEqual(SIGNALS.filter((s) => !readme.includes(`| \`${s.id}\` |`)).map((s) => s.id), []);
  });
});

describe('README settings', () => {
  it('documents every setting the extension contributes', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const manifest = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8'));
    const settings = Object.keys(manifest.contributes.configuration.properties);
    deepStrictEqual(settings.filter((key) => !readme.includes(`| \`${key}\` |`)), []);
  });
});
