/** What every component of the panel is given: a way to post to the extension, and ids for ARIA links. */
import type { Ids } from '../dom';
import type { WebviewMessage } from '../protocol';

export interface PanelContext {
  post(message: WebviewMessage): void;
  ids: Ids;
}
