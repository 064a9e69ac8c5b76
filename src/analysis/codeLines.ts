import { isCfgTestAttribute, isTestAttribute } from './syntax';

/**
 * How many lines of a Rust file are the crate's own code: not blank, not only comments, and not
 * test code (an item under `#[test]`, `#[cfg(test)]` or a kin attribute, or the whole file under
 * `#![cfg(test)]`). Read from the text alone, so the rubric can weigh concerns per line of code
 * whether or not a tree is at hand. Strings and chars are read as code, so a `//` or a brace in a
 * literal neither starts a comment nor opens an item.
 */
export function countCodeLines(text: string): number {
  const code = blankCommentsAndLiterals(text);
  // `#![cfg(test)]` makes the whole file test code.
  if ([...code.matchAll(/#!\[\s*cfg\s*\([^\]]*\]/g)].some(([inner]) => isCfgTestAttribute(`#[${inner.slice(3)}`))) return 0;
  const ranges = testItemRanges(code);
  let count = 0;
  let next = 0;
  let lineStart = 0;
  for (const line of code.split('\n')) {
    const lineEnd = lineStart + line.length;
    // Ranges are in order and apart: skip those that end before this line.
    while (next < ranges.length && ranges[next][1] < lineStart) next++;
    const inTest = next < ranges.length && ranges[next][0] <= lineEnd;
    if (!inTest && line.trim() !== '') count++;
    lineStart = lineEnd + 1;
  }
  return count;
}

/**
 * The text with comments blanked to spaces (newlines kept) and the insides of string and char
 * literals replaced by `_`, so lines keep their places and code-only lines keep some text.
 */
export function blankCommentsAndLiterals(text: string): string {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  const blank = (from: number, to: number, fill: string) => {
    for (let k = from; k < to; k++) out.push(text[k] === '\n' ? '\n' : fill);
  };
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop, ' ');
      i = stop;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        const pair = text.slice(k, k + 2);
        if (pair === '/*' || pair === '*/') {
          depth += pair === '/*' ? 1 : -1;
          k += 2;
        } else k++;
      }
      blank(i, k, ' ');
      i = k;
    } else if (c === 'r' && /^r#*"/.test(text.slice(i, i + 260)) && !/\w/.test(text[i - 1] ?? '')) {
      const hashes = /^r(#*)"/.exec(text.slice(i, i + 260))![1];
      const open = i + 2 + hashes.length;
      const close = text.indexOf(`"${hashes}`, open);
      const stop = close === -1 ? n : close + 1 + hashes.length;
      out.push(text.slice(i, open));
      blank(open, Math.max(open, stop - 1 - hashes.length), '_');
      out.push(text.slice(Math.max(open, stop - 1 - hashes.length), stop));
      i = stop;
    } else if (c === '"') {
      let k = i + 1;
      while (k < n && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
      out.push('"');
      blank(i + 1, Math.min(k, n), '_');
      if (k < n) out.push('"');
      i = k + 1;
    } else if (c === "'" && /^'(\\.[^']{0,8}|[^\\'\n])'/.test(text.slice(i, i + 12))) {
      // A char literal; a lifetime (`'a`) has no closing quote right after its first character.
      const len = /^'(\\.[^']{0,8}|[^\\'\n])'/.exec(text.slice(i, i + 12))![0].length;
      out.push("'_'");
      i += len;
    } else {
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

const ATTRIBUTE = /#\[/g;

/** The offsets of each test item in blanked text: from its attribute to its closing brace or semicolon. */
function testItemRanges(code: string): [number, number][] {
  const ranges: [number, number][] = [];
  let resumeAt = 0;
  for (const match of code.matchAll(ATTRIBUTE)) {
    if (match.index < resumeAt) continue;
    const attributeEnd = closing(code, match.index + 1, '[', ']');
    if (attributeEnd === -1) continue;
    const attribute = code.slice(match.index, attributeEnd + 1);
    if (!isTestAttribute(attribute) && !isCfgTestAttribute(attribute)) continue;
    // The item runs to its body's closing brace, or to a `;` that comes first (`mod tests;`).
    let k = attributeEnd + 1;
    while (k < code.length && code[k] !== '{' && code[k] !== ';') k++;
    const end = code[k] === '{' ? closing(code, k, '{', '}') : k;
    if (end === -1) continue;
    ranges.push([match.index, end]);
    resumeAt = end;
  }
  return ranges;
}

function closing(code: string, openAt: number, open: string, close: string): number {
  let depth = 0;
  for (let k = openAt; k < code.length; k++) {
    if (code[k] === open) depth++;
    else if (code[k] === close && --depth === 0) return k;
  }
  return -1;
}
