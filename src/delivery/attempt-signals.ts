import { setMaxListeners } from 'node:events';

/** Attempts that start within this long of one another share one abort signal. */
const COHORT_MS = 1000;

interface Cohort {
  controller: AbortController;
  firstStartedAt: number;
  lastStartedAt: number;
  open: number;
}

/**
 * The abort signals of a drain's attempts under way: each can be abandoned when the drain stops,
 * or when it has taken too long. Attempts started within a second of one another share a signal
 * (an AbortController per message cost about as much as the sender's other bookkeeping of it), so
 * an attempt is abandoned when the last one started with it is past the limit: never before its
 * own limit, at most a second after it.
 */
export class AttemptSignals {
  private readonly cohorts = new Set<Cohort>();
  private newest: Cohort | null = null;

  /** A signal for an attempt starting now (`performance.now()`), and what to call when it has its answer. */
  start(now: number): { signal: AbortSignal; done: () => void } {
    let cohort = this.newest;
    if (!cohort || cohort.controller.signal.aborted || now - cohort.firstStartedAt > COHORT_MS) {
      const controller = new AbortController();
      // Every attempt of the cohort listens (the SMTP pool and its mailer): no leak warning at 11.
      setMaxListeners(0, controller.signal);
      cohort = { controller, firstStartedAt: now, lastStartedAt: now, open: 0 };
      this.cohorts.add(cohort);
      this.newest = cohort;
    }
    const mine = cohort;
    mine.open++;
    mine.lastStartedAt = now;
    return {
      signal: mine.controller.signal,
      done: () => {
        if (--mine.open > 0) return;
        this.cohorts.delete(mine);
        if (this.newest === mine) this.newest = null;
      },
    };
  }

  /** Abandons the attempts of every cohort whose last attempt started before `startedBefore`. */
  abortStartedBefore(startedBefore: number): void {
    for (const c of this.cohorts) if (c.lastStartedAt < startedBefore) c.controller.abort();
  }

  /** Abandons every attempt under way. */
  abortAll(): void {
    for (const c of this.cohorts) c.controller.abort();
  }
}
