/**
 * The scorecard webview: draws the `ScorecardView` the extension posts and posts the reviewer's
 * choices back. Every string in the view may come from the candidate's repository or a custom
 * rubric, so strings only ever become text nodes and attribute values, never markup.
 *
 * Elements are created once and updated in place where the reviewer interacts with them (level
 * buttons, text fields), so a new state does not take away the focus, the caret or unsent typing.
 * Lists are rebuilt only when their data changed, and the focus is put back on the same control.
 */
import type { Level } from '../rubric/model';
import { LEVEL_TITLES, LEVELS } from '../rubric/model';
import {
  evidenceSummary,
  indexAfterKey,
  inlineCodeParts,
  levelAfterChoosing,
  locationLabel,
  mayReplaceFieldText,
  questionText,
  readUiState,
  scanStatus,
  shortCommit,
  splitPath,
  unassessedWarning,
  weightedScoreHint,
  type UiState,
} from './format';
import type { CategoryView, ExtensionMessage, FindingView, LocationView, PinnedView, QuestionView, ScorecardView, WebviewMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: UiState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** How long typing pauses before notes are posted; leaving the field posts at once. */
const TYPING_DEBOUNCE_MS = 300;
/** How long the "copied" confirmation stays. */
const COPIED_NOTICE_MS = 4000;

// ---------------------------------------------------------------------------------------------
// Building elements. Strings passed as children become text nodes (`append` never parses them).

type Child = Node | string | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children.filter((child): child is Node | string => child !== undefined));
  return element;
}

function icon(name: string): HTMLElement {
  const element = el('span', `codicon codicon-${name}`);
  element.setAttribute('aria-hidden', 'true');
  return element;
}

/** Text with its backtick-quoted runs as `<code>`, as rubric descriptors and messages write code. */
function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of inlineCodeParts(text)) fragment.append(part.code ? el('code', undefined, part.text) : part.text);
  return fragment;
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function button(className: string, ...children: Child[]): HTMLButtonElement {
  const element = el('button', className, ...children);
  element.type = 'button';
  return element;
}

/** Marks a control so that the focus can find it again after its list is rebuilt. */
function focusKey<T extends HTMLElement>(element: T, key: string): T {
  element.dataset.focusKey = key;
  return element;
}

/** Ids for `aria-labelledby` and `for`; rubric ids are untrusted, so they are not used in ids. */
class Ids {
  private next = 0;
  make(prefix: string): string {
    return `${prefix}-${++this.next}`;
  }
}

interface Context {
  post(message: WebviewMessage): void;
  ids: Ids;
}

// ---------------------------------------------------------------------------------------------
// Parts

/**
 * A container whose children are rebuilt from data only when the data changed. A control that had
 * the focus gets it back when it is rebuilt; when it is gone, its neighbour or the fallback does.
 */
class Region {
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

/**
 * The four level buttons as a radio group. The arrow keys move the focus without choosing, so a
 * reviewer can read each level's descriptor before choosing one with Space or Enter; choosing the
 * chosen level again clears it.
 */
class LevelGroup {
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
    ctx: Context,
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

/** A notes field: posted after a pause in typing and on leaving it; a new state never overwrites typing. */
class TextField {
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

function locationButton(ctx: Context, location: LocationView, key: string): HTMLButtonElement {
  const label = locationLabel(location);
  const { folder, name } = splitPath(label);
  const control = button('location', folder ? el('span', 'folder', folder) : undefined, el('span', 'file', name));
  control.title = `Open ${label}`;
  control.addEventListener('click', () => ctx.post({ type: 'open', location: pickLocation(location) }));
  return focusKey(control, key);
}

/** The location fields alone: findings and pinned evidence carry more than `open` needs. */
function pickLocation(location: LocationView): LocationView {
  const { file, workspaceFolder, line, character, endLine, endCharacter } = location;
  return { file, ...(workspaceFolder === undefined ? {} : { workspaceFolder }), line, character, endLine, endCharacter };
}

const POLARITY_ICONS: Record<FindingView['polarity'], string> = { concern: 'warning', strength: 'pass', info: 'info' };
const POLARITY_NAMES: Record<FindingView['polarity'], string> = { concern: 'Concern', strength: 'Strength', info: 'Info' };

/** One card per rubric category. */
class CategoryCard {
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
    private readonly ctx: Context,
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
    this.questions.show(view.questions, (questions) => this.drawQuestions(questions));
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
    const polarity = el('span', `polarity polarity-${finding.polarity}`, icon(POLARITY_ICONS[finding.polarity]));
    polarity.title = POLARITY_NAMES[finding.polarity];
    const spoken = el('span', 'visually-hidden', `${POLARITY_NAMES[finding.polarity]}: `);
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
    const label = locationLabel(evidence);
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

