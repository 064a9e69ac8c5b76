import htmlTags from 'html-tags';
import { escapeMarkdown } from '../rubric/markdown';
import type { Identity } from './identities';

/** Local parts of an e-mail that name a mailbox, not a person: masking them would mask common words. */
const GENERIC_LOCAL_PARTS = new Set(['me', 'mail', 'email', 'contact', 'info', 'hello', 'hi', 'dev', 'admin', 'git', 'noreply', 'no-reply', 'github', 'gitlab', 'code', 'test', 'user']);

/**
 * The words to mask for one identity: the whole of it, and the parts a text may use alone. A name's
 * parts count from three letters and when capitalised (or of a script without case), so that a
 * lowercase particle ("van", "de") is not masked everywhere; an e-mail's local part and the handle
 * in GitHub's `123+handle@users.noreply.github.com` are masked too.
 */
function termsOf(identity: Identity): string[] {
  const terms = [identity.text];
  if (identity.kind === 'name') {
    const parts = identity.text.split(/[^\p{L}\p{M}\p{N}'’-]+/u).filter(Boolean);
    if (parts.length > 1) terms.push(...parts.filter((p) => (/^\p{Lu}/u.test(p) && [...p].length >= 3) || (/^\p{Lo}/u.test(p) && [...p].length >= 2)));
  } else if (identity.kind === 'email') {
    const local = identity.text.slice(0, identity.text.lastIndexOf('@'));
    for (const part of [local, ...local.split('+')]) {
      if ([...part].length >= 3 && !/^\d+$/.test(part) && !GENERIC_LOCAL_PARTS.has(part.toLowerCase())) terms.push(part);
    }
  }
  return terms;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
// Only the syntax characters: a pattern with the `u` flag rejects any other escaped character.
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each term as a text may hold it: as it is, composed and decomposed (an accent as one character or
 * two), without its accents (as a file or account name spells "Ångström": "angstrom"), and escaped
 * for Markdown and for HTML, since what is masked may already be an export.
 */
function variants(term: string): string[] {
  const forms = new Set([term, term.normalize('NFC'), term.normalize('NFD'), term.normalize('NFD').replace(/\p{M}/gu, '')]);
  for (const form of [...forms]) {
    forms.add(escapeMarkdown(form));
    forms.add(escapeHtml(form));
  }
  return [...forms];
}

const HTML_ELEMENTS = new Set<string>(htmlTags);
/** A start or end tag, its attributes quoted, unquoted or bare. */
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE_NAME = /(\s+)([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/**
 * The spans of a text that masking must not cut, so that HTML stays HTML: each tag of an HTML
 * element, whose element and attribute names a match may not touch unless it takes the whole tag (a
 * candidate called Mark would otherwise turn `<mark>` into another tag), and character references,
 * which a match may take whole but not cut. Attribute values and text are masked; an "element" no
 * HTML has (`<jane@doe.dev>`, `Vec<Jane>`) is text.
 */
function protectedSpans(text: string): { tags: { tag: Span; names: Span[] }[]; atoms: Span[] } {
  const tags: { tag: Span; names: Span[] }[] = [];
  for (const tag of text.matchAll(TAG)) {
    if (!HTML_ELEMENTS.has(tag[1].toLowerCase())) continue;
    const start = tag.index;
    const nameEnd = start + tag[0].indexOf(tag[1]) + tag[1].length;
    const names: Span[] = [[start, nameEnd]];
    for (const attribute of tag[2].matchAll(ATTRIBUTE_NAME)) {
      const nameStart = nameEnd + attribute.index + attribute[1].length;
      names.push([nameStart, nameStart + attribute[2].length]);
    }
    tags.push({ tag: [start, start + tag[0].length], names });
  }
  const atoms = [...text.matchAll(ENTITY)].map((m): Span => [m.index, m.index + m[0].length]);
  return { tags, atoms };
}

type Span = [start: number, end: number];

const overlaps = ([s, e]: Span, from: number, to: number) => from < e && to > s;
const cuts = ([s, e]: Span, from: number, to: number) => (from > s && from < e) || (to > s && to < e);

/**
 * Scripts written without spaces between words (and Korean, whose particles join the name), where
 * a name is masked wherever it stands, not only as a whole word.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;
const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';

/** A term as a pattern: white space in it matches any (a Markdown paragraph wraps a name across lines). */
function termPattern(term: string): string {
  const body = escapeRegExp(term).replace(/\s+/g, '\\s+');
  const chars = [...term];
  return `${UNSPACED.test(chars[0]) ? '' : WORD_BEFORE}${body}${UNSPACED.test(chars[chars.length - 1]) ? '' : WORD_AFTER}`;
}

/**
 * A function that replaces every name, e-mail and handle of the candidate in a text by
 * `replacement` (a candidate code such as `C-4F2A`): case-insensitive, as whole words (a letter,
 * digit or `_` on either side keeps a match from counting; in Chinese, Japanese, Thai and Korean,
 * wherever it stands), in any script, the longest match first.
 * HTML tags and character references stay whole, and the replacement is letters, digits and `-`
 * only, so Markdown and HTML stay as well-formed as they were.
 */
export function createMasker(identities: readonly Identity[], replacement: string): (text: string) => string {
  if (!/^[\p{L}\p{N} -]+$/u.test(replacement)) throw new Error(`a mask must be letters, digits, spaces and hyphens, not ${JSON.stringify(replacement)}`);
  const terms = [...new Set(identities.flatMap(termsOf).flatMap(variants))].filter((t) => t.trim()).sort((a, b) => b.length - a.length);
  if (terms.length === 0) return (text) => text;
  const pattern = new RegExp(terms.map(termPattern).join('|'), 'giu');
  return (text) => {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) return text;
    const { tags, atoms } = protectedSpans(text);
    return text.replace(pattern, (match: string, offset: number) => {
      const end = offset + match.length;
      const breaksTag = tags.some(({ tag, names }) => !(offset <= tag[0] && end >= tag[1]) && names.some((name) => overlaps(name, offset, end)));
      return breaksTag || atoms.some((atom) => cuts(atom, offset, end)) ? match : replacement;
    });
  };
}

/** A copy of plain data (what JSON holds) with every string in it masked; object keys stay. */
export function maskStrings<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskStrings(item, mask)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskStrings(item as unknown, mask)])) as T;
  }
  return value;
}
