import type { Choice, Outcome, Rule } from '../domain/tally';
import type { Db } from './db';
import type { Group } from './members';

import { DOCUMENT_KINDS, type DocumentKind } from '../domain/vocabulary';

export { DOCUMENT_KINDS, type DocumentKind };

/** How a request came to close. */
export type ClosedHow = 'deadline' | 'coordinator' | 'all-voted' | 'new-version';

/** A request for the group's endorsement of one version of a document. Shown as E<id>. */
export interface Endorsement {
  id: number;
  exerciseId: number;
  group: Group;
  title: string;
  document: DocumentKind | null;
  version: string | null;
  link: string | null;
  rule: Rule;
  quorum: number;
  meetingId: number | null;
  deadlineAt: string;
  urgentReason: string | null;
  openedAt: string;
  openedByPersonId: number | null;
  status: 'open' | 'closed';
  outcome: Outcome | null;
  closedAt: string | null;
  closedHow: ClosedHow | null;
  supersededBy: number | null;
}

interface EndorsementRow {
  id: number; exercise_id: number; grp: Group; title: string; document: DocumentKind | null; version: string | null;
  link: string | null; rule: Rule; quorum: number; meeting_id: number | null; deadline_at: string; urgent_reason: string | null;
  opened_at: string; opened_by_person_id: number | null; status: 'open' | 'closed'; outcome: Outcome | null;
  closed_at: string | null; closed_how: ClosedHow | null; superseded_by: number | null;
}

const toEndorsement = (r: EndorsementRow): Endorsement => ({
  id: r.id, exerciseId: r.exercise_id, group: r.grp, title: r.title, document: r.document, version: r.version,
  link: r.link, rule: r.rule, quorum: r.quorum, meetingId: r.meeting_id, deadlineAt: r.deadline_at,
  urgentReason: r.urgent_reason, openedAt: r.opened_at, openedByPersonId: r.opened_by_person_id, status: r.status,
  outcome: r.outcome, closedAt: r.closed_at, closedHow: r.closed_how, supersededBy: r.superseded_by,
});

export type NewEndorsement = Omit<Endorsement, 'id' | 'status' | 'outcome' | 'closedAt' | 'closedHow' | 'supersededBy'>;