  private drawQuestions(questions: QuestionView[]): Child[] {
    if (questions.length === 0) return [];
    const list = el('ul', 'question-list');
    questions.forEach((question, index) => {
      const id = this.ctx.ids.make('question');
      const box = focusKey(el('input'), `question:${index}:${question.text}`);
      box.type = 'checkbox';
      box.id = id;
      box.checked = question.chosen;
      box.addEventListener('change', () => this.ctx.post({ type: 'chooseQuestion', categoryId: this.id, text: question.text, chosen: box.checked }));
      // The place shows once, as the link above the question; the checkbox's name still says it.
      const place = question.location && el('span', 'visually-hidden', `${locationLabel(question.location)}: `);
      const label = el('label', undefined, place, richText(questionText(question)));
      label.htmlFor = id;
      const where = question.location ? locationButton(this.ctx, question.location, `question-location:${index}`) : undefined;
      list.append(el('li', 'question', box, el('div', 'question-body', where, label)));
    });
    const legend = el('legend', 'subheading', 'Follow-up questions');
    const hint = el('p', 'hint', 'Chosen questions are included in the export.');
    return [el('fieldset', undefined, legend, hint, list)];
  }
}

// ---------------------------------------------------------------------------------------------
// The scorecard

class Scorecard {
  private readonly ctx: Context;
  private readonly ui: UiState;
  private readonly root: HTMLElement;
  private readonly repoName: HTMLElement;
  private readonly commit: HTMLElement;
  private readonly rubricLine: HTMLElement;
  private readonly scan: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly recommendation: LevelGroup;
  private readonly score: HTMLElement;
  private readonly unassessed: HTMLElement;
  private readonly summary: TextField;
  private readonly exportStatus: HTMLElement;
  private readonly checklist: HTMLDetailsElement;
  private readonly checklistItems: Region;
  private readonly cardList: HTMLElement;
  private readonly cards = new Map<string, CategoryCard>();
  private exportStatusTimer: ReturnType<typeof setTimeout> | undefined;
  private drawn = false;
  private shownProblem: string | undefined;
  private scrollSaveQueued = false;

