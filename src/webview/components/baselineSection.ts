import { changesSummary } from '../../rubric/historyFacts';
import type { BaselineView, ChangedFileView } from '../../presentation/scorecardView';
import { button, el, icon, setText, type Child } from '../dom';
import type { PanelContext } from './context';
import { locationButton } from './locationButton';
import { Region } from './region';

const STATUS_ICONS: Record<ChangedFileView['status'], string> = { added: 'diff-added', changed: 'diff-modified', removed: 'diff-removed' };

/**
 * The baseline: which starter the candidate's lines are told apart from, in force or proposed and
 * why, a button that chooses it, and what the candidate changed since, each file a click from its code.
 */
export class BaselineSection {
  readonly element: HTMLElement;
  private readonly line: Region;
  private readonly changes: HTMLDetailsElement;
  private readonly changesSummary: HTMLElement;
  private readonly files: Region;

  constructor(private readonly ctx: PanelContext) {
    const heading = el('h3', 'subheading', 'Baseline');
    heading.tabIndex = -1;
    this.line = new Region(el('div', 'baseline-line'), () => heading);
    const choose = button('secondary choose-baseline', icon('git-commit'), 'Choose baseline…');
    choose.title = 'Choose the commit or folder the candidate started from';
    choose.addEventListener('click', () => ctx.post({ type: 'chooseBaseline' }));
    this.changesSummary = el('span');
    this.files = new Region(el('ul', 'changed-files'), () => this.changes.querySelector('summary')!);
    this.changes = el('details', 'changes', el('summary', undefined, this.changesSummary), this.files.element);
    this.element = el('div', 'baseline', heading, this.line.element, choose, this.changes);
  }

  update(view: BaselineView | undefined): void {
    this.line.show(view && { state: view.state, label: view.label, reason: view.reason }, (shown) => this.drawLine(shown));
    const changes = view?.changes;
    this.changes.hidden = changes === undefined;
    setText(this.changesSummary, changes ? `What the candidate changed: ${changesSummary(changes)}` : '');
    this.files.show(changes?.files ?? [], (files) => files.map((file) => this.drawFile(file)));
  }

  private drawLine(view: Pick<BaselineView, 'state' | 'label' | 'reason'> | undefined): Child[] {
    if (!view) return [el('p', 'empty', 'No baseline: every line counts as the candidate’s.')];
    if (view.state === 'in-force') return [el('p', undefined, el('strong', undefined, 'In force: '), view.label)];
    if (view.state === 'recorded') return [el('p', undefined, el('strong', undefined, 'Scored against: '), view.label), el('p', 'hint', 'Recorded with the review; not in force now.')];
    return [el('p', undefined, el('strong', undefined, 'Proposed: '), view.label, view.reason ? ` — ${view.reason}` : undefined), el('p', 'hint', 'Not in force until you confirm it.')];
  }

  private drawFile(file: ChangedFileView): HTMLElement {
    const status = el('span', `change-status change-${file.status}`, icon(STATUS_ICONS[file.status]));
    status.title = file.status;
    const spoken = el('span', 'visually-hidden', `${file.status}: `);
    const name = file.location ? locationButton(this.ctx, file.location, `changed:${file.file}`) : el('span', 'removed-file', file.file);
    return el('li', 'changed-file', status, spoken, name, el('span', 'hint', ` +${file.added} −${file.removed}`));
  }
}
