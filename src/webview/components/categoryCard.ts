import { POLARITY_CODICONS, POLARITY_TITLES } from '../../presentation/polarity';
import { evidenceSummary, fileLineLabel } from '../../presentation/scorecardText';
import type { CategoryView, FindingView, PinnedView } from '../../presentation/scorecardView';
import type { Level } from '../../rubric/model';
import { LEVEL_TITLES } from '../../rubric/model';
import { button, el, focusKey, icon, richText, setText, type Child } from '../dom';
import type { PanelContext } from './context';
import { LevelGroup } from './levelGroup';
import { locationButton } from './locationButton';
import { questionList } from './questionList';
import { Region } from './region';
import { TextField } from './textField';

/** One card per rubric category. */
export class CategoryCard {
  readonly element: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly titleText: HTMLElement;
  private readonly weight: HTMLElement;
  private readonly levels: LevelGroup;
  private readonly counts: HTMLElement;
  private readonly details: HTMLElement;
  private readonly suggestion: Region;
  private readonly findings: Region;
  private readonly pinned: Region;
  private readonly pinnedHeading: HTMLElement;
  readonly notes: TextField;
  private readonly questions: Region;

  constructor(
    private readonly ctx: PanelContext,
    readonly id: string,
    expanded: boolean,
    onToggle: (expanded: boolean) => void,
  ) {
    const detailsId = ctx.ids.make('details');
    const titleId = ctx.ids.make('title');
    this.titleText = el('span', 'card-title-text');
    this.weight = el('span', 'weight');
    this.toggle = button('card-toggle', icon('chevron-right'), this.titleText, this.weight);
    this.toggle.setAttribute('aria-controls', detailsId);
    this.toggle.addEventListener('click', () => {
      const open = this.toggle.getAttribute('aria-expanded') !== 'true';
      this.setExpanded(open);
      onToggle(open);
    });
    const heading = el('h3', 'card-title', this.toggle);
    heading.id = titleId;

    this.levels = new LevelGroup(ctx, 'Level', 'Not assessed', (level) => ctx.post({ type: 'setLevel', categoryId: id, level }));
    this.counts = el('p', 'counts');

    this.suggestion = new Region(el('div', 'suggestion'), () => this.toggle);
    this.findings = new Region(el('ul', 'findings'), () => this.toggle);
    this.pinnedHeading = el('h4', 'subheading', 'Pinned evidence');
    this.pinnedHeading.tabIndex = -1;
    this.pinned = new Region(el('div', 'pinned'), () => this.pinnedHeading);
    const notesId = ctx.ids.make('notes');
    this.notes = new TextField(notesId, 'What you saw, and why this level', (notes) => ctx.post({ type: 'setNotes', categoryId: id, notes }));
    const notesLabel = el('label', 'subheading', 'Notes');
    notesLabel.htmlFor = notesId;
    this.questions = new Region(el('div', 'questions'), () => this.toggle);

    this.details = el(
      'div',
      'card-details',
      this.suggestion.element,
      this.findings.element,
      this.pinnedHeading,
      this.pinned.element,
      notesLabel,
      this.notes.element,
      this.questions.element,
    );
    this.details.id = detailsId;

    this.element = el('section', 'card', heading, this.levels.element, this.counts, this.details);
    this.element.setAttribute('aria-labelledby', titleId);
    this.setExpanded(expanded);
  }

  setExpanded(expanded: boolean): void {
    this.toggle.setAttribute('aria-expanded', String(expanded));
    this.details.hidden = !expanded;
  }

