/**
 * Building elements. Strings passed as children become text nodes (`append` never parses them), so
 * text from the candidate's repository or a custom rubric never becomes markup.
 */
import { inlineCodeParts } from '../presentation/text';

export type Child = Node | string | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children.filter((child): child is Node | string => child !== undefined));
  return element;
}

export function icon(name: string): HTMLElement {
  const element = el('span', `codicon codicon-${name}`);
  element.setAttribute('aria-hidden', 'true');
  return element;
}

/** Text with its backtick-quoted runs as `<code>`, as rubric descriptors and messages write code. */
export function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of inlineCodeParts(text)) fragment.append(part.code ? el('code', undefined, part.text) : part.text);
  return fragment;
}

export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function button(className: string, ...children: Child[]): HTMLButtonElement {
  const element = el('button', className, ...children);
  element.type = 'button';
  return element;
}

/** Marks a control so that the focus can find it again after its list is rebuilt. */
export function focusKey<T extends HTMLElement>(element: T, key: string): T {
  element.dataset.focusKey = key;
  return element;
}

/** Ids for `aria-labelledby` and `for`; rubric ids are untrusted, so they are not used in ids. */
export class Ids {
  private next = 0;
  make(prefix: string): string {
    return `${prefix}-${++this.next}`;
  }
}
