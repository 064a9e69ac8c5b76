import { commitSize, HISTORY_CAVEAT } from '../../rubric/historyFacts';
import type { CommitView, HistoryCardView, HistoryState, PinnedCommitView } from '../../presentation/scorecardView';
import { button, el, focusKey, icon, setText, type Child } from '../dom';
import { BaselineSection } from './baselineSection';
import type { PanelContext } from './context';
import { questionList } from './questionList';
import { Region } from './region';
import { timelineSvg } from './timeline';

const commitName = (commit: { number?: number; subject: string }) => (commit.number ? `commit ${commit.number}` : `the commit “${commit.subject}”`);

/**
 * The "How they worked" card, first in the scorecard: the commits on a timeline and in a list, what
 * the history says, the commits pinned as evidence, the questions it raises, and the baseline.
 */
export class HistoryCard {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly body: Region;
  private readonly commitList: HTMLDetailsElement;
  private readonly commitSummary: HTMLElement;
  private readonly commits: Region;
  private readonly pinnedHeading: HTMLElement;
  private readonly pinned: Region;
  private readonly questions: Region;
  private readonly baseline: BaselineSection;
  private readonly firstFolder: HTMLElement;

  constructor(
    private readonly ctx: PanelContext,
    commitsOpen: boolean,
    onToggleCommits: (open: boolean) => void,
  ) {
    this.heading = el('h2', 'section-title', 'How they worked');
    this.heading.id = ctx.ids.make('history');
    this.heading.tabIndex = -1;
    const caveat = el('p', 'hint caveat', icon('info'), ` ${HISTORY_CAVEAT}`);
    this.firstFolder = el('p', 'hint first-folder');
    this.body = new Region(el('div', 'history-body'), () => this.heading);

    this.commitSummary = el('span');
    this.commits = new Region(el('ol', 'commit-list'), () => this.commitSummary.parentElement!);
    this.commitList = el('details', 'commits', el('summary', undefined, this.commitSummary), this.commits.element);
    this.commitList.open = commitsOpen;
    this.commitList.addEventListener('toggle', () => onToggleCommits(this.commitList.open));

    this.pinnedHeading = el('h3', 'subheading', 'Pinned commits');
    this.pinnedHeading.tabIndex = -1;
    this.pinned = new Region(el('div', 'pinned-commits'), () => this.pinnedHeading);
    this.questions = new Region(el('div', 'questions'), () => this.heading);
    this.baseline = new BaselineSection(ctx);

    this.element = el('section', 'history-card', this.heading, caveat, this.firstFolder, this.body.element, this.commitList, this.pinnedHeading, this.pinned.element, this.questions.element, this.baseline.element);
    this.element.setAttribute('aria-labelledby', this.heading.id);
  }

  update(view: HistoryCardView): void {
    this.firstFolder.hidden = view.firstFolder === undefined;
    setText(
      this.firstFolder,
      view.firstFolder === undefined
        ? ''
        : `In this multi-root workspace, the card is about the first folder, ${view.firstFolder}. The starter's lines are set apart in each folder that has a baseline of its own.`,
    );
    this.body.show(view.history, (history) => this.drawBody(history));
    const commits = view.history.state === 'available' ? view.history.commits : [];
    this.commitList.hidden = commits.length === 0;
    setText(this.commitSummary, view.history.state === 'available' && view.history.earlier > 0 ? `The latest ${commits.length} commits` : `All ${commits.length} commits`);
    this.commits.show(commits, (shown) => shown.map((commit) => this.drawCommit(commit)));
    this.pinned.show(view.pinned, (pinned) => this.drawPinned(pinned));
    this.questions.show(view.questions, (questions) => questionList(this.ctx, questions, (text, chosen) => this.ctx.post({ type: 'chooseHistoryQuestion', text, chosen })));
    this.questions.element.hidden = view.questions.length === 0;
    this.baseline.update(view.baseline);
  }

  private drawBody(history: HistoryState): Child[] {
    if (history.state === 'reading') return [el('p', 'empty', 'Reading the history…')];
    if (history.state === 'unavailable') return [el('p', 'history-unavailable', icon('circle-slash'), ' History is not available: ', history.reason)];
    const legend = el('p', 'hint legend', 'A larger mark changed more lines; a square changed tests; a hollow mark has a message that says nothing; a dump is marked in red.');
    const facts = el(
      'dl',
      'facts',
      ...history.facts.flatMap((fact) => [
        el('dt', undefined, fact.label),
        el('dd', fact.notable ? 'notable' : undefined, fact.notable ? icon('warning') : undefined, fact.notable ? el('span', 'visually-hidden', 'Worth asking about: ') : undefined, fact.text),
      ]),
    );
    return [timelineSvg(this.ctx.ids, history.commits, history.description, history.timeBoxAt), legend, facts];
  }

  private drawCommit(commit: CommitView): HTMLElement {
    const tags = [commit.dump && 'dump', commit.tests && 'tests', commit.vague && 'vague message'].filter((tag): tag is string => typeof tag === 'string');
    const pin = focusKey(button(`icon-button pin-commit${commit.pinned ? ' pinned' : ''}`, icon(commit.pinned ? 'pinned' : 'pin')), `pin-commit:${commit.id}`);
    pin.setAttribute('aria-label', `Pin commit ${commit.number} as evidence`);
    pin.setAttribute('aria-pressed', String(commit.pinned));
    pin.title = commit.pinned ? 'Pinned as evidence: click to unpin' : 'Pin as evidence';
    pin.addEventListener('click', () => this.ctx.post(commit.pinned ? { type: 'unpinCommit', commitId: commit.id } : { type: 'pinCommit', commitId: commit.id }));
    const meta = el('div', 'commit-meta', `${commit.number} · ${commit.time} · ${commitSize(commit)}`, ...tags.map((tag) => el('span', `tag commit-tag-${tag.split(' ')[0]}`, tag)));
    const subject = el('div', commit.subject ? 'commit-subject' : 'commit-subject empty', commit.subject || '(no message)');
    const item = el('li', `commit-item${commit.dump ? ' dump' : ''}`, el('div', 'commit-text', meta, subject), pin);
    item.value = commit.number;
    return item;
  }

  private drawPinned(pinned: PinnedCommitView[]): Child[] {
    if (pinned.length === 0) return [el('p', 'empty', 'Nothing pinned. Pin a commit from the list above.')];
    return [
      el(
        'ul',
        'pinned-list',
        ...pinned.map((commit) => {
          const remove = focusKey(button('icon-button', icon('close')), `unpin-commit:${commit.id}`);
          remove.setAttribute('aria-label', `Unpin ${commitName(commit)}`);
          remove.title = 'Remove from the evidence';
          remove.addEventListener('click', () => this.ctx.post({ type: 'unpinCommit', commitId: commit.id }));
          const what = `${commit.number ? `Commit ${commit.number}` : 'A commit no longer in the history'} · ${commit.time} · ${commitSize(commit)}`;
          return el('li', 'pinned-commit', el('div', 'commit-text', el('div', 'commit-meta', what), el('div', 'commit-subject', commit.subject || '(no message)')), remove);
        }),
      ),
    ];
  }
}
