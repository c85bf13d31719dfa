import type { Db } from '../store/db';
import { linkSecret } from '../store/links';
import { defaultExpiry, signLink, type LinkPurpose } from './links';

/** How links are written: `PUBLIC_URL`, or this machine's address (then e-mails say so). */
export interface LinkSettings {
  baseUrl: string;
  /** No PUBLIC_URL: the links work only on the machine the bot runs on. */
  localOnly: boolean;
}

/** Which personal links a message carries, besides the person's own page (always). */
export interface LinkWish {
  /** Endorse / Object / Abstain on this request; they end at its deadline. */
  vote?: { id: number; deadlineAt: string };
  /** "Mark done" on this action item. */
  done?: number;
  /** The meeting's page and its `.ics`; they work until the default time after the meeting ends, at least. */
  meeting?: { id: number; endsAt: Date };
  /** The meeting's published minutes. */
  minutes?: number;
}

/** What templates get as `links`: full addresses, or nothing. */
export interface LinksView {
  page: string;
  endorse?: string;
  object?: string;
  abstain?: string;
  done?: string;
  meeting?: string;
  calendar?: string;
  minutes?: string;
  localOnly: boolean;
}

/** The address of one link's page. */
export function linkUrl(settings: LinkSettings, token: string, suffix = ''): string {
  return `${settings.baseUrl.replace(/\/+$/, '')}/l/${token}${suffix}`;
}

/** Signs one link for a person, expiring at `expiresAt` or the purpose's default. */
export function issueLink(
  db: Db,
  settings: LinkSettings,
  l: { purpose: LinkPurpose; exerciseId: number; personId: number; target: number; now: Date; expiresAt?: Date },
): string {
  const token = signLink(linkSecret(db, l.now.toISOString()), {
    purpose: l.purpose,
    exerciseId: l.exerciseId,
    personId: l.personId,
    target: l.target,
    issuedAt: l.now,
    expiresAt: l.expiresAt ?? defaultExpiry(l.purpose, l.now),
  });
  return linkUrl(settings, token);
}

/** The personal links of one message to one person. */
export function personalLinks(db: Db, settings: LinkSettings, exerciseId: number, personId: number, wish: LinkWish, now: Date): LinksView {
  const issue = (purpose: LinkPurpose, target: number, expiresAt?: Date) =>
    issueLink(db, settings, { purpose, exerciseId, personId, target, now, ...(expiresAt ? { expiresAt } : {}) });
  const view: LinksView = { page: issue('home', 0), localOnly: settings.localOnly };
  if (wish.vote && new Date(wish.vote.deadlineAt) > now) {
    const vote = issue('vote', wish.vote.id, new Date(wish.vote.deadlineAt));
    view.endorse = `${vote}?choice=endorse`;
    view.object = `${vote}?choice=object`;
    view.abstain = `${vote}?choice=abstain`;
  }
  if (wish.done !== undefined) view.done = issue('done', wish.done);
  if (wish.meeting !== undefined) {
    const afterIt = defaultExpiry('meeting', wish.meeting.endsAt);
    view.meeting = issue('meeting', wish.meeting.id, afterIt > defaultExpiry('meeting', now) ? afterIt : undefined);
    view.calendar = `${view.meeting}/calendar.ics`;
  }
  if (wish.minutes !== undefined) view.minutes = issue('minutes', wish.minutes);
  return view;
}
