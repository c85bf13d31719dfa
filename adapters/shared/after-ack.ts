/**
 * The work a chat adapter does after acknowledging a request (running the command, answering
 * it), one piece per turn of the event loop. The core is synchronous (SQLite), so a piece holds
 * the loop for as long as its command takes; starting each from its own `setImmediate` lets the
 * loop read the requests that arrived meanwhile and acknowledge them first. Slack gives 3 s for
 * an acknowledgement and Discord 3 s for a first response, whatever else the bot is doing.
 */
export class AfterAck {
  private readonly queue: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly onError: (err: unknown) => void,
    /** Resolves when the next piece may start: after pending acknowledgements (`foreground.pause`). */
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ) {}

  /**
   * Resolves when waiting acknowledgements have been answered: for the part of a piece that comes
   * back later (the core's answer from the work thread, then the reply to post), so that it too
   * goes after them.
   */
  turn(): Promise<void> {
    return this.pause();
  }

  /** Queues `work`; resolves when it has run (a failure goes to `onError`, never rejects). */
  run(work: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.queue.push(() => {
        work()
          .catch(this.onError)
          .finally(resolve);
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // Each piece starts on a later turn of the event loop than the last, once no acknowledgement waits.
    void this.pause().then(() => {
      this.scheduled = false;
      this.queue.shift()?.();
      this.schedule();
    });
  }
}
