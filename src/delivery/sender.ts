import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import type { DeliveryPort, DeliveryResult, Medium } from '../core/ports';
import { deliverToPerson } from '../core/context';
import type { Db } from '../store/db';
import { inTransaction } from '../store/db';
import { appendAudit } from '../store/audit';
import { exerciseById } from '../store/exercises';
import { coordinators, personById, setEmailStatus } from '../store/members';
import { anyDue, claimDue, markFailed, markFailureReported, markRetry, markSent, toOutboundMessage, type OutboxEntry } from '../store/outbox';

export const MAX_ATTEMPTS = 10;
const LEASE_MS = 5 * 60_000;
const BATCH = 50;
const CONCURRENCY = 4;

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, ... capped at 1 hour. */
export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attemptsSoFar - 1), 3600_000);
}

export interface DrainReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface SenderDependencies {
  db: Db;
  clock: Clock;
  ports: DeliveryPort[];
  renderer: TemplateRenderer;
  logger: Logger;
  onDelivered?: (entry: OutboxEntry, result: DeliveryResult) => void;
  /** Awaited between two messages: lets waiting requests be answered first (default: the next turn of the event loop). */
  pause?: () => Promise<void>;
}

/**
 * Delivers the outbox: claims due messages (with a lease, so two processes do not send the same
 * one), hands each to its medium's port, and records the result: handed over at + provider id,
 * a retry with back-off, or a permanent failure reported once to the coordinators.
 */
export class OutboxSender {
  private readonly ports = new Map<Medium, DeliveryPort>();
  private running: Promise<DrainReport> | null = null;
  private again = false;

  constructor(private readonly deps: SenderDependencies) {
    for (const p of deps.ports) this.ports.set(p.medium, p);
  }

  /** Whether a drain is under way (its messages are leased, so the outbox shows nothing due). */
  get busy(): boolean {
    return this.running !== null;
  }

  media(): Medium[] {
    return [...this.ports.keys()];
  }

  /** Starts a drain soon, coalescing calls made while one runs. Never rejects. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain().catch((err: unknown) => this.deps.logger.error({ err }, 'outbox drain failed'));
  }

  /** Delivers everything due now; resolves when done. Concurrent callers share one run. */
  async drain(): Promise<DrainReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainLoop(): Promise<DrainReport> {
    const total: DrainReport = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      this.again = false;
      const now = this.deps.clock.now();
      const nowIso = now.toISOString();
      // Read first: a write transaction only when there is something to claim.
      const batch = anyDue(this.deps.db, nowIso, this.media())
        ? inTransaction(this.deps.db, () => claimDue(this.deps.db, nowIso, new Date(now.getTime() + LEASE_MS).toISOString(), BATCH, this.media()))
        : [];
      if (batch.length === 0 && !this.again) return total;
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const entry = batch[next++]!;
          const outcome = await this.deliverOne(entry);
          total[outcome]++;
          // Recording is a durable write: let what waits (a Slack ack) be answered between two.
          await (this.deps.pause ? this.deps.pause() : new Promise<void>((resolve) => setImmediate(resolve)));
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batch.length) }, worker));
      // Loop until nothing is due: a failure report queued during this batch goes out in this drain.
    }
  }

  private async deliverOne(entry: OutboxEntry): Promise<keyof DrainReport> {
    const port = this.ports.get(entry.medium)!;
    const person = entry.personId ? personById(this.deps.db, entry.personId) : undefined;
    const message = toOutboundMessage(entry, person?.name);
    let result: DeliveryResult;
    try {
      result = message
        ? await port.send(message)
        : { status: 'permanent', error: `${entry.address} is not a ${entry.medium} address this version of Convene can deliver to.` };
    } catch (err) {
      // A port must not throw; if one does, treat it as a transient fault of ours.
      result = { status: 'transient', error: err instanceof Error ? err.message : String(err) };
    }
    this.deps.onDelivered?.(entry, result);
    return inTransaction(this.deps.db, () => this.record(entry, result));
  }

  private record(entry: OutboxEntry, result: DeliveryResult): keyof DrainReport {
    const { db } = this.deps;
    const at = this.deps.clock.now();
    const atIso = at.toISOString();
    const audit = (outcome: string, detail: Record<string, unknown>) =>
      appendAudit(db, {
        exerciseId: entry.exerciseId, at: atIso, actor: 'outbox sender', action: `message ${entry.kind}`, outcome,
        detail: { outbox: entry.id, medium: entry.medium, address: entry.address, ref: entry.ref, ...detail },
      });
    if (result.status === 'sent') {
      markSent(db, entry.id, atIso, result.providerId);
      if (entry.medium === 'email' && entry.personId) setEmailStatus(db, entry.personId, 'working', null);
      audit('sent', { providerId: result.providerId, attempt: entry.attempts + 1 });
      return 'sent';
    }
    if (result.status === 'transient' && entry.attempts + 1 < MAX_ATTEMPTS) {
      // At least a second, so a provider saying "retry now" cannot spin the drain loop.
      const delay = Math.max(1000, result.retryAfterMs ?? retryDelayMs(entry.attempts + 1));
      markRetry(db, entry.id, new Date(at.getTime() + delay).toISOString(), result.error);
      audit('retrying', { error: result.error, attempt: entry.attempts + 1, retryInMs: delay });
      return 'retrying';
    }
    const error = result.status === 'transient' ? `gave up after ${MAX_ATTEMPTS} attempts: ${result.error}` : result.error;
    markFailed(db, entry.id, atIso, error);
    if (entry.medium === 'email' && entry.personId && result.status === 'permanent') setEmailStatus(db, entry.personId, 'bounced', error);
    audit('failed', { error, attempt: entry.attempts + 1 });
    this.reportFailure(entry, error, atIso);
    return 'failed';
  }

  /** Tells the coordinators, once per failed message, by e-mail; never about a failed failure report. */
  private reportFailure(entry: OutboxEntry, error: string, atIso: string): void {
    const { db } = this.deps;
    if (entry.kind === 'delivery-failed' || entry.exerciseId === null) return;
    // After dissolution nothing more is sent: the failure stays in the notices and the audit log.
    if (exerciseById(db, entry.exerciseId)?.status === 'dissolved') return;
    if (!markFailureReported(db, entry.id)) return;
    const recipient = entry.personId ? personById(db, entry.personId) : undefined;
    for (const c of coordinators(db, entry.exerciseId)) {
      if (c.id === entry.personId && entry.medium === 'email') continue; // that address is the one failing
      deliverToPerson(db, this.deps.renderer, entry.exerciseId, atIso, {
        kind: 'delivery-failed',
        ref: entry.ref,
        to: c,
        emailOnly: true,
        view: {
          subjectOfMessage: entry.payload.subject,
          recipient: recipient ? `${recipient.name} <${recipient.email}>` : entry.address,
          medium: entry.medium,
          address: entry.address,
          error,
          ref: entry.ref ?? '',
        },
      });
    }
  }
}
