/**
 * Markdown that stays Markdown whatever the candidate's repository holds: file names, code and
 * identifiers are untrusted text, so they go into code spans and fences that cannot be closed
 * early, or are escaped.
 */

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** A code span that holds any text on one line: its fence is one backtick longer than any run inside. */
export function codeSpan(text: string): string {
  const line = text.replace(/\r?\n/g, ' ');
  const fence = '`'.repeat(longestRun(line, '`') + 1);
  // A space pads the text only where a backtick at its edge would merge with the fence.
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fenced code block that holds any text: its fence is longer than any backtick run inside. */
export function codeBlock(text: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/**
 * Escapes the characters that could change how plain text renders (emphasis, links, HTML, table
 * cells, a heading at the start), and no more, since exports are also read as plain text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^#/, '\\#')
    .replace(/\r?\n/g, ' ');
}

/** Removes the common indentation of a snippet's lines, so an excerpt from deep code reads well. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}
