import type { DeliveryResult, Medium } from '../core/ports';
import { deliverToPerson } from '../core/context';
import { appendAudit } from '../store/audit';
import { mediumState } from '../store/delivery-media';
import { exerciseById } from '../store/exercises';
import { coordinators, personById, setEmailStatus } from '../store/members';
import { markFailed, markFailureReported, markRetry, markSent, type OutboxEntry } from '../store/outbox';
import { releaseClaim } from '../store/outbox-claim';
import { deliveredOn, failedTransiently, pauseForConfiguration, troubleReported, type HealthContext } from './medium-health';

export const MAX_ATTEMPTS = 10;

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, ... capped at 1 hour. */
export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attemptsSoFar - 1), 3600_000);
}

/** `released`: given back untouched (no answer before the sender stopped, or its medium is paused). */
export type Outcome = 'sent' | 'retrying' | 'failed' | 'released';

export interface Recorded {
  outcome: Outcome;
  /** A sentence for whoever runs Convene (a medium paused, resumed, failing for an hour), or null. */
  notice: string | null;
}

/** One delivery attempt's answer, as the sender records it. */
export interface AttemptResult {
  /** `unrenderable`: the message's template failed when it was claimed (see `ClaimedEntry`). */
  entry: OutboxEntry & { unrenderable?: string };
  result: DeliveryResult;
  /** The sender aborted this attempt itself, so a transient answer is its own doing. */
  abandoned: boolean;
}

/**
 * Writes what the attempts came to, inside the caller's transaction, in their order. The messages
 * handed over are recorded together: one audit entry per exercise and kind of message lists each
 * recipient with its provider id and vouches for each row (its digest, in the entry's state), with
 * the hand-over instant of the transaction. A retry or a failure has an entry of its own.
 */
export function recordResults(h: HealthContext, attempts: AttemptResult[]): Recorded[] {
  const { db } = h;
  const atIso = h.at.toISOString();
  const recorded: Recorded[] = new Array(attempts.length);
  const handedOver = new Map<string, { n: number; entry: OutboxEntry; providerId: string }[]>();
  attempts.forEach(({ entry, result, abandoned }, n) => {
    if (result.status !== 'sent') {
      recorded[n] = recordUnsent(h, entry, result, abandoned);
      return;
    }
    const key = `${entry.exerciseId}:${entry.kind}`;
    const group = handedOver.get(key) ?? [];
    group.push({ n, entry, providerId: result.providerId });
    handedOver.set(key, group);
  });
  const resumed = new Set<Medium>();
  for (const group of handedOver.values()) {
    const messages = group.map(({ entry, providerId }) => {
      markSent(db, entry.id, atIso, providerId);
      if (entry.medium === 'email' && entry.personId) setEmailStatus(db, entry.personId, 'working', null);
      return { outbox: entry.id, medium: entry.medium, address: entry.address, ref: entry.ref, providerId, attempt: entry.attempts + 1 };
    });
    // The entry vouches for the rows just marked: the status trigger noted them for it.
    const { exerciseId, kind } = group[0]!.entry;
    appendAudit(db, { exerciseId, at: atIso, actor: 'outbox sender', action: `message ${kind}`, outcome: 'sent', detail: { messages } });
    for (const { n, entry } of group) {
      recorded[n] = { outcome: 'sent', notice: resumed.has(entry.medium) ? null : deliveredOn(h, entry.medium) };
      resumed.add(entry.medium);
    }
  }
  return recorded;
}

/**
 * Writes what an attempt that handed nothing over came to, inside the caller's transaction: a
 * retry with back-off, a permanent failure reported once to the coordinators, or (a refused
 * configuration, or an attempt the sender abandoned) the message given back untouched.
 * `abandoned`: the sender aborted this attempt itself, so a transient answer is its own doing.
 */
