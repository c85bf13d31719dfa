import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import type { Settings } from '../core/context';
import type { Db } from '../store/db';
import { DEDUP_KEEP_MS } from '../store/inbound';
import type { DrainReport } from '../delivery/sender';
import type { Delivery } from '../delivery/delivery';
import type { JobHandlers } from './jobs';
import { dataStamp, nextWorkAt } from '../store/work-due';
import { dueWork, runDue, type JobReport } from './run-due';

export { LATE_AFTER_MS } from './run-due';

export interface TickReport {
  jobs: JobReport[];
  delivery: DrainReport;
}

/**
 * Runs the jobs due at `now` (and forgets old delivery ids) elsewhere: in the bot, the work
 * thread (adapters/worker/work-thread.ts), with its own connection to the same database. Given
 * the clock's instant, so an injected clock drives it.
 */
export type RunDueJobs = (now: Date) => Promise<JobReport[]>;

export interface SchedulerDependencies {
  db: Db;
  clock: Clock;
  handlers: JobHandlers;
  renderer: TemplateRenderer;
  settings: Settings;
  sender: Delivery;
  logger: Logger;
  /** Awaited between two jobs: lets waiting requests be answered first (default: the next turn of the event loop). */
  pause?: () => Promise<void>;
  /** Where the due jobs run; default: here, one job per turn of the event loop. */
  runDueJobs?: RunDueJobs;
}

/** Lets the event loop answer what is waiting (a Slack ack) between two jobs of a tick. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs whatever is due once: jobs (reminders, deadlines, closing votes, sweeps an event called
 * for) in due order, a slice to a transaction, each in a savepoint guarded by its pending status, then delivers the
 * outbox. When nothing is due it reads no table and opens no transaction (`idle`).
 */
export class Scheduler {
  private running: Promise<TickReport> | null = null;
  private horizon: { stamp: string; at: number } | null = null;

  constructor(private readonly deps: SchedulerDependencies) {}

  /** One tick; a tick asked for while one runs shares it. Between two jobs it yields to the event loop. */
  tick(): Promise<TickReport> {
    if (!this.running && this.idle()) return Promise.resolve({ jobs: [], delivery: { sent: 0, retrying: 0, failed: 0 } });
    this.running ??= this.tickOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * True when nothing is due and no delivery is under way. The earliest instant anything falls
   * due is kept with the database's change stamp; while nothing changed, one read of the stamp
   * answers (no table is read), so an idle tick costs the same whatever the history holds.
   */
  private idle(): boolean {
    const { db, sender } = this.deps;
    if (sender.busy) return false;
    const stamp = dataStamp(db);
    if (this.horizon?.stamp !== stamp) this.horizon = { stamp, at: nextWorkAt(db, { media: sender.media(), keepMs: DEDUP_KEEP_MS }) };
    return this.deps.clock.now().getTime() < this.horizon.at;
  }

  private async tickOnce(): Promise<TickReport> {
    const jobs = this.deps.runDueJobs ? await this.deps.runDueJobs(this.deps.clock.now()) : await this.runHere();
    const delivery = await this.deps.sender.drain();
    return { jobs, delivery };
  }

  /** The due jobs on this event loop, pausing between two. */
  private runHere(): Promise<JobReport[]> {
    return runDue(this.deps, () => this.deps.clock.now(), this.deps.pause ?? yieldToEventLoop);
  }

  /** The due jobs, all at once (no yielding): for a caller that is itself synchronous. */
  runDueJobs(): JobReport[] {
    const jobs: JobReport[] = [];
    for (const _ of dueWork(this.deps, () => this.deps.clock.now(), jobs));
    return jobs;
  }
}
