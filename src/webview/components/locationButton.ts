import { fileLineLabel, splitPath } from '../../presentation/scorecardText';
import type { LocationView } from '../../presentation/scorecardView';
import { button, el, focusKey } from '../dom';
import type { PanelContext } from './context';

/** A place in the code as a link: the folder may wrap or fade, the file name stays whole; a click opens it in the editor. */
export function locationButton(ctx: PanelContext, location: LocationView, key: string): HTMLButtonElement {
  const label = fileLineLabel(location);
  const { folder, name } = splitPath(label);
  const control = button('location', folder ? el('span', 'folder', folder) : undefined, el('span', 'file', name));
  control.title = `Open ${label}`;
  control.addEventListener('click', () => ctx.post({ type: 'open', location: locationOnly(location) }));
  return focusKey(control, key);
}

/** The location fields alone: findings and pinned evidence carry more than `open` needs. */
function locationOnly(location: LocationView): LocationView {
  const { file, workspaceFolder, line, character, endLine, endCharacter } = location;
  return { file, ...(workspaceFolder === undefined ? {} : { workspaceFolder }), line, character, endLine, endCharacter };
}
