import type { Medium } from '../core/ports';
import type { Db } from './db';
import type { OutboxEntry } from './outbox';

export type NoticeKind = 'invitation' | 'amendment' | 'postponement' | 'cancellation';

/**
 * One dispatch of a meeting's notice to its group: the first invitation (version 1), an amended
 * agenda, a postponement or a cancellation. What was sent stays on record as it was sent.
 */
export interface MeetingNotice {
  id: number;
  meetingId: number;
  version: number;
  kind: NoticeKind;
  /** The iCalendar SEQUENCE it carried. */
  sequence: number;
  startsAt: Date;
  /** The deadline in force for this version (a postponement moves it). */
  noticeDeadline: Date;
  agenda: string[];
  reason: string | null;
  sentAt: Date;
  sentByPersonId: number | null;
  /** Dispatched after its deadline (short notice, or an amendment after the deadline). */
  late: boolean;
}

interface NoticeRow {
  id: number; meeting_id: number; version: number; kind: NoticeKind; sequence: number; starts_at: string;
  notice_deadline: string; agenda: string; reason: string | null; sent_at: string; sent_by_person_id: number | null; late: number;
}

const toNotice = (r: NoticeRow): MeetingNotice => ({
  id: r.id, meetingId: r.meeting_id, version: r.version, kind: r.kind, sequence: r.sequence, startsAt: new Date(r.starts_at),
  noticeDeadline: new Date(r.notice_deadline), agenda: JSON.parse(r.agenda) as string[], reason: r.reason,
  sentAt: new Date(r.sent_at), sentByPersonId: r.sent_by_person_id, late: r.late === 1,
});

export function insertNotice(
  db: Db,
  n: {
    meetingId: number; kind: NoticeKind; sequence: number; startsAt: Date; noticeDeadline: Date; agenda: string[];
    reason: string | null; sentAt: string; sentByPersonId: number | null; late: boolean;
  },
): MeetingNotice {
  const { next } = db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM meeting_notices WHERE meeting_id = ?').get(n.meetingId) as { next: number };
  const info = db
    .prepare(
      `INSERT INTO meeting_notices (meeting_id, version, kind, sequence, starts_at, notice_deadline, agenda, reason, sent_at, sent_by_person_id, late)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(n.meetingId, next, n.kind, n.sequence, n.startsAt.toISOString(), n.noticeDeadline.toISOString(), JSON.stringify(n.agenda),
      n.reason, n.sentAt, n.sentByPersonId, n.late ? 1 : 0);
  return toNotice(db.prepare('SELECT * FROM meeting_notices WHERE id = ?').get(Number(info.lastInsertRowid)) as NoticeRow);
}

export function noticesOf(db: Db, meetingId: number): MeetingNotice[] {
  return (db.prepare('SELECT * FROM meeting_notices WHERE meeting_id = ? ORDER BY version').all(meetingId) as NoticeRow[]).map(toNotice);
}

/** The last notice that told members when the meeting is (not a cancellation). */
export function currentNotice(db: Db, meetingId: number): MeetingNotice | undefined {
  const r = db
    .prepare(`SELECT * FROM meeting_notices WHERE meeting_id = ? AND kind <> 'cancellation' ORDER BY version DESC LIMIT 1`)
    .get(meetingId) as NoticeRow | undefined;
  return r && toNotice(r);
}

/** Ties the outbox rows that carried a notice to it, so "who was reached" is a query. */
export function linkNoticeMessages(db: Db, noticeId: number, personId: number, outboxIds: number[], catchUp: boolean): void {
  const insert = db.prepare('INSERT INTO meeting_notice_messages (outbox_id, notice_id, person_id, catch_up) VALUES (?, ?, ?, ?)');
  for (const id of outboxIds) insert.run(id, noticeId, personId, catchUp ? 1 : 0);
}

/** People who were sent this notice version. */
export function peopleSentNotice(db: Db, noticeId: number): Set<number> {
  const rows = db.prepare('SELECT DISTINCT person_id FROM meeting_notice_messages WHERE notice_id = ?').all(noticeId) as { person_id: number }[];
  return new Set(rows.map((r) => r.person_id));
}

/** People who were sent any notice of the meeting: a postponement or cancellation reaches them too. */
export function peopleEverNoticed(db: Db, meetingId: number): number[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT m.person_id FROM meeting_notice_messages m JOIN meeting_notices n ON n.id = m.notice_id
       WHERE n.meeting_id = ? ORDER BY m.person_id`,
    )
    .all(meetingId) as { person_id: number }[];
  return rows.map((r) => r.person_id);
}

/** One message that carried a notice to one person on one medium, with its delivery record. */
export interface NoticeMessage {
  noticeId: number;
  version: number;
  kind: NoticeKind;
  sequence: number;
  noticeDeadline: Date;
  personId: number;
  organisationId: number | null;
  catchUp: boolean;
  outboxId: number;
  medium: Medium;
  address: string;
  status: OutboxEntry['status'];
  createdAt: Date;
  handedOverAt: Date | null;
  providerId: string | null;
  lastError: string | null;
}

interface NoticeMessageRow {
  notice_id: number; version: number; kind: NoticeKind; sequence: number; notice_deadline: string; person_id: number;
  organisation_id: number | null; catch_up: number; outbox_id: number; medium: Medium; address: string;
  status: OutboxEntry['status']; created_at: string; handed_over_at: string | null; provider_id: string | null; last_error: string | null;
}

export function noticeMessagesOf(db: Db, meetingId: number): NoticeMessage[] {
  const rows = db
    .prepare(
      `SELECT n.id AS notice_id, n.version, n.kind, n.sequence, n.notice_deadline, m.person_id, o.organisation_id, m.catch_up,
              o.id AS outbox_id, o.medium, o.address, o.status, o.created_at, o.handed_over_at, o.provider_id, o.last_error
       FROM meeting_notice_messages m
       JOIN meeting_notices n ON n.id = m.notice_id
       JOIN outbox o ON o.id = m.outbox_id
       WHERE n.meeting_id = ?
       ORDER BY n.version, o.id`,
    )
    .all(meetingId) as NoticeMessageRow[];
  return rows.map((r) => ({
    noticeId: r.notice_id, version: r.version, kind: r.kind, sequence: r.sequence, noticeDeadline: new Date(r.notice_deadline),
    personId: r.person_id, organisationId: r.organisation_id, catchUp: r.catch_up === 1, outboxId: r.outbox_id, medium: r.medium,
    address: r.address, status: r.status, createdAt: new Date(r.created_at),
    handedOverAt: r.handed_over_at ? new Date(r.handed_over_at) : null, providerId: r.provider_id, lastError: r.last_error,
  }));
}
