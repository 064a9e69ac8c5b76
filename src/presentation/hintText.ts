/** The text a hint shows after its line in the editor. */
import { CATEGORY_TITLES, type Finding } from '../analysis/model';
import { POLARITY_MARK } from './polarity';
import { plainText } from './text';

/** Punctuation and spaces that look wrong before an ellipsis. */
const DANGLING_END = /[\s,;:.\-–—(/]+$/u;

/**
 * Text cut to at most `max` characters (code points), at a word boundary where there is one in
 * its second half, ending with an ellipsis; text that fits, or a `max` of 0, leaves it whole.
 */
export function truncateAtWord(text: string, max: number): string {
  const chars = Array.from(text);
  if (max <= 0 || chars.length <= max) return text;
  if (max === 1) return '…';
  const room = chars.slice(0, max - 1).join('');
  // A cut just after a word is a word boundary too: the next character is a space.
  const space = chars[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  const cut = space >= room.length / 2 ? room.slice(0, space) : room;
  return `${cut.replace(DANGLING_END, '') || cut}…`;
}

/** However short the limit, the inline text keeps this much of its message: the lead alone says nothing. */
const MIN_MESSAGE_CHARS = 12;

/**
 * The inline text after a line with findings: the most telling one (`first`) with its polarity's
 * mark and its category, and how many more the line has. Its message is shortened so that the
 * whole text fits in `maxLength` characters (0: no limit); the hover shows it whole.
 */
export function inlineHintText(first: Finding, more: number, maxLength: number): string {
  const lead = `${POLARITY_MARK[first.polarity]} ${CATEGORY_TITLES[first.category]}: `;
  const tail = more > 0 ? `  (+${more})` : '';
  const message = plainText(first.message);
  if (maxLength <= 0) return `${lead}${message}${tail}`;
  const room = Math.max(maxLength - Array.from(lead).length - tail.length, MIN_MESSAGE_CHARS);
  return `${lead}${truncateAtWord(message, room)}${tail}`;
}
