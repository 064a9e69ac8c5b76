/**
 * The reader's work cut into turns of the event loop. isomorphic-git reads objects from a pack
 * held in memory, so a walk of thousands of commits would otherwise run as one unbroken chain of
 * promise callbacks and hold the extension host's thread for seconds.
 */
export class TurnSlicer {
  private turnStart = performance.now();
  private readonly deadline: number;

  constructor(
    private readonly budgetMs: number,
    timeLimitMs: number,
  ) {
    this.deadline = this.turnStart + timeLimitMs;
  }

  /** Whether the reader's time is up. */
  get expired(): boolean {
    return performance.now() > this.deadline;
  }

  /** Lets the event loop run once this turn has had its budget. */
  async pause(): Promise<void> {
    if (performance.now() - this.turnStart < this.budgetMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.turnStart = performance.now();
  }
}
