import { scanStatus, shortCommit, unassessedWarning, weightedScoreHint } from '../presentation/scorecardText';
import type { CategoryView, ScorecardView } from '../presentation/scorecardView';
import { CategoryCard } from './components/categoryCard';
import type { PanelContext } from './components/context';
import { HistoryCard } from './components/historyCard';
import { LevelGroup } from './components/levelGroup';
import { Region } from './components/region';
import { TextField } from './components/textField';
import { button, el, icon, Ids, richText, setText } from './dom';
import type { ExportFormat, ExtensionMessage, ScorecardRequest, VsCodeApi } from './protocol';
import { Requests } from './requests';
import { readUiState, type UiState } from './state';

/** How long the "copied" confirmation stays. */
const COPIED_NOTICE_MS = 4000;

/**
 * The scorecard webview: draws the `ScorecardView` the extension posts and posts the reviewer's
 * choices back.
 *
 * Elements are created once and updated in place where the reviewer interacts with them (level
 * buttons, text fields), so a new state does not take away the focus, the caret or unsent typing.
 * Lists are rebuilt only when their data changed, and the focus is put back on the same control.
 */
export class ScorecardApp {
  private readonly ctx: PanelContext;
  private readonly requests: Requests;
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
  private readonly exportError: HTMLElement;
  private readonly checklist: HTMLDetailsElement;
  private readonly checklistItems: Region;
  private readonly history: HistoryCard;
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
    this.requests = new Requests((message) => api.postMessage(message));
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
    // A failed export or import is said at once, and stays until the next one.
    this.exportError = el('p', 'export-error');
    this.exportError.setAttribute('role', 'alert');
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
      this.exportError,
    );
    recommendation.setAttribute('aria-labelledby', recommendationTitle.id);

    this.checklistItems = new Region(el('ul', 'checklist-items'), () => this.checklist);
    this.checklist = el('details', 'checklist', el('summary', undefined, 'Reviewer checklist'), this.checklistItems.element);
    this.checklist.open = this.ui.checklistOpen;
    this.checklist.addEventListener('toggle', () => {
      this.ui.checklistOpen = this.checklist.open;
      this.saveUi();
    });

    this.history = new HistoryCard(this.ctx, this.ui.commitsOpen, (open) => {
      this.ui.commitsOpen = open;
      this.saveUi();
    });

    const categoriesTitle = el('h2', 'section-title', 'Categories');
    categoriesTitle.id = this.ctx.ids.make('categories');
    this.cardList = el('div', 'cards');
    const categories = el('section', 'categories', categoriesTitle, this.cardList);
    categories.setAttribute('aria-labelledby', categoriesTitle.id);

    this.root = el('div', 'scorecard', header, recommendation, this.checklist, this.history.element, categories);

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
    const exportButton = (iconName: string, text: string, title: string, request: ScorecardRequest) => {
      const control = button('secondary', icon(iconName), text);
      control.title = title;
      control.addEventListener('click', () => {
        this.flushFields();
        void this.request(request);
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

  /** Asks the extension to export or import, and shows what became of it. */
  private async request(request: ScorecardRequest): Promise<void> {
    this.exportError.replaceChildren();
    const outcome = await this.requests.send(request);
    if (outcome.status === 'failed') this.exportError.replaceChildren(icon('error'), outcome.error);
    else if (outcome.status === 'done' && request.type === 'export' && request.to === 'clipboard') this.showCopied(request.format);
  }

  private receive(data: unknown): void {
    const message = data as ExtensionMessage | undefined;
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'state' && typeof message.view === 'object' && message.view !== null) this.draw(message.view);
    else if (message.type === 'reply') this.requests.settle(message.id, message.outcome);
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

    this.history.update(view.history);
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

  private showCopied(format: ExportFormat): void {
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
