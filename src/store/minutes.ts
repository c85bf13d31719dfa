import type { Db } from './db';

export type EntryKind = 'note' | 'decision';

/**
 * A note or a decision of a meeting's minutes, in the order captured. The row stays as captured;
 * `text` is the latest edit (`minutes_revisions`), and a removed one is not listed.
 */
export interface MinutesEntry {
  id: number;
  meetingId: number;
  kind: EntryKind;
  text: string;
  capturedAt: string;
  capturedBy: { id: number; name: string } | null;
}

interface EntryRow {
  id: number; meeting_id: number; kind: EntryKind; text: string; captured_at: string;
  captured_by_person_id: number | null; person_name: string | null;
}

const toEntry = (r: EntryRow): MinutesEntry => ({
  id: r.id, meetingId: r.meeting_id, kind: r.kind, text: r.text, capturedAt: r.captured_at,
  capturedBy: r.captured_by_person_id === null ? null : { id: r.captured_by_person_id, name: r.person_name ?? '' },
});

export function insertEntry(db: Db, e: { meetingId: number; kind: EntryKind; text: string; at: string; byPersonId: number | null }): MinutesEntry {
  const info = db
    .prepare('INSERT INTO minutes_entries (meeting_id, kind, text, captured_at, captured_by_person_id) VALUES (?, ?, ?, ?, ?)')
    .run(e.meetingId, e.kind, e.text, e.at, e.byPersonId);
  return entriesOf(db, e.meetingId).find((x) => x.id === Number(info.lastInsertRowid))!;
}

export function entriesOf(db: Db, meetingId: number): MinutesEntry[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.meeting_id, e.kind, e.captured_at, e.captured_by_person_id, p.name AS person_name,
              COALESCE((SELECT r.text FROM minutes_revisions r WHERE r.entry_id = e.id AND r.change = 'edit' ORDER BY r.id DESC LIMIT 1), e.text) AS text
       FROM minutes_entries e LEFT JOIN people p ON p.id = e.captured_by_person_id
       WHERE e.meeting_id = ? AND NOT EXISTS (SELECT 1 FROM minutes_revisions r WHERE r.entry_id = e.id AND r.change = 'remove')
       ORDER BY e.id`,
    )
    .all(meetingId) as EntryRow[];
  return rows.map(toEntry);
}

// ---- revisions

/** What a revision is about: a note or decision (`minutes_entries`), or an action item. */
export type RevisedItem = { entryId: number } | { actionItemId: number };

/** Records an edit (new text) or a removal of a captured item; what was captured stays as it was. */
export function insertRevision(
  db: Db,
  r: { meetingId: number; item: RevisedItem; change: 'edit' | 'remove'; text: string | null; at: string; byPersonId: number | null },
): void {
  db.prepare(
    `INSERT INTO minutes_revisions (meeting_id, entry_id, action_item_id, change, text, revised_at, revised_by_person_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.meetingId, 'entryId' in r.item ? r.item.entryId : null, 'actionItemId' in r.item ? r.item.actionItemId : null, r.change, r.text, r.at, r.byPersonId);
}

// ---- attendance

/** The organisations recorded as present; the latest record of a meeting is its attendance. */
export interface Attendance {
  id: number;
  meetingId: number;
  organisationIds: number[];
  recordedAt: string;
  recordedByPersonId: number | null;
}

interface AttendanceRow { id: number; meeting_id: number; organisation_ids: string; recorded_at: string; recorded_by_person_id: number | null }

const toAttendance = (r: AttendanceRow): Attendance => ({
  id: r.id, meetingId: r.meeting_id, organisationIds: JSON.parse(r.organisation_ids) as number[],
  recordedAt: r.recorded_at, recordedByPersonId: r.recorded_by_person_id,
});

export function recordAttendance(db: Db, a: { meetingId: number; organisationIds: number[]; at: string; byPersonId: number | null }): void {
  db.prepare('INSERT INTO minutes_attendance (meeting_id, organisation_ids, recorded_at, recorded_by_person_id) VALUES (?, ?, ?, ?)').run(
    a.meetingId, JSON.stringify(a.organisationIds), a.at, a.byPersonId,
  );
}