function recordUnsent(h: HealthContext, entry: AttemptResult['entry'], result: Exclude<DeliveryResult, { status: 'sent' }>, abandoned: boolean): Recorded {
  const { db } = h;
  const atIso = h.at.toISOString();
  const audit = (outcome: string, detail: Record<string, unknown>) =>
    appendAudit(db, {
      exerciseId: entry.exerciseId, at: atIso, actor: 'outbox sender', action: `message ${entry.kind}`, outcome,
      detail: { outbox: entry.id, medium: entry.medium, address: entry.address, ref: entry.ref, ...detail },
    });
  if (entry.unrenderable !== undefined) return recordUnrenderable(h, entry, entry.unrenderable, audit);
  if (result.status === 'misconfigured') {
    releaseClaim(db, entry.id, result.error);
    return { outcome: 'released', notice: pauseForConfiguration(h, entry.medium, result.error) };
  }
  if (result.status === 'transient' && abandoned) {
    releaseClaim(db, entry.id, null);
    return { outcome: 'released', notice: null };
  }
  if (result.status === 'transient') {
    const notice = failedTransiently(h, entry.medium, result.error);
    if (entry.attempts + 1 < MAX_ATTEMPTS) {
      // At least a second, so a provider saying "retry now" cannot spin the drain loop.
      const delay = Math.max(1000, result.retryAfterMs ?? retryDelayMs(entry.attempts + 1));
      markRetry(db, entry.id, new Date(h.at.getTime() + delay).toISOString(), result.error);
      audit('retrying', { error: result.error, attempt: entry.attempts + 1, retryInMs: delay });
      return { outcome: 'retrying', notice };
    }
    const error = `gave up after ${MAX_ATTEMPTS} attempts: ${result.error}`;
    markFailed(db, entry.id, atIso, error);
    audit('failed', { error, attempt: entry.attempts + 1 });
    // The coordinators already heard that the whole medium keeps failing: no report per message.
    if (troubleReported(mediumState(db, entry.medium))) markFailureReported(db, entry.id);
    else reportFailure(h, entry, error);
    return { outcome: 'failed', notice };
  }
  markFailed(db, entry.id, atIso, result.error);
  if (entry.medium === 'email' && entry.personId) setEmailStatus(db, entry.personId, 'bounced', result.error);
  audit('failed', { error: result.error, attempt: entry.attempts + 1 });
  reportFailure(h, entry, result.error);
  return { outcome: 'failed', notice: null };
}

/** How often a message whose template fails is tried (an hour apart) before it is given up. */
export const UNRENDERABLE_TRIES = 3;
const UNRENDERABLE_RETRY_MS = 3600_000;

/**
 * A message kept unrendered whose template fails (gone or broken since it was queued): nothing of
 * the address or the medium is wrong, so neither is marked. It waits an hour for the templates to
 * be mended, and after UNRENDERABLE_TRIES it is given up and the coordinators are told; whoever
 * runs Convene hears of it each time.
 */
function recordUnrenderable(
  h: HealthContext, entry: OutboxEntry, reason: string, audit: (outcome: string, detail: Record<string, unknown>) => string,
): Recorded {
  const { db } = h;
  const attempt = entry.attempts + 1;
  const what = `A ${entry.kind} message to ${entry.address}${entry.ref ? ` (${entry.ref})` : ''}`;
  if (attempt < UNRENDERABLE_TRIES) {
    markRetry(db, entry.id, new Date(h.at.getTime() + UNRENDERABLE_RETRY_MS).toISOString(), reason);
    audit('retrying', { error: reason, attempt, retryInMs: UNRENDERABLE_RETRY_MS });
    return { outcome: 'retrying', notice: `${what} ${reason}; it is tried again in an hour and given up after ${UNRENDERABLE_TRIES} tries. Check the templates folder (TEMPLATES_DIR).` };
  }
  const error = `gave up after ${UNRENDERABLE_TRIES} tries: ${reason}`;
  markFailed(db, entry.id, h.at.toISOString(), error);
  audit('failed', { error, attempt });
  reportFailure(h, entry, error, true);
  return { outcome: 'failed', notice: `${what} was given up, never written (${error}); the coordinators were told.` };
}

/**
 * Tells the coordinators, once per failed message, by e-mail; never about a failed failure report.
 * `unwritten`: it failed before it was written (its template), so it has no subject to quote.
 */
function reportFailure(h: HealthContext, entry: OutboxEntry, error: string, unwritten = false): void {
  const { db } = h;
  if (entry.kind === 'delivery-failed' || entry.exerciseId === null) return;
  // After dissolution nothing more is sent: the failure stays in the notices and the audit log.
  if (exerciseById(db, entry.exerciseId)?.status === 'dissolved') return;
  if (!markFailureReported(db, entry.id)) return;
  const recipient = entry.personId ? personById(db, entry.personId) : undefined;
  for (const c of coordinators(db, entry.exerciseId)) {
    if (c.id === entry.personId && entry.medium === 'email') continue; // that address is the one failing
    deliverToPerson(db, h.renderer, entry.exerciseId, h.at.toISOString(), {
      kind: 'delivery-failed',
      ref: entry.ref,
      to: c,
      emailOnly: true,
      // Rendered when sent: a template failing here must not undo the results recorded with it.
      renderWhenSent: true,
      view: {
        subjectOfMessage: unwritten ? `${entry.kind}${entry.ref ? ` (${entry.ref})` : ''}` : entry.payload.subject,
        unwritten,
        recipient: recipient ? `${recipient.name} <${recipient.email}>` : entry.address,
        medium: entry.medium,
        address: entry.address,
        error,
        ref: entry.ref ?? '',
      },
    });
  }
}
