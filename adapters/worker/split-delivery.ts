import type { Clock } from '../../src/clock';
import type { Medium } from '../../src/core/ports';
import { bothReports, type Delivery } from '../../src/delivery/delivery';
import type { DrainReport, OutboxSender } from '../../src/delivery/sender';
import type { Logger } from '../../src/logger';
import type { Db } from '../../src/store/db';
import { anyDue, countDue } from '../../src/store/outbox-claim';
import type { WorkThread } from './work-thread';

const NOTHING: DrainReport = { sent: 0, retrying: 0, failed: 0 };

export interface SplitDeliveryOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The sender on the bot's own loop: the media that must stay there (the console, Discord). */
  here: OutboxSender;
  /** The work thread, started with `delivery` for `threadMedia`. */
  thread: WorkThread;
  threadMedia: Medium[];
}

/**
 * The running bot's delivery: the work thread's sender for e-mail and Slack
 * (adapters/worker/thread-delivery.ts), the bot's own for the rest, as one `Delivery`. Each
 * claims only its own media, under the outbox's leases, so no message is sent by both. A drain of
 * the thread's media is asked for only when something of them is due or the thread runs (a tick
 * with nothing for them does not start it), and asks made while one runs are coalesced into one more.
 */
export class SplitDelivery implements Delivery {
  private threadRun: Promise<DrainReport> | null = null;
  private again = false;
  private closed = false;
  private readonly drainListeners: ((report: DrainReport) => void)[] = [];
  private readonly noticeListeners: ((sentence: string) => void)[] = [];

  constructor(private readonly options: SplitDeliveryOptions) {
    options.here.onDrained((report) => this.tellDrained(report));
  }

  get busy(): boolean {
    return this.options.here.busy || this.threadRun !== null;
  }

  media(): Medium[] {
    return [...this.options.threadMedia, ...this.options.here.media()];
  }

  /** The thread's notices reach these through the WorkThread's `onNotice` (compose wires it here: `notice`). */
  onNotice(listener: (sentence: string) => void): void {
    this.options.here.onNotice(listener);
    this.noticeListeners.push(listener);
  }

  /** A sentence of the thread's sender: to the listeners, or as a warning in the log if nobody shows them. */
  notice(sentence: string): void {
    if (this.noticeListeners.length === 0) this.options.logger.warn(sentence);
    for (const l of this.noticeListeners) l(sentence);
  }

  onDrained(listener: (report: DrainReport) => void): void {
    this.drainListeners.push(listener);
  }

  /** Whether the bot's own loop delivers anything (the console, Discord); without, its sender is left alone. */
  private get hereDelivers(): boolean {
    return this.options.here.media().length > 0;
  }

  kick(): void {
    if (this.hereDelivers) this.options.here.kick();
    void this.drainThread().catch((err: unknown) => this.options.logger.error({ err }, 'outbox drain in the work thread failed'));
  }

  async drain(): Promise<DrainReport> {
    const [here, there] = await Promise.all([this.hereDelivers ? this.options.here.drain() : NOTHING, this.drainThread()]);
    return bothReports(here, there);
  }

  waiting(): number {
    return countDue(this.options.db, this.options.clock.now().toISOString(), this.media());
  }

  async stop(graceMs = 0): Promise<void> {
    this.closed = true;
    await Promise.all([this.options.here.stop(graceMs), this.options.thread.stopDelivery(graceMs)]);
    await this.threadRun?.catch(() => undefined);
  }

  private drainThread(): Promise<DrainReport> {
    if (this.closed) return Promise.resolve(NOTHING);
    if (this.threadRun) {
      this.again = true;
      return this.threadRun;
    }
    const { thread, db, clock, threadMedia } = this.options;
    if (!thread.running && !anyDue(db, clock.now().toISOString(), threadMedia)) return Promise.resolve(NOTHING);
    this.threadRun = (async () => {
      let total = NOTHING;
      do {
        this.again = false;
        const report = await thread.drainOutbox();
        if (report.sent + report.retrying + report.failed > 0) this.tellDrained(report);
        total = bothReports(total, report);
      } while (this.again && !this.closed);
      return total;
    })().finally(() => {
      this.threadRun = null;
    });
    return this.threadRun;
  }

  private tellDrained(report: DrainReport): void {
    for (const l of this.drainListeners) l(report);
  }
}
