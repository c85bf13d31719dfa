import { createHash } from 'node:crypto';
import type { Clock } from '../../src/clock';

/** Two clicks of the same button by the same person on the same message within this time are one click. */
export const DOUBLE_CLICK_MS = 10_000;
/** How long this process remembers what it already answered (the core remembers outcomes for hours). */
const KEEP_MS = 15 * 60_000;

export interface Click {
  /** The kind of delivery, as the id's prefix: `slack:block_actions`, `discord:button`. */
  prefix: string;
  userId: string;
  /** The message (channel/ts) or view the button is on. */
  container: string;
  actionId: string;
  value: string;
  /** The platform's id of this click (Slack's `action_ts`, Discord's interaction id): the same in a retried delivery, different for a second click. */
  actionTs: string;
}

/** A short stable digest, for keys built from free text (a form's values). */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/**
 * The once-per-delivery guard of a chat adapter: what this process is answering or has
 * answered, by delivery id, so a retried request or a double click gets one answer. The durable guard is the core's `inbound_requests` table (the
 * same delivery id is applied once, even after a restart); this one spares the user a second reply.
 */
export class RecentRequests {
  private readonly answers = new Map<string, { result: Promise<unknown>; until: number }>();
  private readonly lastClick = new Map<string, { click: Click; id: string; at: number }>();

  constructor(private readonly clock: Clock) {}

  /**
   * Runs `work` for the first request with this key and shares its result with any repeat;
   * `first` says which one this is.
   */
  once<T>(key: string, work: () => Promise<T>): { first: boolean; result: Promise<T> } {
    const now = this.clock.now().getTime();
    this.prune(now);
    const seen = this.answers.get(key);
    if (seen) return { first: false, result: seen.result as Promise<T> };
    const result = work();
    this.answers.set(key, { result, until: now + KEEP_MS });
    return { first: true, result };
  }

  /** Lets the next request with this key run again (a refused form may be sent again unchanged once things change). */
  forget(key: string): void {
    this.answers.delete(key);
  }

  /**
   * The delivery id of a button click. A retried delivery carries the same `action_ts`, so the same
   * id; a second click within DOUBLE_CLICK_MS of the same button, with no other click of that person
   * on that message in between, takes the first click's id, so it is applied once. Endorse → Object →
   * Endorse is three clicks, because each differs from the one before.
   */
  clickId(click: Click): string {
    const now = this.clock.now().getTime();
    const where = `${click.userId}|${click.container}`;
    const id = `${click.prefix}:${click.container}:${click.actionId}:${click.value}:${click.userId}:${click.actionTs}`;
    const previous = this.lastClick.get(where);
    if (previous && previous.click.actionId === click.actionId && previous.click.value === click.value && now - previous.at < DOUBLE_CLICK_MS) {
      return previous.id;
    }
    // Deleted first, so the map stays in the order of the clicks (prune stops at the first recent one).
    this.lastClick.delete(where);
    this.lastClick.set(where, { click, id, at: now });
    return id;
  }

  /**
   * Both maps are in the order their entries were made (a Map iterates in insertion order), so
   * the expired ones come first: each request looks at those and the first one still kept, not at
   * the whole quarter of an hour of requests. (A clock set back keeps some entries a little longer.)
   */
  private prune(now: number): void {
    for (const [k, v] of this.answers) {
      if (v.until > now) break;
      this.answers.delete(k);
    }
    for (const [k, v] of this.lastClick) {
      if (now - v.at < DOUBLE_CLICK_MS) break;
      this.lastClick.delete(k);
    }
  }
}
