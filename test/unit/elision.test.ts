import { deepStrictEqual } from 'node:assert';
import { Parser } from 'web-tree-sitter';
import { classifyLifetimes } from '../../src/analysis/elision';
import { language } from './support/analyzer';

/** Each signature with the verdict Rust's elision rules give each of its lifetimes. */
const CASES: [signature: string, verdicts: Record<string, 'elidable' | 'required'>][] = [
  ["fn first<'a>(s: &'a str) -> &'a str", { "'a": 'elidable' }],
  ["fn longest<'a>(x: &'a str, y: &'a str) -> &'a str", { "'a": 'required' }],
  ["fn get<'a>(&'a mut self) -> &'a mut Item", { "'a": 'elidable' }],
  ["fn get<'a>(self: &'a Self) -> &'a str", { "'a": 'elidable' }],
  ["fn echo<'a>(&self, key: &'a str) -> &'a str", { "'a": 'required' }],
  ["fn pick<'a, 'b>(x: &'a str, y: &'b str) -> &'a str", { "'a": 'required', "'b": 'elidable' }],
  ["fn wrap<'a>(x: &'a str) -> Token<'a>", { "'a": 'elidable' }],
  ["fn slice<'a>(x: &'a [u8], n: usize) -> &'a [u8]", { "'a": 'elidable' }],
  ["fn opt<'a>(x: Option<&'a str>) -> Option<&'a str>", { "'a": 'elidable' }],
  ["fn two<'a>(x: &'a str, y: &str) -> &'a str", { "'a": 'required' }],
  ["fn unused<'a>(x: &'a str)", { "'a": 'elidable' }],
  ["fn never<'a>()", { "'a": 'elidable' }],
  ["fn outlives<'a: 'b, 'b>(x: &'a str, y: &'b str) -> &'b str", { "'a": 'required', "'b": 'required' }],
  ["fn bounded<'a, T: 'a>(x: &'a T) -> &'a T", { "'a": 'required' }],
  ["fn iter<'a>(x: &'a str) -> impl Iterator<Item = char> + 'a", { "'a": 'required' }],
  ["fn callback<'a>(f: &dyn Fn(&'a str))", { "'a": 'required' }],
  ["fn clause<'a, T>(x: &'a T) -> &'a T where T: 'a", { "'a": 'required' }],
  ["fn tied<'a>(x: &'a str, z: &'a str) -> bool", { "'a": 'required' }],
  ["fn unbounded<'a>() -> &'a str", { "'a": 'required' }],
  ["fn anonymous<'a>(x: &'a str, y: &'_ str) -> &'a str", { "'a": 'required' }],
  ["async fn fetch<'a>(url: &'a str) -> &'a str", { "'a": 'elidable' }],
];

describe('lifetime elision', () => {
  let parser: Parser;
  before(async () => {
    const rust = await language();
    parser = new Parser();
    parser.setLanguage(rust);
  });

  for (const [signature, expected] of CASES) {
    it(signature, () => {
      const tree = parser.parse(`${signature} { todo!() }`);
      const fn = tree?.rootNode.namedChildren[0];
      if (!fn) throw new Error('no function parsed');
      const actual = Object.fromEntries(classifyLifetimes(fn).map((v) => [v.name, v.elidable ? 'elidable' : 'required']));
      deepStrictEqual(actual, expected);
      tree?.delete();
    });
  }

  it('uses the lifetime in the body to keep it', () => {
    const tree = parser.parse("fn f<'a>(x: &'a str) -> usize { let y: &'a str = x; y.len() }");
    const [verdict] = classifyLifetimes(tree!.rootNode.namedChildren[0]);
    deepStrictEqual([verdict.elidable, verdict.reason], [false, "`'a` is named in a bound or in the body"]);
  });
});
