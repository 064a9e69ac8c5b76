/** Small text helpers shared by every place that shows findings or counts. */

/** Text with the backticks that mark code taken out, for places that show plain text only. */
export function plainText(markdown: string): string {
  return markdown.replace(/`/g, '');
}

/** Rubric and finding text marks code with backticks; the parts say which runs are code. */
export function inlineCodeParts(text: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), code: false });
    parts.push({ text: match[1], code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}
