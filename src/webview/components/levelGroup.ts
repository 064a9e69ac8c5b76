import type { Level } from '../../rubric/model';
import { LEVEL_TITLES, LEVELS } from '../../rubric/model';
import { button, el, icon, richText, setText } from '../dom';
import { indexAfterKey, levelAfterChoosing } from '../state';
import type { PanelContext } from './context';

/**
 * The four level buttons as a radio group. The arrow keys move the focus without choosing, so a
 * reviewer can read each level's descriptor before choosing one with Space or Enter; choosing the
 * chosen level again clears it.
 */
export class LevelGroup {
  readonly element: HTMLElement;
  private readonly radios = new Map<Level, HTMLButtonElement>();
  private readonly descriptorTexts = new Map<Level, HTMLElement>();
  private readonly group: HTMLElement;
  private readonly line: HTMLElement;
  private selected: Level | undefined;
  private descriptors: Record<Level, string> | undefined;
  /** The level under the pointer or the focus, whose descriptor the line shows. */
  private pointed: Level | undefined;

  constructor(
    ctx: PanelContext,
    label: string,
    private readonly emptyText: string,
    private readonly choose: (level: Level | undefined) => void,
  ) {
    const group = el('div', 'levels');
    group.setAttribute('role', 'radiogroup');
    this.group = group;
    this.setLabel(label);
    this.line = el('p', 'level-line');
    for (const level of LEVELS) {
      const radio = button(`level level-${level}`, icon('check'), el('span', 'level-title', LEVEL_TITLES[level]));
      radio.setAttribute('role', 'radio');
      radio.setAttribute('aria-checked', 'false');
      radio.tabIndex = -1;
      const description = el('span');
      description.id = ctx.ids.make('descriptor');
      description.hidden = true;
      radio.setAttribute('aria-describedby', description.id);
      radio.addEventListener('click', () => this.onChoose(level));
      radio.addEventListener('keydown', (event) => this.onKey(event, level));
      radio.addEventListener('focus', () => this.point(level));
      radio.addEventListener('blur', () => this.unpoint(level));
      radio.addEventListener('mouseenter', () => this.point(level));
      radio.addEventListener('mouseleave', () => this.unpoint(level));
      this.radios.set(level, radio);
      this.descriptorTexts.set(level, description);
      group.append(radio, description);
    }
    this.element = el('div', 'level-group', group, this.line);
    this.update(undefined, undefined);
  }

  setLabel(label: string): void {
    this.group.setAttribute('aria-label', label);
  }

  update(selected: Level | undefined, descriptors: Record<Level, string> | undefined): void {
    this.selected = selected;
    this.descriptors = descriptors;
    const focusedLevel = LEVELS.find((level) => this.radios.get(level) === document.activeElement);
    const tabStop = focusedLevel ?? selected ?? LEVELS[0];
    for (const level of LEVELS) {
      const radio = this.radios.get(level)!;
      radio.setAttribute('aria-checked', String(level === selected));
      radio.tabIndex = level === tabStop ? 0 : -1;
      setText(this.descriptorTexts.get(level)!, descriptors?.[level] ?? '');
    }
    this.drawLine();
  }

  private onChoose(level: Level): void {
    const next = levelAfterChoosing(this.selected, level);
    // Shown at once; the state the extension sends back confirms it.
    this.update(next, this.descriptors);
    this.choose(next);
  }

  private onKey(event: KeyboardEvent, level: Level): void {
    const index = indexAfterKey(event.key, LEVELS.indexOf(level), LEVELS.length);
    if (index === undefined) return;
    event.preventDefault();
    for (const radio of this.radios.values()) radio.tabIndex = -1;
    const target = this.radios.get(LEVELS[index])!;
    target.tabIndex = 0;
    target.focus();
  }

  private point(level: Level): void {
    this.pointed = level;
    this.drawLine();
  }

  private unpoint(level: Level): void {
    if (this.pointed !== level) return;
    // The focus may still be in the group while the pointer leaves it. During a blur the focus is
    // on no radio yet, so a focused radio here is one the pointer left.
    this.pointed = LEVELS.find((other) => this.radios.get(other) === document.activeElement);
    this.drawLine();
  }

  private drawLine(): void {
    const shown = this.pointed ?? this.selected;
    const descriptor = shown && this.descriptors?.[shown];
    if (shown && descriptor) {
      this.line.replaceChildren(el('strong', undefined, `${LEVEL_TITLES[shown]}: `), richText(descriptor));
      this.line.hidden = false;
    } else {
      this.line.replaceChildren(shown ? '' : this.emptyText);
      this.line.hidden = shown !== undefined;
    }
    this.line.classList.toggle('empty', shown === undefined);
  }
}