export function insertEndorsement(db: Db, e: NewEndorsement): Endorsement {
  const info = db
    .prepare(
      `INSERT INTO endorsements (exercise_id, grp, title, document, version, link, rule, quorum, meeting_id, deadline_at,
         urgent_reason, opened_at, opened_by_person_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.exerciseId, e.group, e.title, e.document, e.version, e.link, e.rule, e.quorum, e.meetingId, e.deadlineAt,
      e.urgentReason, e.openedAt, e.openedByPersonId);
  return endorsementById(db, e.exerciseId, Number(info.lastInsertRowid))!;
}

export function endorsementById(db: Db, exerciseId: number, id: number): Endorsement | undefined {
  const r = db.prepare('SELECT * FROM endorsements WHERE exercise_id = ? AND id = ?').get(exerciseId, id) as EndorsementRow | undefined;
  return r && toEndorsement(r);
}

/** Requests of the exercise, newest first. */
export function endorsementsOf(db: Db, exerciseId: number, status: 'open' | 'closed' | 'all'): Endorsement[] {
  const rows = (
    status === 'all'
      ? db.prepare('SELECT * FROM endorsements WHERE exercise_id = ? ORDER BY id DESC').all(exerciseId)
      : db.prepare('SELECT * FROM endorsements WHERE exercise_id = ? AND status = ? ORDER BY id DESC').all(exerciseId, status)
  ) as EndorsementRow[];
  return rows.map(toEndorsement);
}

/** Closes an open request; false when it was already closed (so its result is published once). */
export function markClosed(db: Db, id: number, c: { outcome: Outcome; at: string; how: ClosedHow; supersededBy?: number }): boolean {
  return (
    db
      .prepare(`UPDATE endorsements SET status = 'closed', outcome = ?, closed_at = ?, closed_how = ?, superseded_by = ? WHERE id = ? AND status = 'open'`)
      .run(c.outcome, c.at, c.how, c.supersededBy ?? null, id).changes === 1
  );
}

// ---- votes

export interface Vote {
  id: number;
  endorsementId: number;
  organisationId: number;
  acronym: string;
  choice: Choice;
  comment: string | null;
  castBy: { id: number; name: string; email: string };
  proxy: boolean;
  castAt: string;
  current: boolean;
  replacedAt: string | null;
}

interface VoteRow {
  id: number; endorsement_id: number; organisation_id: number; acronym: string; choice: Choice; comment: string | null;
  cast_by_person_id: number; person_name: string; person_email: string; proxy: number; cast_at: string; current: number;
  replaced_at: string | null;
}

const toVote = (r: VoteRow): Vote => ({
  id: r.id, endorsementId: r.endorsement_id, organisationId: r.organisation_id, acronym: r.acronym, choice: r.choice,
  comment: r.comment, castBy: { id: r.cast_by_person_id, name: r.person_name, email: r.person_email }, proxy: r.proxy === 1,
  castAt: r.cast_at, current: r.current === 1, replacedAt: r.replaced_at,
});

const voteSelect = `
  SELECT v.*, o.acronym AS acronym, p.name AS person_name, p.email AS person_email
  FROM endorsement_votes v JOIN organisations o ON o.id = v.organisation_id JOIN people p ON p.id = v.cast_by_person_id`;

/** The current votes only, through the partial index: not every vote ever cast on the request. */
const currentVoteSelect = `
  SELECT v.*, o.acronym AS acronym, p.name AS person_name, p.email AS person_email
  FROM endorsement_votes v INDEXED BY endorsement_votes_one_current
  JOIN organisations o ON o.id = v.organisation_id JOIN people p ON p.id = v.cast_by_person_id`;

/** The vote that counts for each organisation that voted, in the order organisations are listed. */
export function currentVotes(db: Db, endorsementId: number): Vote[] {
  const rows = db
    .prepare(`${currentVoteSelect} WHERE v.endorsement_id = ? AND v.current = 1 ORDER BY o.in_pmg DESC, o.id`)
    .all(endorsementId) as VoteRow[];
  return rows.map(toVote);
}

/** Every vote cast on the request, replaced ones included, in the order they were cast. */
export function voteHistory(db: Db, endorsementId: number): Vote[] {
  return (db.prepare(`${voteSelect} WHERE v.endorsement_id = ? ORDER BY v.id`).all(endorsementId) as VoteRow[]).map(toVote);
}

export function currentVoteOf(db: Db, endorsementId: number, organisationId: number): Vote | undefined {
  const r = db.prepare(`${voteSelect} WHERE v.endorsement_id = ? AND v.organisation_id = ? AND v.current = 1`).get(endorsementId, organisationId) as
    | VoteRow
    | undefined;
  return r && toVote(r);
}

/**
 * Records an organisation's vote: its earlier vote stays in the history, no longer current.
 * The partial unique index keeps exactly one current vote per organisation, whatever the interleaving.
 * Returns the new vote's id.
 */
export function castVote(
  db: Db,
  v: { endorsementId: number; organisationId: number; choice: Choice; comment: string | null; castByPersonId: number; proxy: boolean; at: string },
): number {
  db.prepare('UPDATE endorsement_votes SET current = 0, replaced_at = ? WHERE endorsement_id = ? AND organisation_id = ? AND current = 1').run(
    v.at, v.endorsementId, v.organisationId,
  );
  const info = db
    .prepare(
      `INSERT INTO endorsement_votes (endorsement_id, organisation_id, choice, comment, cast_by_person_id, proxy, cast_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.endorsementId, v.organisationId, v.choice, v.comment, v.castByPersonId, v.proxy ? 1 : 0, v.at);
  return Number(info.lastInsertRowid);
}
