import { LEVEL_TITLES, type Level } from '../../rubric/model';
import type { CompareCell, Comparison } from '../../team/compare';
import { button, el, icon, setText } from '../dom';
import type { CompareExtensionMessage, CompareVsCodeApi } from './protocol';

const levelTitle = (level: Level | undefined) => (level ? LEVEL_TITLES[level] : 'none');

/** What a cell says: the suggested level, the levels reviewers gave, the most telling concern's place. */
function cellContent(cell: CompareCell): (Node | string)[] {
  const parts: (Node | string)[] = [el('span', `level ${cell.suggested ?? 'none'}`, cell.suggested ? LEVEL_TITLES[cell.suggested] : 'No suggestion')];
  for (const review of cell.reviewed) parts.push(el('span', 'reviewed', `${review.reviewer}: ${levelTitle(review.level)}`));
  if (cell.concern) parts.push(el('span', 'concern', `${cell.concern.file}:${cell.concern.line}`));
  return parts;
}

/**
 * The Compare Candidates tab: a table with a row per candidate (a workspace folder) and a column per
 * rubric category, drawn from the comparison the extension posts. A cell with a concern is a button
 * that opens it; its title gives the suggestion's reason and the concern's message. Every string
 * may come from a candidate's repository, so all of them become text, never markup.
 */
export class CompareApp {
  private readonly status: HTMLElement;
  private readonly table: HTMLTableElement;

  constructor(
    private readonly api: CompareVsCodeApi,
    private readonly mount: HTMLElement,
  ) {
    this.status = el('p', 'status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.table = el('table', 'comparison');
    this.mount.replaceChildren(el('h1', undefined, 'Candidates side by side'), this.status, el('div', 'scroller', this.table));
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
  }

  start(): void {
    this.api.postMessage({ type: 'ready' });
  }

  private receive(data: unknown): void {
    const message = data as CompareExtensionMessage | undefined;
    if (typeof message !== 'object' || message === null || message.type !== 'comparison' || typeof message.comparison !== 'object') return;
    this.draw(message);
  }

  private draw({ comparison, scanning, blind }: CompareExtensionMessage): void {
    const count = `${comparison.rows.length} ${comparison.rows.length === 1 ? 'candidate' : 'candidates'} against ${comparison.rubric.title}`;
    setText(this.status, `${count}${blind ? ', blind: candidates by code, names hidden' : ''}${scanning ? '; still scanning' : ''}.`);
    const head = el('tr', undefined, el('th', undefined, 'Candidate'), el('th', 'number', 'Lines'), el('th', 'number', 'Tests'), ...comparison.rubric.categories.map((c) => el('th', undefined, c.title)));
    head.querySelectorAll('th').forEach((th) => th.setAttribute('scope', 'col'));
    const rows = comparison.rows.map((row, index) => {
      const name = el('th', undefined, row.candidate);
      name.setAttribute('scope', 'row');
      const cells = comparison.rubric.categories.map((category) => this.cell(comparison, index, category.id));
      return el('tr', undefined, name, el('td', 'number', String(row.codeLines)), el('td', 'number', String(row.tests)), ...cells);
    });
    this.table.replaceChildren(el('thead', undefined, head), el('tbody', undefined, ...rows));
  }

  private cell(comparison: Comparison, row: number, categoryId: string): HTMLElement {
    const cell = comparison.rows[row].categories[categoryId];
    if (!cell) return el('td', 'empty', '—');
    const title = cell.concern ? `${cell.reason}\nMost telling concern: ${cell.concern.message} (${cell.concern.file}:${cell.concern.line})` : cell.reason;
    if (!cell.concern) {
      const td = el('td', undefined, ...cellContent(cell));
      td.title = title;
      return td;
    }
    const open = button('cell', ...cellContent(cell), icon('go-to-file'));
    open.title = title;
    open.setAttribute('aria-label', `${comparison.rows[row].candidate}, ${comparison.rubric.categories.find((c) => c.id === categoryId)?.title ?? categoryId}: ${title}`);
    open.addEventListener('click', () => this.api.postMessage({ type: 'open', row, categoryId }));
    return el('td', undefined, open);
  }
}
