import type { Language } from '../../domain/vocabulary';
import type { Db } from '../../store/db';
import { linkSecret } from '../../store/links';
import { signLink, type LinkPurpose } from '../links';
import type { LinkHolder, LinkRefusal } from '../open-link';
import { actingAs, refusalIn } from '../open-link';

/** A page to show: its template under `templates/web/`, its HTTP status, its values (plain text) and its language. */
export interface Page {
  template: string;
  status: number;
  view: Record<string, unknown>;
  language: Language;
}

export type PageResult = { ok: true; page: Page } | { ok: false; refusal: LinkRefusal };

/** The header every personal page shows: who the link acts as, for which organisation, in which exercise. */
export function whoView(h: LinkHolder): Record<string, unknown> {
  const org = h.member.organisation;
  return {
    exercise: h.exercise.name,
    actingAs: actingAs(h),
    organisation: org ? `${org.acronym} (${org.name})` : false,
    dissolved: h.exercise.status === 'dissolved',
  };
}

/** A refusal page for the link's person, in their language: `web-refusal.<key>` with `values`. */
export const refusal = (h: Pick<LinkHolder, 'words'>, status: LinkRefusal['status'], key: string, values: Record<string, unknown> = {}): PageResult => ({
  ok: false,
  refusal: refusalIn(h.words, status, key, values),
});

/** A focal point of a PWG-only organisation does not read the PMG's record; everyone else reads both groups. */
export function readsGroup(h: LinkHolder, group: 'PWG' | 'PMG'): boolean {
  if (h.member.role !== 'focal') return true;
  return group === 'PWG' || h.member.organisation?.inPmg === true;
}

/**
 * A link from one page to another for the same person, signed now and ending when the link that
 * opened this page ends (a page never extends a link's life). Relative: it stays on this server.
 */
export function pageLink(db: Db, h: LinkHolder, purpose: LinkPurpose, target: number, now: Date, endsBy?: Date): string {
  const expiresAt = endsBy && endsBy < h.claim.expiresAt ? endsBy : h.claim.expiresAt;
  const token = signLink(linkSecret(db, now.toISOString()), {
    purpose, exerciseId: h.exercise.id, personId: h.person.id, target, issuedAt: now, expiresAt,
  });
  return `/l/${token}`;
}
