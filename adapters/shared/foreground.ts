/**
 * Requests a platform is waiting on (a Slack request not yet acknowledged) come before background
 * work: the scheduler and the outbox sender `pause()` between two pieces of work until none is
 * waiting. Slack retries a request it has not seen acknowledged within 3 s, and shows the user
 * an error; a tick sending 600 reminders must not cause that.
 */
export class Foreground {
  private waiting = 0;
  private readonly resume: (() => void)[] = [];

  /** Marks a request as waiting for its answer; call the function returned once it is answered (twice is harmless). */
  enter(): () => void {
    this.waiting++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.waiting--;
      if (this.waiting === 0) for (const r of this.resume.splice(0)) r();
    };
  }

  /**
   * Resolves at the next turn of the event loop once no request is waiting; after `maxWaitMs`
   * regardless, so a steady stream of requests cannot starve the background for ever.
   */
  pause(maxWaitMs = 1000): Promise<void> {
    return new Promise<void>((resolve) => {
      const go = () => setImmediate(resolve);
      if (this.waiting === 0) return go();
      const timer = setTimeout(() => {
        const i = this.resume.indexOf(wake);
        if (i >= 0) this.resume.splice(i, 1);
        go();
      }, maxWaitMs);
      const wake = () => {
        clearTimeout(timer);
        go();
      };
      this.resume.push(wake);
    });
  }
}

/** The process's one foreground: chat receivers mark their requests on it, compose gives its `pause` to the background. */
export const foreground = new Foreground();
