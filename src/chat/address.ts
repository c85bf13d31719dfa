import type { Address, Medium } from '../core/ports';

const CHAT_ADDRESS = /^(slack|discord):(person|channel):([A-Za-z0-9_.-]{1,64})$/;

/**
 * An address as the outbox stores it: `slack:person:U123`, `slack:channel:C123`,
 * `discord:person:123`, `discord:channel:123`; an e-mail address (or the console's name) as it is.
 * @example formatAddress({ medium: 'discord', kind: 'person', id: '80351110224678912' }) // 'discord:person:80351110224678912'
 */
export function formatAddress(a: Address): string {
  if (a.medium === 'email' || a.medium === 'console') return a.id;
  return `${a.medium}:${a.kind}:${a.id}`;
}

/** A chat user, as an address. */
export const personAddress = (medium: 'slack' | 'discord', id: string): Address => ({ medium, kind: 'person', id });
/** A chat channel, as an address. */
export const channelAddress = (medium: 'slack' | 'discord', id: string): Address => ({ medium, kind: 'channel', id });

/**
 * Reads a stored address back for the medium it was queued on; null when it is not one
 * (a row written by hand, or by a version before migration 007).
 */
export function parseAddress(medium: Medium, text: string): Address | null {
  if (medium === 'email') return text.includes('@') ? { medium, kind: 'person', id: text } : null;
  if (medium === 'console') return { medium, kind: 'person', id: text };
  const m = CHAT_ADDRESS.exec(text);
  if (!m || m[1] !== medium) return null;
  return { medium, kind: m[2] as Address['kind'], id: m[3]! };
}

/** An address as people read it in a reply: the e-mail address, or `slack:U123` (the platform and its id). */
export function shownAddress(medium: Medium, text: string): string {
  const a = parseAddress(medium, text);
  return a && (a.medium === 'slack' || a.medium === 'discord') ? `${a.medium}:${a.id}` : text;
}
