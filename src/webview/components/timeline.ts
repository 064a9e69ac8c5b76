import type { CommitView } from '../../presentation/scorecardView';
import type { Ids } from '../dom';

const SVG = 'http://www.w3.org/2000/svg';
/** The drawing's own units; it scales to the panel's width. */
const WIDTH = 300;
const HEIGHT = 44;
const MARGIN = 12;
const AXIS_Y = 24;
/** The smallest and the largest mark, in the drawing's units: one dump stands out from steps. */
const MIN_RADIUS = 2.5;
const MAX_RADIUS = 11;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const xOf = (at: number) => MARGIN + at * (WIDTH - 2 * MARGIN);

/** A commit's mark: its area grows with its lines changed; a square when it changed tests, hollow when its message says nothing. */
function mark(commit: CommitView): SVGElement {
  const radius = commit.sizeUnknown ? MIN_RADIUS : MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(commit.size);
  const classes = ['commit-mark', commit.dump && 'dump', commit.tests && 'tests', commit.vague && 'vague', commit.pinned && 'pinned', commit.sizeUnknown && 'size-unknown'].filter(Boolean).join(' ');
  const x = xOf(commit.at);
  const tooltip = svg('title', {}, `Commit ${commit.number}: ${commit.subject || '(no message)'}, ${commit.time}, +${commit.insertions} −${commit.deletions}`);
  if (commit.tests) {
    const side = radius * 1.8;
    return svg('rect', { class: classes, x: x - side / 2, y: AXIS_Y - side / 2, width: side, height: side }, tooltip);
  }
  return svg('circle', { class: classes, cx: x, cy: AXIS_Y, r: radius }, tooltip);
}

/**
 * The commits on a line, drawn as SVG: an image with a title and a description for screen readers,
 * who read the commits themselves in the table beside it.
 */
export function timelineSvg(ids: Ids, commits: CommitView[], description: string, timeBoxAt: number | undefined): SVGSVGElement {
  const titleId = ids.make('timeline-title');
  const descriptionId = ids.make('timeline-description');
  const drawing = svg(
    'svg',
    { class: 'timeline', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descriptionId}`, preserveAspectRatio: 'xMidYMid meet' },
    svg('title', { id: titleId }, 'Commit timeline'),
    svg('desc', { id: descriptionId }, description),
    svg('line', { class: 'timeline-axis', x1: MARGIN, y1: AXIS_Y, x2: WIDTH - MARGIN, y2: AXIS_Y }),
  );
  if (timeBoxAt !== undefined) {
    const x = xOf(timeBoxAt);
    drawing.append(
      svg('line', { class: 'timeline-time-box', x1: x, y1: 4, x2: x, y2: HEIGHT - 4 }),
      svg('text', { class: 'timeline-label', x: x + 2, y: 10 }, 'time-box'),
    );
  }
  // The largest first, so that the smaller marks are drawn over a dump and stay visible.
  const ordered = [...commits].sort((a, b) => b.size - a.size);
  drawing.append(...ordered.map(mark));
  return drawing;
}
