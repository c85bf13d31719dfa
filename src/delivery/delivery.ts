import type { Medium } from '../core/ports';
import type { DrainReport } from './sender';

/**
 * What the bot's parts ask of delivery (the scheduler, the CLI, the console): an `OutboxSender`,
 * or in the running bot the sender of its own loop together with the one of the work thread
 * (adapters/worker/split-delivery.ts).
 */
export interface Delivery {
  /** Whether a drain is under way (its messages are leased, so the outbox shows nothing due). */
  readonly busy: boolean;
  /** The media delivered. */
  media(): Medium[];
  /** Sentences for whoever runs Convene: a medium paused, resumed, or failing for an hour. */
  onNotice(listener: (sentence: string) => void): void;
  /** After each drain that delivered, retried or failed something. */
  onDrained(listener: (report: DrainReport) => void): void;
  /** Starts a drain soon, coalescing calls made while one runs. Never rejects. */
  kick(): void;
  /** Delivers everything due now; resolves when done. */
  drain(): Promise<DrainReport>;
  /** Messages due now that no drain is sending. */
  waiting(): number;
  /** Stops delivering: attempts under way get `graceMs`, then are abandoned (their messages given back). */
  stop(graceMs?: number): Promise<void>;
}

/** Two drains' reports as one. */
export function bothReports(a: DrainReport, b: DrainReport): DrainReport {
  return { sent: a.sent + b.sent, retrying: a.retrying + b.retrying, failed: a.failed + b.failed };
}
