import { isCfgTestAttribute, isTestAttribute } from './syntax';

/**
 * How many lines of a Rust file are the crate's own code: not blank, not only comments, and not
 * test code (an item under `#[test]`, `#[cfg(test)]` or a kin attribute, or the whole file under
 * `#![cfg(test)]`). Read from the text alone, so the rubric can weigh concerns per line of code
 * whether or not a tree is at hand. Strings and chars are read as code, so a `//` or a brace in a
 * literal neither starts a comment nor opens an item. `isCounted` narrows the count to some lines
 * (zero-based), as a baseline does to the lines the candidate added or changed.
 */
export function countCodeLines(text: string, isCounted?: (line: number) => boolean): number {
  const code = codeSkeleton(text);
  // `#![cfg(test)]` makes the whole file test code.
  if (hasCfgTestInnerAttribute(code)) return 0;
  const ranges = testItemRanges(code);
  let count = 0;
  let next = 0;
  for (let lineStart = 0, line = 0; lineStart < code.length; line++) {
    const newline = code.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? code.length : newline;
    NONBLANK_FROM_HERE.lastIndex = lineStart;
    if (NONBLANK_FROM_HERE.test(code) && (!isCounted || isCounted(line))) {
      // Ranges are in order and apart: skip those that end before this line.
      while (next < ranges.length && ranges[next][1] < lineStart) next++;
      if (!(next < ranges.length && ranges[next][0] <= lineEnd)) count++;
    }
    lineStart = lineEnd + 1;
  }
  return count;
}

const INNER_CFG = /#!\[\s*cfg\s*\([^\]]*\]/g;

/**
 * Whether an inner `#![cfg(..)]` makes the file test code. Like the other loops here, it steps
 * through `exec` rather than a `for…of` over `matchAll`: this runs on every file, and the
 * optimising compiler compiles an iterator's loop slower (see fileFacts in engine.ts).
 */
function hasCfgTestInnerAttribute(code: string): boolean {
  INNER_CFG.lastIndex = 0;
  for (let inner = INNER_CFG.exec(code); inner; inner = INNER_CFG.exec(code)) if (isCfgTestAttribute(`#[${inner[0].slice(3)}`)) return true;
  return false;
}

/** Something other than white space before the line ends. */
const NONBLANK_FROM_HERE = /[^\S\n]*\S/y;

/**
 * Where a comment, a string or a char literal may start. A raw string's `r` follows no word
 * character (so `br"…"` is read from its quote, as a plain string). A lifetime (`'a`) has no
 * closing quote right after its first character, so it is not a char literal.
 */
const LITERAL_OR_COMMENT = /\/\/|\/\*|\br(#*)"|"|'(?:\\.[^']{0,8}|[^\\'\n])'/g;
const BLOCK_COMMENT_MARK = /\/\*|\*\//g;
const STRING_BODY = /(?:[^"\\]|\\[^]?)*/y;

/** The newlines between `from` and `to`, each line's piece dropped: a comment's lines. */
function newlinesOnly(text: string, from: number, to: number): string {
  let out = '';
  for (let newline = text.indexOf('\n', from); newline !== -1 && newline < to; newline = text.indexOf('\n', newline + 1)) out += '\n';
  return out;
}

/** The newlines between `from` and `to`, each non-empty piece of a line a single `_`: a literal's lines. */
function placeholderLines(text: string, from: number, to: number): string {
  let out = '';
  let at = from;
  for (let newline = text.indexOf('\n', at); newline !== -1 && newline < to; newline = text.indexOf('\n', at)) {
    out += newline > at ? '_\n' : '\n';
    at = newline + 1;
  }
  return to > at ? out + '_' : out;
}

/**
 * The text with its comments dropped but for their newlines, and each line of a string or char
 * literal's inside shortened to one `_`: the lines and the code's characters stay, so a line of
 * code keeps some text and a brace in a literal or a comment is gone. It jumps from one literal or
 * comment to the next with regular expressions and builds no text the count does not read,
 * because it runs on every file at every analysis.
 */
function codeSkeleton(text: string): string {
  const out: string[] = [];
  const n = text.length;
  let copied = 0;
  LITERAL_OR_COMMENT.lastIndex = 0;
  for (let token = LITERAL_OR_COMMENT.exec(text); token; token = LITERAL_OR_COMMENT.exec(text)) {
    const i = token.index;
    out.push(text.slice(copied, i));
    const lexeme = token[0];
    let end: number;
    if (lexeme === '//') {
      const newline = text.indexOf('\n', i);
      end = newline === -1 ? n : newline;
      out.push(newlinesOnly(text, i, end));
    } else if (lexeme === '/*') {
      let depth = 1;
      end = n;
      BLOCK_COMMENT_MARK.lastIndex = i + 2;
      for (let mark = BLOCK_COMMENT_MARK.exec(text); mark; mark = BLOCK_COMMENT_MARK.exec(text)) {
        depth += mark[0] === '/*' ? 1 : -1;
        if (depth === 0) {
          end = mark.index + 2;
          break;
        }
      }
      out.push(newlinesOnly(text, i, end));
    } else if (lexeme === '"') {
      STRING_BODY.lastIndex = i + 1;
      STRING_BODY.exec(text);
      const close = Math.min(STRING_BODY.lastIndex, n);
      out.push('"', placeholderLines(text, i + 1, close));
      if (close < n) out.push('"');
      end = close + 1;
    } else if (lexeme[0] === 'r') {
      const hashes = token[1];
      const open = i + lexeme.length;
      const close = text.indexOf(`"${hashes}`, open);
      end = close === -1 ? n : close + 1 + hashes.length;
      const bodyEnd = Math.max(open, end - 1 - hashes.length);
      out.push(lexeme, placeholderLines(text, open, bodyEnd), text.slice(bodyEnd, end));
    } else {
      out.push("'_'");
      end = i + lexeme.length;
    }
    copied = Math.min(end, n);
    LITERAL_OR_COMMENT.lastIndex = copied;
  }
  out.push(text.slice(copied));
  return out.join('');
}

const ATTRIBUTE = /#\[/g;
const BODY_OR_END = /[{;]/g;

/** The offsets of each test item in the skeleton: from its attribute to its closing brace or semicolon. */
function testItemRanges(code: string): [number, number][] {
  const ranges: [number, number][] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(code); match; match = ATTRIBUTE.exec(code)) {
    const attributeEnd = closing(code, match.index + 1, BRACKETS);
    if (attributeEnd === -1) continue;
    const attribute = code.slice(match.index, attributeEnd + 1);
    if (!isTestAttribute(attribute) && !isCfgTestAttribute(attribute)) continue;
    // The item runs to its body's closing brace, or to a `;` that comes first (`mod tests;`).
    BODY_OR_END.lastIndex = attributeEnd + 1;
    const k = BODY_OR_END.exec(code)?.index ?? code.length;
    const end = code[k] === '{' ? closing(code, k, BRACES) : k;
    if (end === -1) continue;
    ranges.push([match.index, end]);
    // An attribute inside the item is the item's own.
    ATTRIBUTE.lastIndex = end;
  }
  return ranges;
}

const BRACKETS = /[[\]]/g;
const BRACES = /[{}]/g;

/** The offset of the bracket or brace that closes the one at `openAt`, or -1. */
function closing(code: string, openAt: number, pair: RegExp): number {
  const open = code[openAt];
  let depth = 0;
  pair.lastIndex = openAt;
  for (let mark = pair.exec(code); mark; mark = pair.exec(code)) {
    if (mark[0] === open) depth++;
    else if (--depth === 0) return mark.index;
  }
  return -1;
}