export function attendanceOf(db: Db, meetingId: number): Attendance | undefined {
  const r = db.prepare('SELECT * FROM minutes_attendance WHERE meeting_id = ? ORDER BY id DESC LIMIT 1').get(meetingId) as AttendanceRow | undefined;
  return r && toAttendance(r);
}

// ---- published versions

/** What a published version said, as it was published (see `MinutesContent` in the use cases). */
export interface MinutesVersion {
  id: number;
  meetingId: number;
  version: number;
  /** What changed, for a correction (version 2 and later). */
  correction: string | null;
  content: unknown;
  publishedAt: string;
  publishedByPersonId: number | null;
  /** The date (YYYY-MM-DD, the exercise's zone) the minutes were due by. */
  dueDate: string;
  late: boolean;
}

interface VersionRow {
  id: number; meeting_id: number; version: number; correction: string | null; content: string; published_at: string;
  published_by_person_id: number | null; due_date: string; late: number;
}

const toVersion = (r: VersionRow): MinutesVersion => ({
  id: r.id, meetingId: r.meeting_id, version: r.version, correction: r.correction, content: JSON.parse(r.content) as unknown,
  publishedAt: r.published_at, publishedByPersonId: r.published_by_person_id, dueDate: r.due_date, late: r.late === 1,
});

/** Publishes the next version; the UNIQUE (meeting, version) makes a double publication fail, never duplicate. */
export function insertVersion(
  db: Db,
  v: { meetingId: number; correction: string | null; content: unknown; at: string; byPersonId: number | null; dueDate: string; late: boolean },
): MinutesVersion {
  const { next } = db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM minutes_versions WHERE meeting_id = ?').get(v.meetingId) as { next: number };
  const info = db
    .prepare(
      `INSERT INTO minutes_versions (meeting_id, version, correction, content, published_at, published_by_person_id, due_date, late)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.meetingId, next, v.correction, JSON.stringify(v.content), v.at, v.byPersonId, v.dueDate, v.late ? 1 : 0);
  return toVersion(db.prepare('SELECT * FROM minutes_versions WHERE id = ?').get(Number(info.lastInsertRowid)) as VersionRow);
}

export function versionsOf(db: Db, meetingId: number): MinutesVersion[] {
  return (db.prepare('SELECT * FROM minutes_versions WHERE meeting_id = ? ORDER BY version').all(meetingId) as VersionRow[]).map(toVersion);
}

/** Meetings of the exercise whose minutes were published (at least version 1). */
export function publishedMeetingIds(db: Db, exerciseId: number): Set<number> {
  const rows = db
    .prepare('SELECT DISTINCT v.meeting_id FROM minutes_versions v JOIN meetings m ON m.id = v.meeting_id WHERE m.exercise_id = ?')
    .all(exerciseId) as { meeting_id: number }[];
  return new Set(rows.map((r) => r.meeting_id));
}

/** Ties the outbox rows that carried a version to it, so "who was sent the minutes" is a query. */
export function linkMinutesMessages(db: Db, versionId: number, personId: number | null, outboxIds: number[]): void {
  const insert = db.prepare('INSERT INTO minutes_messages (outbox_id, version_id, person_id) VALUES (?, ?, ?)');
  for (const id of outboxIds) insert.run(id, versionId, personId);
}

/** How the messages of a version fared: rows by outbox status. */
export function versionDelivery(db: Db, versionId: number): { people: number; messages: number; sent: number; failed: number; waiting: number } {
  const r = db
    .prepare(
      `SELECT COUNT(DISTINCT mm.person_id) AS people, COUNT(*) AS messages,
              SUM(o.status = 'sent') AS sent, SUM(o.status = 'failed') AS failed
       FROM minutes_messages mm JOIN outbox o ON o.id = mm.outbox_id WHERE mm.version_id = ?`,
    )
    .get(versionId) as { people: number; messages: number; sent: number | null; failed: number | null };
  const sent = r.sent ?? 0;
  const failed = r.failed ?? 0;
  return { people: r.people, messages: r.messages, sent, failed, waiting: r.messages - sent - failed };
}
