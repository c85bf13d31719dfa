import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a personal link lets its person do or see:
 * `vote` an endorsement request (target E id), mark an action item `done` (A id), read a
 * `meeting` (M id) or its `minutes` (M id), their own `home` page, and the coordinator's `overview`.
 */
export const LINK_PURPOSES = ['vote', 'done', 'meeting', 'minutes', 'home', 'overview'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** What a link names: the person, the exercise and the thing, and until when it works. */
export interface LinkClaim {
  purpose: LinkPurpose;
  exerciseId: number;
  personId: number;
  /** The id of what it acts on (E, A or M id); 0 for `home` and `overview`. */
  target: number;
  expiresAt: Date;
  issuedAt: Date;
}

/** Links other than votes (which end at the vote's deadline) work this long after they are issued. */
export const LINK_DAYS = 30;
/** The overview shows the whole exercise, so its link is short-lived. */
export const OVERVIEW_LINK_DAYS = 7;

const DAY_MS = 86_400_000;
const MAC_BYTES = 16;
const TOKEN = /^(vote|done|meeting|minutes|home|overview)\.(\d{1,9})\.(\d{1,9})\.(\d{1,9})\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/;

/** Until when a link issued now works, for purposes whose end is not a deadline of their own. */
export function defaultExpiry(purpose: LinkPurpose, now: Date): Date {
  return new Date(now.getTime() + (purpose === 'overview' ? OVERVIEW_LINK_DAYS : LINK_DAYS) * DAY_MS);
}

function payloadOf(c: LinkClaim): string {
  const expires = Math.floor(c.expiresAt.getTime() / 1000).toString(36);
  return `${c.purpose}.${c.exerciseId}.${c.personId}.${c.target}.${expires}.${c.issuedAt.getTime().toString(36)}`;
}

function macOf(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(`link|${payload}`).digest().subarray(0, MAC_BYTES);
}

/**
 * Signs a claim into a URL-safe token: readable parts (purpose, exercise, person, target,
 * expiry, issue time) and an HMAC-SHA256 over them, so any change to a part is detected.
 * @example signLink(secret, { purpose: 'vote', exerciseId: 1, personId: 7, target: 3, expiresAt, issuedAt: now })
 */
export function signLink(secret: Buffer, claim: LinkClaim): string {
  const payload = payloadOf(claim);
  return `${payload}.${macOf(secret, payload).toString('base64url')}`;
}

export type LinkCheck =
  | { ok: true; claim: LinkClaim }
  | { ok: false; reason: 'tampered' | 'expired'; claim?: LinkClaim };

/** Checks a token's signature and expiry (revocation and membership need the record: see `openLink`). */
export function checkLink(secret: Buffer, token: string, now: Date): LinkCheck {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: 'tampered' };
  const payload = token.slice(0, token.lastIndexOf('.'));
  // Compared as text: base64url has several spellings of the same last bits, and only ours is accepted.
  const given = Buffer.from(m[7]!);
  const expected = Buffer.from(macOf(secret, payload).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'tampered' };
  const claim: LinkClaim = {
    purpose: m[1] as LinkPurpose,
    exerciseId: Number(m[2]),
    personId: Number(m[3]),
    target: Number(m[4]),
    expiresAt: new Date(parseInt(m[5]!, 36) * 1000),
    issuedAt: new Date(parseInt(m[6]!, 36)),
  };
  if (now.getTime() >= claim.expiresAt.getTime()) return { ok: false, reason: 'expired', claim };
  return { ok: true, claim };
}

/**
 * The value of a form's hidden CSRF field: bound to the link and to a random value the browser
 * holds in a same-site cookie, so a form on another site cannot post with it.
 */
export function csrfFor(secret: Buffer, token: string, browserNonce: string): string {
  return createHmac('sha256', secret).update(`csrf|${token}|${browserNonce}`).digest('base64url');
}

export function csrfMatches(secret: Buffer, token: string, browserNonce: string, given: string): boolean {
  const expected = Buffer.from(csrfFor(secret, token, browserNonce));
  const got = Buffer.from(given);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