  constructor(
    private readonly api: VsCodeApi,
    private readonly mount: HTMLElement,
  ) {
    this.ctx = { post: (message) => api.postMessage(message), ids: new Ids() };
    this.ui = readUiState(api.getState());

    // The repository under review is the panel's title, so the sections below it are h2.
    this.repoName = el('h1', 'repo-name');
    this.commit = el('span', 'commit');
    this.rubricLine = el('p', 'rubric-line');
    this.scan = el('p', 'scan-status');
    this.scan.setAttribute('role', 'status');
    this.scan.setAttribute('aria-live', 'polite');
    this.problem = el('div', 'banner');
    this.problem.setAttribute('aria-live', 'polite');
    const header = el('header', 'overview', el('div', 'repo-line', this.repoName, this.commit), this.rubricLine, this.scan, this.problem);

    const recommendationTitle = el('h2', 'section-title', 'Overall recommendation');
    recommendationTitle.id = this.ctx.ids.make('recommendation');
    this.recommendation = new LevelGroup(this.ctx, 'Overall recommendation', 'Not decided', (level) => this.ctx.post({ type: 'setRecommendation', level }));
    this.score = el('p', 'hint score');
    this.unassessed = el('p', 'warning-line');
    const summaryId = this.ctx.ids.make('summary');
    this.summary = new TextField(summaryId, 'The overall impression, for the hiring decision', (summary) => this.ctx.post({ type: 'setSummary', summary }));
    const summaryLabel = el('label', 'subheading', 'Summary');
    summaryLabel.htmlFor = summaryId;
    this.exportStatus = el('p', 'export-status');
    this.exportStatus.setAttribute('role', 'status');
    this.exportStatus.setAttribute('aria-live', 'polite');
    const recommendation = el(
      'section',
      'recommendation',
      recommendationTitle,
      this.recommendation.element,
      this.score,
      this.unassessed,
      summaryLabel,
      this.summary.element,
      this.exportButtons(),
      this.exportStatus,
    );
    recommendation.setAttribute('aria-labelledby', recommendationTitle.id);

    this.checklistItems = new Region(el('ul', 'checklist-items'), () => this.checklist);
    this.checklist = el('details', 'checklist', el('summary', undefined, 'Reviewer checklist'), this.checklistItems.element);
    this.checklist.open = this.ui.checklistOpen;
    this.checklist.addEventListener('toggle', () => {
      this.ui.checklistOpen = this.checklist.open;
      this.saveUi();
    });

    const categoriesTitle = el('h2', 'section-title', 'Categories');
    categoriesTitle.id = this.ctx.ids.make('categories');
    this.cardList = el('div', 'cards');
    const categories = el('section', 'categories', categoriesTitle, this.cardList);
    categories.setAttribute('aria-labelledby', categoriesTitle.id);

    this.root = el('div', 'scorecard', header, recommendation, this.checklist, categories);

    window.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
    window.addEventListener('scroll', () => this.queueScrollSave(), { passive: true });
    // A hidden webview may be torn down: typing not posted yet goes now.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flushFields();
    });
    window.addEventListener('pagehide', () => this.flushFields());
  }

  start(): void {
    this.ctx.post({ type: 'ready' });
  }

  private exportButtons(): HTMLElement {
    const exportButton = (iconName: string, text: string, title: string, message: WebviewMessage) => {
      const control = button('secondary', icon(iconName), text);
      control.title = title;
      control.addEventListener('click', () => {
        this.flushFields();
        this.ctx.post(message);
      });
      return control;
    };
    const group = el(
      'div',
      'export',
      exportButton('markdown', 'Copy Markdown', 'Copy the review as Markdown', { type: 'export', format: 'markdown', to: 'clipboard' }),
      exportButton('json', 'Copy JSON', 'Copy the review as JSON', { type: 'export', format: 'json', to: 'clipboard' }),
      exportButton('save', 'Save…', 'Save the review as a JSON file, which Import… reads back', { type: 'export', format: 'json', to: 'file' }),
      exportButton('folder-opened', 'Import…', 'Replace this review with one from a JSON file', { type: 'import' }),
    );
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Export');
    return group;
  }

  private receive(data: unknown): void {
    const message = data as ExtensionMessage | undefined;
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'state' && typeof message.view === 'object' && message.view !== null) this.draw(message.view);
    else if (message.type === 'copied') this.showCopied(message.format);
  }

