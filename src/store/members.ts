import type { Db } from './db';

import type { Group, Language, Role } from '../domain/vocabulary';

export type { Group, Role };

export interface Organisation {
  id: number;
  exerciseId: number;
  acronym: string;
  name: string;
  inPmg: boolean;
}

export interface Person {
  id: number;
  email: string;
  name: string;
  timeZone: string | null;
  /** The language they read messages in; null: the exercise's. */
  language: Language | null;
  emailStatus: 'unknown' | 'working' | 'bounced';
  emailStatusDetail: string | null;
}

export interface Membership {
  id: number;
  exerciseId: number;
  personId: number;
  role: Role;
  organisationId: number | null;
  active: boolean;
  addedAt: string;
  removedAt: string | null;
}

/** A member as the working group sees them: the person, their role and organisation. */
export interface Member extends Person {
  role: Role;
  membershipId: number;
  organisation: Organisation | null;
  active: boolean;
}

const orgCols = `o.id AS o_id, o.exercise_id AS o_exercise_id, o.acronym AS o_acronym, o.name AS o_name, o.in_pmg AS o_in_pmg`;

interface OrgRow { id: number; exercise_id: number; acronym: string; name: string; in_pmg: number }
const toOrg = (r: OrgRow): Organisation => ({
  id: r.id, exerciseId: r.exercise_id, acronym: r.acronym, name: r.name, inPmg: r.in_pmg === 1,
});

interface PersonRow {
  id: number; email: string; name: string; time_zone: string | null; language: Language | null;
  email_status: Person['emailStatus']; email_status_detail: string | null;
}
const toPerson = (r: PersonRow): Person => ({
  id: r.id, email: r.email, name: r.name, timeZone: r.time_zone, language: r.language,
  emailStatus: r.email_status, emailStatusDetail: r.email_status_detail,
});

interface MemberRow extends PersonRow {
  role: Role; membership_id: number; active: number;
  o_id: number | null; o_exercise_id: number | null; o_acronym: string | null; o_name: string | null; o_in_pmg: number | null;
}
const toMember = (r: MemberRow): Member => ({
  ...toPerson(r),
  role: r.role,
  membershipId: r.membership_id,
  active: r.active === 1,
  organisation:
    r.o_id === null
      ? null
      : toOrg({ id: r.o_id, exercise_id: r.o_exercise_id!, acronym: r.o_acronym!, name: r.o_name!, in_pmg: r.o_in_pmg! }),
});

// ---- organisations

export function insertOrganisation(db: Db, o: { exerciseId: number; acronym: string; name: string; inPmg: boolean; at: string }): Organisation {
  const info = db
    .prepare('INSERT INTO organisations (exercise_id, acronym, name, in_pmg, added_at) VALUES (?, ?, ?, ?, ?)')
    .run(o.exerciseId, o.acronym, o.name, o.inPmg ? 1 : 0, o.at);
  return { id: Number(info.lastInsertRowid), exerciseId: o.exerciseId, acronym: o.acronym, name: o.name, inPmg: o.inPmg };
}

export function organisationByAcronym(db: Db, exerciseId: number, acronym: string): Organisation | undefined {
  const r = db.prepare('SELECT * FROM organisations WHERE exercise_id = ? AND acronym = ?').get(exerciseId, acronym) as OrgRow | undefined;
  return r && toOrg(r);
}

export function organisationById(db: Db, id: number): Organisation | undefined {
  const r = db.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as OrgRow | undefined;
  return r && toOrg(r);
}

/** The member organisations of a group: every organisation is in the PWG; the PMG is a subset. */
export function organisationsOf(db: Db, exerciseId: number, group: Group): Organisation[] {
  const rows = db
    .prepare(`SELECT * FROM organisations WHERE exercise_id = ? ${group === 'PMG' ? 'AND in_pmg = 1' : ''} ORDER BY in_pmg DESC, id`)
    .all(exerciseId) as OrgRow[];
  return rows.map(toOrg);
}

// ---- people

export function personByEmail(db: Db, email: string): Person | undefined {
  const r = db.prepare('SELECT * FROM people WHERE email = ?').get(email) as PersonRow | undefined;
  return r && toPerson(r);
}

export function personById(db: Db, id: number): Person | undefined {
  const r = db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return r && toPerson(r);
}

/** The person with this e-mail, created if new. An existing person's name is left as it is. */
export function ensurePerson(db: Db, p: { email: string; name: string; at: string }): Person {
  const existing = personByEmail(db, p.email);
  if (existing) return existing;
  const info = db.prepare('INSERT INTO people (email, name, created_at) VALUES (?, ?, ?)').run(p.email, p.name, p.at);
  return personById(db, Number(info.lastInsertRowid))!;
}

export function setEmailStatus(db: Db, personId: number, status: Person['emailStatus'], detail: string | null): void {
  // Unchanged (every delivered e-mail says "working"): no row is written.
  db.prepare('UPDATE people SET email_status = ?, email_status_detail = ? WHERE id = ? AND (email_status IS NOT ? OR email_status_detail IS NOT ?)')
    .run(status, detail, personId, status, detail);
}

export function setPersonTimeZone(db: Db, personId: number, zone: string | null): void {
  db.prepare('UPDATE people SET time_zone = ? WHERE id = ?').run(zone, personId);
}