  update(view: CategoryView): void {
    setText(this.titleText, view.title);
    this.levels.setLabel(`${view.title}: level`);
    setText(this.weight, `weight ${view.weight}`);
    this.levels.update(view.level, view.descriptors);
    this.element.classList.toggle('unassessed', view.level === undefined);
    setText(this.counts, evidenceSummary(view.counts));

    this.suggestion.show({ suggestion: view.suggestion, level: view.level }, ({ suggestion, level }) => this.drawSuggestion(suggestion, level));
    this.findings.show(view.top, (top) => top.map((finding, index) => this.drawFinding(finding, index)));
    this.findings.element.hidden = view.top.length === 0;
    this.pinned.show(view.pinned, (pinned) => this.drawPinned(pinned));
    this.notes.update(view.notes);
    this.questions.show(view.questions, (questions) =>
      questionList(this.ctx, questions, (text, chosen) => this.ctx.post({ type: 'chooseQuestion', categoryId: this.id, text, chosen })),
    );
    this.questions.element.hidden = view.questions.length === 0;
  }

  private drawSuggestion(suggestion: CategoryView['suggestion'], level: Level | undefined): Child[] {
    if (!suggestion) return [];
    if (!suggestion.level) return [el('p', 'suggestion-text', icon('lightbulb'), ' No suggested level — ', richText(suggestion.reason))];
    const suggested = suggestion.level;
    const use = focusKey(button('secondary use-suggestion', 'Use suggestion'), 'use-suggestion');
    use.addEventListener('click', () => this.ctx.post({ type: 'setLevel', categoryId: this.id, level: suggested }));
    const matches = level === suggested ? el('span', 'matches', ' (your level)') : undefined;
    return [
      el('p', 'suggestion-text', icon('lightbulb'), ' Suggested: ', el('strong', undefined, LEVEL_TITLES[suggested]), matches, ' — ', richText(suggestion.reason)),
      use,
    ];
  }

  private drawFinding(finding: FindingView, index: number): HTMLElement {
    const polarity = el('span', `polarity polarity-${finding.polarity}`, icon(POLARITY_CODICONS[finding.polarity]));
    polarity.title = POLARITY_TITLES[finding.polarity];
    const spoken = el('span', 'visually-hidden', `${POLARITY_TITLES[finding.polarity]}: `);
    const tag = finding.context !== 'code' ? el('span', 'tag', finding.context) : undefined;
    const where = el('div', 'finding-where', spoken, locationButton(this.ctx, finding, `finding:${index}`), tag);
    const message = el('div', 'finding-message', richText(finding.message));
    message.title = finding.rule;
    return el('li', `finding finding-${finding.polarity}`, polarity, el('div', 'finding-body', where, message));
  }

  private drawPinned(pinned: PinnedView[]): Child[] {
    if (pinned.length === 0) return [el('p', 'empty', 'Nothing pinned. Pin code from the editor with “Add as Evidence…”.')];
    return [el('ul', 'pinned-list', ...pinned.map((evidence) => this.drawEvidence(evidence)))];
  }

  private drawEvidence(evidence: PinnedView): HTMLElement {
    const label = fileLineLabel(evidence);
    const remove = focusKey(button('icon-button', icon('close')), `unpin:${evidence.id}`);
    remove.setAttribute('aria-label', `Remove pinned evidence at ${label}`);
    remove.title = 'Remove from the evidence';
    remove.addEventListener('click', () => this.ctx.post({ type: 'unpin', evidenceId: evidence.id }));
    const older = evidence.olderCommit ? el('span', 'tag older', icon('history'), ' from an older commit') : undefined;
    const head = el('div', 'pinned-head', el('div', 'pinned-where', locationButton(this.ctx, evidence, `pinned:${evidence.id}`), older), remove);
    const snippet = el('pre', 'snippet', el('code', undefined, evidence.snippet));
    // Long snippets scroll, so keyboard users must be able to reach them.
    snippet.tabIndex = 0;
    snippet.setAttribute('aria-label', `Code at ${label}`);
    focusKey(snippet, `snippet:${evidence.id}`);
    const message = evidence.message ? el('p', 'pinned-message', richText(evidence.message)) : undefined;
    const note = evidence.note ? el('p', 'pinned-note', evidence.note) : undefined;
    return el('li', 'evidence', head, message, snippet, note);
  }
}
