/**
 * The headings of a Markdown document, enough to find a README's sections: ATX headings (`## Design`)
 * and setext headings (a line underlined with `===` or `---`), outside fenced code blocks. Pure, and
 * no more of CommonMark than that: a README's structure is in its headings.
 */
export interface Heading {
  level: number;
  /** The heading's text, without its markers, emphasis or trailing `#`s. */
  text: string;
  /** Zero-based line of the heading's text. */
  line: number;
  /** UTF-16 offsets of that line's start and end (without its line break). */
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/** Strips the inline markup a heading may carry: emphasis, code spans and link targets. */
function plainText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .trim();
}

export function markdownHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  let offset = 0;
  let previous: { text: string; line: number; start: number; end: number; paragraph: boolean } | undefined;
  const lines = text.split('\n');
  for (const [line, raw] of lines.entries()) {
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const start = offset;
    const end = offset + content.length;
    offset += raw.length + 1;
    const fenceMark = FENCE.exec(content)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && content.trim() === fenceMark) fence = undefined;
      previous = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      previous = undefined;
      continue;
    }
    const atx = ATX.exec(content);
    if (atx) {
      headings.push({ level: atx[1].length, text: plainText(atx[2] ?? ''), line, start, end });
      previous = undefined;
      continue;
    }
    const setext = SETEXT.exec(content);
    // An underline makes a heading of the single line of paragraph text above it (not of a list item or quote).
    if (setext) {
      // Under anything else, `---` is a thematic break: the line after it starts afresh.
      if (previous?.paragraph) headings.push({ level: setext[1][0] === '=' ? 1 : 2, text: plainText(previous.text), line: previous.line, start: previous.start, end: previous.end });
      previous = undefined;
      continue;
    }
    const blank = content.trim() === '';
    const paragraph = !blank && !/^ {0,3}([>*+-]|\d+[.)])(\s|$)/.test(content) && !/^( {4}|\t)/.test(content);
    // Only a paragraph of one line: a longer paragraph's underline is rarely a heading in a README.
    previous = blank ? undefined : previous ? { ...previous, paragraph: false } : { text: content, line, start, end, paragraph };
  }
  return headings;
}
