import type { Child } from '../dom';

/**
 * A container whose children are rebuilt from data only when the data changed. A control that had
 * the focus gets it back when it is rebuilt; when it is gone, its neighbour or the fallback does.
 */
export class Region {
  readonly element: HTMLElement;
  private signature: string | undefined;

  constructor(
    element: HTMLElement,
    private readonly fallbackFocus: () => HTMLElement,
  ) {
    this.element = element;
  }

  show<T>(data: T, build: (data: T) => Child[]): void {
    const signature = JSON.stringify(data);
    if (signature === this.signature) return;
    this.signature = signature;
    const keyed = () => [...this.element.querySelectorAll<HTMLElement>('[data-focus-key]')];
    const active = document.activeElement;
    const before = keyed();
    const focused = before.findIndex((element) => element === active);
    const key = focused >= 0 ? before[focused].dataset.focusKey : undefined;
    this.element.replaceChildren(...build(data).filter((child): child is Node | string => child !== undefined));
    if (focused < 0) return;
    const after = keyed();
    const target = after.find((element) => element.dataset.focusKey === key) ?? after[Math.min(focused, after.length - 1)] ?? this.fallbackFocus();
    target.focus();
  }
}