  private draw(view: ScorecardView): void {
    setText(this.repoName, view.repository.name);
    this.repoName.title = view.repository.remote ?? view.repository.name;
    this.commit.replaceChildren(icon('git-commit'), shortCommit(view.repository.commit));
    this.commit.title = view.repository.commit ?? 'The repository has no commit';
    setText(this.rubricLine, `Rubric: ${view.rubric.title} ${view.rubric.version}`);
    // Live regions are redrawn only when their text changes, so screen readers do not repeat them.
    const status = scanStatus(view.scan);
    if (this.scan.textContent !== status) {
      this.scan.replaceChildren(icon(view.scan.state === 'scanning' ? 'loading codicon-modifier-spin' : 'pass'), status);
    }

    this.problem.hidden = !view.rubric.problem;
    if (view.rubric.problem && view.rubric.problem !== this.shownProblem) {
      const text = el('div', undefined, el('strong', undefined, 'The rubric file is invalid;'), ' the last valid rubric is in use.', el('div', 'problem-detail', view.rubric.problem));
      this.problem.replaceChildren(icon('warning'), text);
    }
    this.shownProblem = view.rubric.problem;

    this.recommendation.update(view.recommendation, undefined);
    const score = weightedScoreHint(view.weightedScore);
    setText(this.score, score ?? '');
    this.score.hidden = score === undefined;
    const unassessed = unassessedWarning(view.unassessed);
    this.unassessed.replaceChildren(icon('warning'), unassessed ?? '');
    this.unassessed.hidden = unassessed === undefined;
    this.summary.update(view.summary);

    this.checklistItems.show(view.checklist, (items) => items.map((item) => el('li', undefined, richText(item))));
    this.checklist.hidden = view.checklist.length === 0;

    this.drawCards(view.categories);

    if (!this.drawn) {
      this.drawn = true;
      // Replaces whatever the page showed while waiting, such as a loading line.
      this.mount.replaceChildren(this.root);
      window.scrollTo(0, this.ui.scrollY);
    }
  }

  private drawCards(categories: CategoryView[]): void {
    const present = new Set(categories.map((category) => category.id));
    for (const [id, card] of this.cards) {
      if (present.has(id)) continue;
      card.notes.flush();
      card.element.remove();
      this.cards.delete(id);
    }
    const ordered = categories.map((category) => {
      let card = this.cards.get(category.id);
      if (!card) {
        card = new CategoryCard(this.ctx, category.id, this.ui.expanded.includes(category.id), (expanded) => this.setExpanded(category.id, expanded));
        this.cards.set(category.id, card);
      }
      card.update(category);
      return card.element;
    });
    // Moving an element takes the focus from it, so the list is only touched when its order changed.
    const current = [...this.cardList.children];
    if (current.length !== ordered.length || ordered.some((element, index) => current[index] !== element)) this.cardList.replaceChildren(...ordered);
  }

  private setExpanded(id: string, expanded: boolean): void {
    this.ui.expanded = expanded ? [...new Set([...this.ui.expanded, id])] : this.ui.expanded.filter((other) => other !== id);
    this.saveUi();
  }

  private showCopied(format: 'markdown' | 'json'): void {
    setText(this.exportStatus, `${format === 'markdown' ? 'Markdown' : 'JSON'} copied to the clipboard.`);
    clearTimeout(this.exportStatusTimer);
    this.exportStatusTimer = setTimeout(() => setText(this.exportStatus, ''), COPIED_NOTICE_MS);
  }

  private flushFields(): void {
    this.summary.flush();
    for (const card of this.cards.values()) card.notes.flush();
  }

  private queueScrollSave(): void {
    // Before the first state the page is empty, and its scroll position says nothing.
    if (!this.drawn || this.scrollSaveQueued) return;
    this.scrollSaveQueued = true;
    requestAnimationFrame(() => {
      this.scrollSaveQueued = false;
      this.ui.scrollY = window.scrollY;
      this.saveUi();
    });
  }

  private saveUi(): void {
    this.api.setState(this.ui);
  }
}

const mount = document.getElementById('scorecard') ?? document.body.appendChild(document.createElement('main'));
new Scorecard(acquireVsCodeApi(), mount).start();
