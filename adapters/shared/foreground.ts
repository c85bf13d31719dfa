/**
 * Requests a platform is waiting on (a Slack request not yet acknowledged) come before background
 * work: the scheduler and the outbox sender `pause()` between two pieces of work until none is
 * waiting. Slack retries a request it has not seen acknowledged within 3 s, and shows the user
 * an error; a tick sending 600 reminders must not cause that.
 */
export class Foreground {
  private waiting = 0;
  private readonly resume: (() => void)[] = [];
  /**
   * The number of waiting requests, readable from another thread: the work thread gives way
   * between two jobs of a tick while it is above 0 (`giveWay`).
   */
  readonly shared = new Int32Array(new SharedArrayBuffer(4));

  /** Marks a request as waiting for its answer; call the function returned once it is answered (twice is harmless). */
  enter(): () => void {
    Atomics.store(this.shared, 0, ++this.waiting);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      Atomics.store(this.shared, 0, --this.waiting);
      if (this.waiting === 0) {
        Atomics.notify(this.shared, 0);
        for (const r of this.resume.splice(0)) r();
      }
    };
  }

  /**
   * Resolves at the next turn of the event loop once no request is waiting; after `maxWaitMs`
   * regardless, so a steady stream of requests cannot starve the background for ever.
   */
  pause(maxWaitMs = 1000): Promise<void> {
    const next = () => new Promise<void>((resolve) => setImmediate(resolve));
    return this.waiting === 0 ? next() : woken(this.resume, maxWaitMs).then(next);
  }
}

/**
 * For a worker thread, between two pieces of its background work: blocks it while requests wait
 * on the thread that answers them (`Foreground.shared`), at most `maxWaitMs`, like `pause`. The
 * two threads share two cores: a tick rendering on one slows the acks on the other.
 */
export function giveWay(shared: Int32Array, maxWaitMs = 1000): void {
  const deadline = Date.now() + maxWaitMs;
  for (let waiting = Atomics.load(shared, 0); waiting > 0; waiting = Atomics.load(shared, 0)) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    Atomics.wait(shared, 0, waiting, left);
  }
}

/** Resolves when one of `waiters` is called (the list is emptied by whoever wakes them), or after `maxWaitMs` (then it leaves the list). */
export function woken(waiters: (() => void)[], maxWaitMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      const i = waiters.indexOf(wake);
      if (i >= 0) waiters.splice(i, 1);
      resolve();
    }, maxWaitMs);
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    waiters.push(wake);
  });
}

/** The process's one foreground: chat receivers mark their requests on it, compose gives its `pause` to the background. */
export const foreground = new Foreground();
