/**
 * The panel's side of request and reply: each request gets the next sequence number, and the
 * extension's reply with that number settles it. A reply that matches no request waiting (one
 * answered already, or meant for a webview torn down since) is ignored.
 */
import type { RequestOutcome, ScorecardRequest, WebviewMessage } from './protocol';

export class Requests {
  private last = 0;
  private readonly waiting = new Map<number, (outcome: RequestOutcome) => void>();

  constructor(private readonly post: (message: WebviewMessage) => void) {}

  send(request: ScorecardRequest): Promise<RequestOutcome> {
    const id = ++this.last;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ ...request, id });
    });
  }

  /** Settles the request the reply answers; false when none waits for it. */
  settle(id: number, outcome: RequestOutcome): boolean {
    const resolve = this.waiting.get(id);
    if (!resolve) return false;
    this.waiting.delete(id);
    resolve(outcome);
    return true;
  }
}
