import { z } from 'zod';
import type { OutboundPayload } from '../core/ports';
import { LANGUAGES, type Language } from '../domain/vocabulary';
import type { Db } from './db';

/**
 * What a message says, kept in its outbox row to be rendered when it is sent rather than inside
 * the command's transaction (a vote's receipts and channel tally): the template, the reader's
 * language and the view, all fixed when it was queued (a language changed later affects the next
 * message only). `html`: an e-mail (subject, text and HTML) rather than a chat post (subject and text).
 */
export interface DeferredMessage {
  template: string;
  language: Language;
  view: Record<string, unknown>;
  html: boolean;
}

/** A payload as stored: rendered, or what to render plus the parts that need no rendering (buttons, Reply-To, ...). */
export type StoredPayload = OutboundPayload | DeferredPayload;
export type DeferredPayload = Omit<OutboundPayload, 'subject' | 'text' | 'html'> & { deferred: DeferredMessage };

/** Renders what a deferred payload says: subject and text, and the HTML when it asks for it. */
export type RenderDeferred = (message: DeferredMessage) => Pick<OutboundPayload, 'subject' | 'text' | 'html'>;

/** Checked where the stored payload is read (`outbox.ts`). */
export const deferredMessageSchema = z.object({
  template: z.string(),
  language: z.enum(LANGUAGES),
  view: z.record(z.string(), z.unknown()),
  html: z.boolean(),
});

export function isDeferred(p: StoredPayload): p is DeferredPayload {
  return 'deferred' in p;
}

/** Per connection: who renders a deferred payload read on it (the core's and the sender's renderer). */
const renderers = new WeakMap<Db, RenderDeferred>();

export function rendersDeferred(db: Db, render: RenderDeferred): void {
  renderers.set(db, render);
}

/** Whether a deferred payload read on this connection can be rendered (a maintenance command's connection has no renderer). */
export function canRender(db: Db): boolean {
  return renderers.has(db);
}

/**
 * The payload as it is sent. A deferred one is rendered now; the same view, language and
 * templates give the same bytes, and `claimDue` stores what it rendered before the first attempt,
 * so a retry sends exactly what the first attempt sent.
 */
export function renderedPayload(db: Db, stored: StoredPayload): OutboundPayload {
  if (!isDeferred(stored)) return stored;
  const render = renderers.get(db);
  if (!render) throw new Error('An outbox message is kept unrendered and this connection has no renderer for it (create the core or the sender on it first).');
  const { deferred, ...rest } = stored;
  const { subject, text, html } = render(deferred);
  return { subject, text, ...(deferred.html && html !== undefined ? { html } : {}), ...rest };
}

/**
 * Whether a message's words are unknown for good: kept unrendered and given up (its template failed
 * until the sender stopped trying). Nobody received it; its audit entry vouches for it without words.
 */
export function neverWritten(stored: StoredPayload, status: string): boolean {
  return isDeferred(stored) && status === 'failed';
}

/**
 * The payload where a message is only shown (`/meeting notices`, an outbox listing): as sent or to be
 * sent, or without words when it was never written or its template fails now (its row says why).
 */
export function shownPayload(db: Db, stored: StoredPayload, status: string): OutboundPayload {
  if (!isDeferred(stored)) return stored;
  const { deferred: _deferred, ...rest } = stored;
  const wordless = { ...rest, subject: '', text: '' };
  if (neverWritten(stored, status)) return wordless;
  try {
    return renderedPayload(db, stored);
  } catch {
    return wordless;
  }
}
