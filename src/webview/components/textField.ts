import { el } from '../dom';
import { mayReplaceFieldText } from '../state';

/** How long typing pauses before the text is posted; leaving the field posts at once. */
const TYPING_DEBOUNCE_MS = 300;

/** A notes field: posted after a pause in typing and on leaving it; a new state never overwrites typing. */
export class TextField {
  readonly element: HTMLTextAreaElement;
  /** The extension's text; undefined until its first state arrives. */
  private synced: string | undefined;
  private typedInto = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    id: string,
    placeholder: string,
    private readonly post: (text: string) => void,
  ) {
    this.element = el('textarea', 'notes');
    this.element.id = id;
    this.element.rows = 3;
    this.element.placeholder = placeholder;
    this.element.addEventListener('input', () => {
      this.typedInto = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), TYPING_DEBOUNCE_MS);
    });
    this.element.addEventListener('blur', () => this.flush());
  }

  update(incoming: string): void {
    const field = { value: this.element.value, synced: this.synced, focused: document.activeElement === this.element, typedInto: this.typedInto };
    if (mayReplaceFieldText(field, incoming)) this.element.value = incoming;
    if (this.element.value === incoming) this.synced = incoming;
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Before the first state an empty field is no text of the reviewer's: posting it would erase the saved one.
    if (this.element.value === (this.synced ?? '')) return;
    this.synced = this.element.value;
    this.post(this.synced);
  }
}
