import { deepStrictEqual } from 'node:assert';
import { Parser } from 'web-tree-sitter';
import { classifyLifetimes, type Elision } from '../../src/analysis/elision';
import { analyze, language } from './support/analyzer';

/** Each signature with the verdict Rust's elision rules give each of its lifetimes. */
const CASES: [signature: string, verdicts: Record<string, Elision>][] = [
  ["fn first<'a>(s: &'a str) -> &'a str", { "'a": 'removable' }],
  ["fn longest<'a>(x: &'a str, y: &'a str) -> &'a str", { "'a": 'required' }],
  ["fn get<'a>(&'a mut self) -> &'a mut Item", { "'a": 'removable' }],
  ["fn get<'a>(self: &'a Self) -> &'a str", { "'a": 'removable' }],
  ["fn get<'a>(self: &'a Self, other: &str) -> &'a str", { "'a": 'removable' }],
  ["fn poll<'a>(self: Pin<&'a mut Self>, cx: &mut Context) -> &'a str", { "'a": 'removable' }],
  ["fn into<'a>(self: Box<Self>, other: &'a str) -> &'a str", { "'a": 'removable' }],
  // A by-value `self` brings no input lifetime, even when `Self` has one (rustc 1.95 agrees).
  ["fn consume<'a>(self, other: &'a str) -> &'a str", { "'a": 'removable' }],
  ["fn echo<'a>(&self, key: &'a str) -> &'a str", { "'a": 'required' }],
  ["fn pick<'a, 'b>(x: &'a str, y: &'b str) -> &'a str", { "'a": 'required', "'b": 'removable' }],
  ["fn wrap<'a>(x: &'a str) -> Token<'a>", { "'a": 'anonymous' }],
  ["fn cursor<'a>(c: Cursor<'a>) -> &'a str", { "'a": 'anonymous' }],
  ["fn take<'a>(p: Parser<'a>) -> usize", { "'a": 'anonymous' }],
  ["fn slice<'a>(x: &'a [u8], n: usize) -> &'a [u8]", { "'a": 'removable' }],
  ["fn opt<'a>(x: Option<&'a str>) -> Option<&'a str>", { "'a": 'removable' }],
  ["fn two<'a>(x: &'a str, y: &str) -> &'a str", { "'a": 'required' }],
  ["fn unused<'a>(x: &'a str)", { "'a": 'removable' }],
  ["fn never<'a>()", { "'a": 'removable' }],
  ["fn outlives<'a: 'b, 'b>(x: &'a str, y: &'b str) -> &'b str", { "'a": 'required', "'b": 'required' }],
  ["fn bounded<'a, T: 'a>(x: &'a T) -> &'a T", { "'a": 'required' }],
  // An output's `+ 'a` can be written `+ '_`; a lifetime inside its generic arguments stays.
  ["fn iter<'a>(x: &'a str) -> impl Iterator<Item = char> + 'a", { "'a": 'anonymous' }],
  ["fn boxed<'a>(x: &'a str) -> Box<dyn Fn() -> usize + 'a>", { "'a": 'anonymous' }],
  ["fn items<'a>(x: &'a str) -> impl Iterator<Item = &'a str>", { "'a": 'removable' }],
  ["fn items<'a>(x: &'a str) -> impl Iterator<Item = &'a str> + 'a", { "'a": 'anonymous' }],
  ["fn items<'a>(x: &'a str) -> Box<dyn Iterator<Item = &'a str> + 'a>", { "'a": 'anonymous' }],
  // In an input, an `impl` or `dyn` type's lifetime is left alone: Clippy does not judge it either.
  ["fn first<'a>(it: impl Iterator<Item = &'a str>) -> Option<&'a str>", { "'a": 'required' }],
  ["fn callback<'a>(f: &dyn Fn(&'a str))", { "'a": 'required' }],
  ["fn boxed<'a>(f: Box<dyn Fn() + 'a>) -> &'a str", { "'a": 'anonymous' }],
  ["fn shown<'a>(x: impl Display + 'a)", { "'a": 'required' }],
  // The `&str` of an `Fn` or `fn` type is the closure's own: the function has one input lifetime.
  ["fn apply<'a>(s: &'a str, f: impl Fn(&str) -> bool) -> &'a str", { "'a": 'removable' }],
  ["fn apply<'a>(s: &'a str, f: fn(&str) -> &str) -> &'a str", { "'a": 'removable' }],
  ["fn clause<'a, T>(x: &'a T) -> &'a T where T: 'a", { "'a": 'required' }],
  ["fn tied<'a>(x: &'a str, z: &'a str) -> bool", { "'a": 'required' }],
  ["fn unbounded<'a>() -> &'a str", { "'a": 'required' }],
  ["fn anonymous<'a>(x: &'a str, y: &'_ str) -> &'a str", { "'a": 'required' }],
  ["async fn fetch<'a>(url: &'a str) -> &'a str", { "'a": 'removable' }],
];

/** Each signature with the bare path types its verdicts could not see into, when the verdict counts input lifetimes. */
const HIDDEN: [signature: string, candidates: string[]][] = [
  ["fn f<'a>(s: &'a str, o: Opts) -> &'a str", ['Opts']],
  ["fn f<'a, T>(s: &'a str, t: T, o: Option<cfg::Opts>, n: usize, d: impl Display) -> &'a str", ['cfg::Opts']],
  ["fn f<'a>(&'a self, o: Opts) -> &'a str", []],
  ["fn f<'a>(s: &'a str, o: Opts) -> usize", []],
];

function parseFunction(parser: Parser, signature: string) {
  const tree = parser.parse(`${signature} { todo!() }`);
  const fn = tree?.rootNode.namedChildren[0];
  if (!tree || !fn) throw new Error('no function parsed');
  return { tree, fn };
}

describe('lifetime elision', () => {
  let parser: Parser;
  before(async () => {
    const rust = await language();
    parser = new Parser();
    parser.setLanguage(rust);
  });

  for (const [signature, expected] of CASES) {
    it(signature, () => {
      const { tree, fn } = parseFunction(parser, signature);
      deepStrictEqual(Object.fromEntries(classifyLifetimes(fn).map((v) => [v.name, v.elision])), expected);
      tree.delete();
    });
  }

  for (const [signature, expected] of HIDDEN) {
    it(`${signature} could hide a lifetime in ${expected.join(', ') || 'nothing'}`, () => {
      const { tree, fn } = parseFunction(parser, signature);
      deepStrictEqual(classifyLifetimes(fn)[0].hiddenLifetimeCandidates, expected);
      tree.delete();
    });
  }

  it('uses the lifetime in the body to keep it', () => {
    const tree = parser.parse("fn f<'a>(x: &'a str) -> usize { let y: &'a str = x; y.len() }");
    const [verdict] = classifyLifetimes(tree!.rootNode.namedChildren[0]);
    deepStrictEqual([verdict.elision, verdict.reason], ['required', "`'a` is named in a bound or in the body"]);
  });

  it('gives each elidable-lifetime finding the bare input types as its subject, for the crate to judge', async () => {
    const source = "fn f<'a>(s: &'a str, o: Opts) -> &'a str { s }\nfn g<'a>(s: &'a str) -> &'a str { s }\n";
    const findings = (await analyze(source)).findings.filter((f) => f.rule === 'elidable-lifetime');
    deepStrictEqual(findings.map((f) => f.subject), ['Opts', '']);
  });
});
