import type { Finding } from '../../../src/analysis/model';

/**
 * Caret-annotated Rust fixtures. A comment line made of carets marks where a finding is expected
 * on the nearest code line above it, with the rule ids and, optionally, the context:
 *
 *     let port = args.next().unwrap();
 *     //                     ^^^^^^^^ unwrap
 *     fn t() { x.unwrap() }
 *     //         ^^^^^^^^ unwrap [test]
 *     let v = make().expect(
 *     //             ^ expect ..9:6
 *
 * `..line:col` (1-based, end exclusive) gives the end of a finding that spans lines.
 * A `// rules: a b` line names the rules the fixture checks; their findings must be exactly the
 * annotated ones, so a line without carets is a negative case. The caret lines are comments, so
 * they also check that comments never produce findings.
 */
export interface CaretFixture {
  rules: string[];
  expected: string[];
}

const CARETS = /^(\s*\/\/\s*)(\^+)\s+(.+?)\s*$/;
const RULES = /^\s*\/\/\s*rules:\s*(.+)$/;

export function parseCaretFixture(source: string): CaretFixture {
  const lines = source.split('\n');
  const rules: string[] = [];
  const expected: string[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const declared = RULES.exec(line);
    if (declared) {
      rules.push(...declared[1].split(/[\s,]+/).filter(Boolean));
      return;
    }
    const carets = CARETS.exec(line);
    if (!carets) {
      target = index;
      return;
    }
    const column = carets[1].length;
    const width = carets[2].length;
    const words = carets[3].split(/\s+/);
    const context = words.find((w) => /^\[\w+\]$/.test(w))?.slice(1, -1) ?? 'code';
    const end = words.find((w) => w.startsWith('..'))?.slice(2).split(':').map(Number);
    for (const rule of words.filter((w) => !w.startsWith('[') && !w.startsWith('..'))) {
      const [endLine, endColumn] = end ? [end[0] - 1, end[1] - 1] : [target, column + width];
      expected.push(describe(rule, target, column, endLine, endColumn, context));
    }
  });
  return { rules, expected: expected.sort() };
}

function describe(rule: string, line: number, column: number, endLine: number, endColumn: number, context: string): string {
  const end = endLine === line ? `${endColumn + 1}` : `${endLine + 1}:${endColumn + 1}`;
  return `${line + 1}:${column + 1}-${end} ${rule} [${context}]`;
}

export function describeFindings(findings: readonly Finding[], rules: readonly string[]): string[] {
  return findings
    .filter((f) => rules.includes(f.rule))
    .map((f) => describe(f.rule, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.context))
    .sort();
}
