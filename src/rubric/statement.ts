/** The most lines a quoted statement takes: a longer one is cut around the finding. */
export const MAX_STATEMENT_LINES = 6;

/** A line's code without its trailing `//` comment or white space (a `//` inside a string may cut it short: only its end is read). */
function codeOf(line: string): string {
  return line.replace(/\s*\/\/.*$/, '').trimEnd();
}

/** Brackets a line opens minus those it closes; strings and char literals are left out. */
function balance(line: string): number {
  const code = codeOf(line).replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'(?:[^'\\]|\\.)'/g, "''");
  let depth = 0;
  for (const ch of code) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth;
}

/** Whether a line ends a statement, an item or a block's opening, so the next line starts anew. */
const endsStatement = (line: string) => /[;{},]$/.test(codeOf(line)) || codeOf(line) === '' || /^\s*#/.test(line);

/**
 * The lines of the whole statement around a finding, so that a quote reads on its own: never only
 * `.unwrap();` of a method chain. Read from the text alone: back while the lines before continue it
 * or it closes brackets they opened, forward until its brackets close and a line ends it. At most
 * `max` lines, kept around the finding's own.
 */
export function statementLines(lines: readonly string[], startLine: number, endLine: number, max = MAX_STATEMENT_LINES): { startLine: number; endLine: number } {
  if (endLine - startLine + 1 >= max || startLine >= lines.length) return { startLine, endLine };
  const last = Math.min(endLine, lines.length - 1);
  let start = startLine;
  let end = last;
  const depth = (from: number, to: number) => {
    let total = 0;
    for (let i = from; i <= to; i++) total += balance(lines[i]);
    return total;
  };
  // Whether the lines close a bracket opened before them.
  const closesAbove = (from: number, to: number) => {
    let running = 0;
    for (let i = from; i <= to; i++) if ((running += balance(lines[i])) < 0) return true;
    return false;
  };
  // Back: while the statement closes brackets opened above, or the line above does not end one.
  while (start > 0 && end - start + 1 < max * 2) {
    if (!closesAbove(start, end) && endsStatement(lines[start - 1])) break;
    start--;
  }
  // Forward: while brackets stay open, or the last line does not end the statement and the next
  // does not close the block around it (a block's tail expression ends without a `;`).
  const closesBlock = (line: string) => /^\s*[)\]}]/.test(line);
  while (end < lines.length - 1 && end - start + 1 < max * 2 && (depth(start, end) > 0 || (!endsStatement(lines[end]) && !closesBlock(lines[end + 1])))) end++;
  if (end - start + 1 <= max) return { startLine: start, endLine: end };
  // Too long: the finding's lines, with as much as fits of the statement before them, then after.
  const from = Math.max(start, last - max + 1);
  return { startLine: Math.min(from, startLine), endLine: Math.min(end, Math.min(from, startLine) + max - 1) };
}