export function setPersonLanguage(db: Db, personId: number, language: Language | null): void {
  db.prepare('UPDATE people SET language = ? WHERE id = ?').run(language, personId);
}

// ---- memberships

const memberSelect = `
  SELECT p.*, m.role AS role, m.id AS membership_id, m.active AS active, ${orgCols}
  FROM memberships m JOIN people p ON p.id = m.person_id
  LEFT JOIN organisations o ON o.id = m.organisation_id`;

export function membershipOf(db: Db, exerciseId: number, personId: number): Member | undefined {
  const r = db.prepare(`${memberSelect} WHERE m.exercise_id = ? AND m.person_id = ?`).get(exerciseId, personId) as MemberRow | undefined;
  return r && toMember(r);
}

/** Upserts the person's one membership in the exercise, making it active. */
export function putMembership(
  db: Db,
  m: { exerciseId: number; personId: number; role: Role; organisationId: number | null; at: string },
): void {
  db.prepare(
    `INSERT INTO memberships (exercise_id, person_id, role, organisation_id, active, added_at)
     VALUES (@exerciseId, @personId, @role, @organisationId, 1, @at)
     ON CONFLICT (exercise_id, person_id) DO UPDATE SET
       role = excluded.role, organisation_id = excluded.organisation_id, active = 1,
       added_at = CASE WHEN memberships.active = 1 THEN memberships.added_at ELSE excluded.added_at END,
       removed_at = NULL`,
  ).run(m);
}

export function deactivateMembership(db: Db, membershipId: number, at: string): void {
  db.prepare('UPDATE memberships SET active = 0, removed_at = ? WHERE id = ?').run(at, membershipId);
}

export function setRole(db: Db, membershipId: number, role: Role, organisationId: number | null): void {
  db.prepare('UPDATE memberships SET role = ?, organisation_id = ? WHERE id = ?').run(role, organisationId, membershipId);
}

/** Active members of the exercise, coordinators first, then by organisation. */
export function activeMembers(db: Db, exerciseId: number): Member[] {
  const rows = db
    .prepare(
      `${memberSelect} WHERE m.exercise_id = ? AND m.active = 1
       ORDER BY CASE m.role WHEN 'coordinator' THEN 0 WHEN 'focal' THEN 1 ELSE 2 END, o.id, p.name`,
    )
    .all(exerciseId) as MemberRow[];
  return rows.map(toMember);
}

export function activeFocalPoints(db: Db, organisationId: number): Member[] {
  const rows = db
    .prepare(`${memberSelect} WHERE m.organisation_id = ? AND m.role = 'focal' AND m.active = 1 ORDER BY m.id`)
    .all(organisationId) as MemberRow[];
  return rows.map(toMember);
}

/** The exercise's active coordinators, in the order activeMembers gives them; read alone (every e-mail's Reply-To asks). */
export function coordinators(db: Db, exerciseId: number): Member[] {
  const rows = db
    .prepare(`${memberSelect} WHERE m.exercise_id = ? AND m.active = 1 AND m.role = 'coordinator' ORDER BY o.id, p.name`)
    .all(exerciseId) as MemberRow[];
  return rows.map(toMember);
}

/** Everyone a group's notices go to: focal points of its organisations, coordinators and observers. */
export function recipientsOf(db: Db, exerciseId: number, group: Group): Member[] {
  return activeMembers(db, exerciseId).filter(
    (m) => m.role !== 'focal' || (m.organisation !== null && (group === 'PWG' || m.organisation.inPmg)),
  );
}

/** Exercises this person is an active member of. */
export function exerciseIdsOf(db: Db, personId: number): number[] {
  return (db.prepare('SELECT exercise_id FROM memberships WHERE person_id = ? AND active = 1').all(personId) as { exercise_id: number }[]).map(
    (r) => r.exercise_id,
  );
}

// ---- chat identities

export interface ChatIdentity {
  medium: string;
  userId: string;
  personId: number;
  linkedAt: string;
  linkedBy: string;
}

export function identityOf(db: Db, medium: string, userId: string): ChatIdentity | undefined {
  const r = db.prepare('SELECT * FROM chat_identities WHERE medium = ? AND user_id = ?').get(medium, userId) as
    | { medium: string; user_id: string; person_id: number; linked_at: string; linked_by: string }
    | undefined;
  return r && { medium: r.medium, userId: r.user_id, personId: r.person_id, linkedAt: r.linked_at, linkedBy: r.linked_by };
}

export function identitiesOfPerson(db: Db, personId: number): ChatIdentity[] {
  const rows = db.prepare('SELECT * FROM chat_identities WHERE person_id = ? ORDER BY medium').all(personId) as {
    medium: string; user_id: string; person_id: number; linked_at: string; linked_by: string;
  }[];
  return rows.map((r) => ({ medium: r.medium, userId: r.user_id, personId: r.person_id, linkedAt: r.linked_at, linkedBy: r.linked_by }));
}

export function linkIdentity(db: Db, i: { medium: string; userId: string; personId: number; at: string; by: string }): void {
  db.prepare(
    `INSERT INTO chat_identities (medium, user_id, person_id, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (medium, user_id) DO UPDATE SET person_id = excluded.person_id, linked_at = excluded.linked_at, linked_by = excluded.linked_by`,
  ).run(i.medium, i.userId, i.personId, i.at, i.by);
}
