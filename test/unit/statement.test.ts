import { deepStrictEqual } from 'node:assert';
import { statementLines } from '../../src/rubric/statement';

/** The lines statementLines quotes for a finding on `line` (zero-based) of `text`. */
function quoted(text: string, line: number): string[] {
  const lines = text.split('\n');
  const { startLine, endLine } = statementLines(lines, line, line);
  return lines.slice(startLine, endLine + 1).map((l) => l.trim());
}

describe('the statement quoted for a finding', () => {
  it('is the whole method chain, never only `.unwrap();`', () => {
    const text = ['fn f() {', '    let a = 1;', '    let resp = client', '        .get(url)', '        .send()', '        .unwrap();', '    g(resp);', '}'].join('\n');
    deepStrictEqual(quoted(text, 5), ['let resp = client', '.get(url)', '.send()', '.unwrap();']);
  });

  it('takes in the call a closure closes and the arguments a call spreads over lines', () => {
    const closure = ['fn f() {', '    let x = foo.map(|a| {', '        bar(a)', '    }).unwrap();', '}'].join('\n');
    deepStrictEqual(quoted(closure, 3), ['let x = foo.map(|a| {', 'bar(a)', '}).unwrap();']);
    const args = ['fn f() {', '    send(', '        a.unwrap(),', '        b,', '    );', '}'].join('\n');
    deepStrictEqual(quoted(args, 2), ['send(', 'a.unwrap(),', 'b,', ');']);
  });

  it('is one line for a one-line statement, and a match arm for an arm', () => {
    const text = ['fn f() {', '    let v = x.unwrap();', '    match r {', '        Ok(v) => v,', '        Err(_) => todo!(),', '    };', '}'].join('\n');
    deepStrictEqual(quoted(text, 1), ['let v = x.unwrap();']);
    deepStrictEqual(quoted(text, 4), ['Err(_) => todo!(),']);
    // A block's tail expression, without the brace that closes the block.
    deepStrictEqual(quoted(['pub fn parse_key(line: &str) -> &str {', '    line.split_whitespace().next().unwrap()', '}'].join('\n'), 1), ['line.split_whitespace().next().unwrap()']);
  });

  it('is at most six lines, the finding among them', () => {
    const long = ['fn f() {', '    let v = a', ...Array.from({ length: 10 }, (_, i) => `        .step${i}()`), '        .unwrap();', '}'];
    const got = quoted(long.join('\n'), 12);
    deepStrictEqual([got.length, got.at(-1)], [6, '.unwrap();']);
  });
});
