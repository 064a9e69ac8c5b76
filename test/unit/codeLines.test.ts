import { strictEqual } from 'node:assert';
import { countCodeLines } from '../../src/analysis/codeLines';

describe('code lines', () => {
  it('counts lines of code, not blank or comment lines', () => {
    const text = ['// a comment', '/// docs', 'fn f() {', '', '    let s = "// not a comment";', '    /* a block', '       comment */', '    g(); // trailing', '}', ''].join('\n');
    strictEqual(countCodeLines(text), 4);
  });

  it('does not count test items, inline test modules or a file under #![cfg(test)]', () => {
    const text = [
      'pub fn add(a: u8, b: u8) -> u8 {',
      '    a + b',
      '}',
      '#[cfg(test)]',
      'mod tests {',
      '    #[test]',
      '    fn adds() {',
      '        assert_eq!(super::add(1, 2), 3);',
      '    }',
      '}',
      '#[test]',
      'fn top() { let c = \'}\'; }',
      'fn after() {}',
    ].join('\n');
    strictEqual(countCodeLines(text), 4);
    strictEqual(countCodeLines('#![cfg(test)]\nfn only_tests() {}\n'), 0);
    // `cfg(not(test))` code is built without tests: it counts.
    strictEqual(countCodeLines('#[cfg(not(test))]\nfn real() {\n    work();\n}\n'), 4);
  });

  it('counts only the lines a filter lets through, as a baseline lets through the candidate\'s', () => {
    const text = ['fn starter() {', '    given();', '}', '', '// the candidate\'s', 'fn added() {', '    mine();', '}', '#[test]', 'fn t() {}'].join('\n');
    strictEqual(countCodeLines(text), 6);
    strictEqual(countCodeLines(text, (line) => line >= 3), 3);
    strictEqual(countCodeLines(text, () => false), 0);
  });

  it('reads braces and comment markers in literals as text', () => {
    const text = ['fn f() -> &\'static str {', '    let r = r#"}" /* "#;', "    let b = '{';", '    "{"', '}', '#[cfg(test)]', 'mod t { fn x() { let s = "}"; } }', 'fn g<\'a>(x: &\'a str) {}'].join('\n');
    strictEqual(countCodeLines(text), 6);
  });
});
