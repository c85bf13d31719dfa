import type { Db } from './db';
import type { Group } from './members';

import { MILESTONES, type Milestone } from '../domain/vocabulary';

export { MILESTONES, type Milestone };

export type MeetingStatus = 'scheduled' | 'noticed' | 'notice-missed' | 'cancelled' | 'held';

/** A meeting of the PWG or the PMG. Its short id is `M<id>`. */
export interface Meeting {
  id: number;
  exerciseId: number;
  group: Group;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  milestone: Milestone | null;
  status: MeetingStatus;
  /** Start minus the exercise's notice days, same wall-clock time (recomputed on postponement). */
  noticeDeadline: Date;
  /** Set when the meeting is held at short notice: shown in the invitation and the record. */
  urgentReason: string | null;
  /** iCalendar SEQUENCE of the event as members' calendars know it: raised by every notice after the first. */
  sequence: number;
  /** Raised on every agenda change. */
  agendaVersion: number;
  /** The agenda version members last received; null while nothing was sent. */
  sentAgendaVersion: number | null;
  organizerPersonId: number;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaItem {
  id: number;
  position: number;
  text: string;
}

interface MeetingRow {
  id: number; exercise_id: number; grp: Group; title: string; starts_at: string; duration_minutes: number;
  place: string | null; milestone: Milestone | null; status: MeetingStatus; notice_deadline: string;
  urgent_reason: string | null; sequence: number; agenda_version: number; sent_agenda_version: number | null;
  organizer_person_id: number; cancel_reason: string | null; created_at: string; updated_at: string;
}

const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id, exerciseId: r.exercise_id, group: r.grp, title: r.title, startsAt: new Date(r.starts_at),
  durationMinutes: r.duration_minutes, place: r.place, milestone: r.milestone, status: r.status,
  noticeDeadline: new Date(r.notice_deadline), urgentReason: r.urgent_reason, sequence: r.sequence,
  agendaVersion: r.agenda_version, sentAgendaVersion: r.sent_agenda_version, organizerPersonId: r.organizer_person_id,
  cancelReason: r.cancel_reason, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** The meeting's end: its start plus its duration. */
export function meetingEnd(m: Pick<Meeting, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
}

/** `meeting:12`: the `ref` of its jobs and outbox rows. */
export function meetingRef(id: number): string {
  return `meeting:${id}`;
}

export function meetingIdOfRef(ref: string): number | null {
  const m = /^meeting:(\d+)$/.exec(ref);
  return m ? Number(m[1]) : null;
}

export function insertMeeting(
  db: Db,
  m: {
    exerciseId: number; group: Group; title: string; startsAt: Date; durationMinutes: number; place: string | null;
    milestone: Milestone | null; noticeDeadline: Date; urgentReason: string | null; organizerPersonId: number; at: string;
  },
): Meeting {
  const info = db
    .prepare(
      `INSERT INTO meetings (exercise_id, grp, title, starts_at, duration_minutes, place, milestone, notice_deadline,
         urgent_reason, organizer_person_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(m.exerciseId, m.group, m.title, m.startsAt.toISOString(), m.durationMinutes, m.place, m.milestone,
      m.noticeDeadline.toISOString(), m.urgentReason, m.organizerPersonId, m.at, m.at);
  return meetingById(db, Number(info.lastInsertRowid))!;
}

export function meetingById(db: Db, id: number): Meeting | undefined {
  const r = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  return r && toMeeting(r);
}

/** The exercise's meetings by start time. */
export function meetingsOf(db: Db, exerciseId: number): Meeting[] {
  return (db.prepare('SELECT * FROM meetings WHERE exercise_id = ? ORDER BY starts_at, id').all(exerciseId) as MeetingRow[]).map(toMeeting);
}

/** Meetings whose notice went out and that have not started: a member added now still needs it. */
export function noticedUpcoming(db: Db, exerciseId: number, now: Date): Meeting[] {
  return (
    db
      .prepare(`SELECT * FROM meetings WHERE exercise_id = ? AND status = 'noticed' AND starts_at > ? ORDER BY starts_at, id`)
      .all(exerciseId, now.toISOString()) as MeetingRow[]
  ).map(toMeeting);
}

/** Whether any meeting of the exercise has its notice out and is still to start (one index range). */
export function hasNoticedUpcoming(db: Db, exerciseId: number, now: Date): boolean {
  return db.prepare(`SELECT 1 FROM meetings WHERE exercise_id = ? AND starts_at > ? AND status = 'noticed' LIMIT 1`).get(exerciseId, now.toISOString()) !== undefined;
}

export function setMeetingStatus(db: Db, id: number, status: MeetingStatus, at: string): void {
  db.prepare('UPDATE meetings SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
}

/** Moves the meeting; `sequence` is what members' calendars will see next. */
export function moveMeeting(
  db: Db,
  id: number,
  m: { startsAt: Date; noticeDeadline: Date; sequence: number; status: MeetingStatus; urgentReason: string | null; at: string },
): void {
  db.prepare(
    `UPDATE meetings SET starts_at = ?, notice_deadline = ?, sequence = ?, status = ?, urgent_reason = ?, updated_at = ? WHERE id = ?`,
  ).run(m.startsAt.toISOString(), m.noticeDeadline.toISOString(), m.sequence, m.status, m.urgentReason, m.at, id);
}

/**
 * Records what members now have: the agenda version sent, the status, and the calendar SEQUENCE
 * when this notice raises it (an amended agenda; a postponement raised it when moving the meeting).
 */
export function markNoticeSent(db: Db, id: number, n: { agendaVersion: number; urgentReason: string | null; at: string; sequence?: number }): void {
  db.prepare(
    `UPDATE meetings SET status = 'noticed', sent_agenda_version = ?, urgent_reason = ?, sequence = COALESCE(?, sequence), updated_at = ? WHERE id = ?`,
  ).run(n.agendaVersion, n.urgentReason, n.sequence ?? null, n.at, id);
}

export function markCancelled(db: Db, id: number, c: { reason: string; sequence: number; at: string }): void {
  db.prepare(`UPDATE meetings SET status = 'cancelled', cancel_reason = ?, sequence = ?, updated_at = ? WHERE id = ?`).run(
    c.reason, c.sequence, c.at, id,
  );
}

// ---- agenda

export function agendaOf(db: Db, meetingId: number): AgendaItem[] {
  return (db.prepare('SELECT id, position, text FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as AgendaItem[]);
}

function touchAgenda(db: Db, meetingId: number, at: string): void {
  db.prepare('UPDATE meetings SET agenda_version = agenda_version + 1, updated_at = ? WHERE id = ?').run(at, meetingId);
}

/** Writes the agenda in the given order (positions 1..n), replacing what was there. */
function writeAgenda(db: Db, meetingId: number, items: { text: string; addedAt: string }[]): void {
  db.prepare('DELETE FROM agenda_items WHERE meeting_id = ?').run(meetingId);
  const insert = db.prepare('INSERT INTO agenda_items (meeting_id, position, text, added_at) VALUES (?, ?, ?, ?)');
  items.forEach((item, i) => insert.run(meetingId, i + 1, item.text, item.addedAt));
}

function agendaWithDates(db: Db, meetingId: number): { text: string; addedAt: string }[] {
  return (db.prepare('SELECT text, added_at FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as {
    text: string; added_at: string;
  }[]).map((r) => ({ text: r.text, addedAt: r.added_at }));
}

export function addAgendaItem(db: Db, meetingId: number, text: string, at: string): number {
  const items = agendaWithDates(db, meetingId);
  items.push({ text, addedAt: at });
  writeAgenda(db, meetingId, items);
  touchAgenda(db, meetingId, at);
  return items.length;
}

/** Removes item `n` (1-based); returns its text. The caller checks that `n` exists. */
export function removeAgendaItem(db: Db, meetingId: number, n: number, at: string): string {
  const items = agendaWithDates(db, meetingId);
  const [removed] = items.splice(n - 1, 1);
  writeAgenda(db, meetingId, items);
  touchAgenda(db, meetingId, at);
  return removed!.text;
}

/** Moves item `from` to position `to` (both 1-based, both existing); returns its text. */
export function moveAgendaItem(db: Db, meetingId: number, from: number, to: number, at: string): string {
  const items = agendaWithDates(db, meetingId);
  const [moved] = items.splice(from - 1, 1);
  items.splice(to - 1, 0, moved!);
  writeAgenda(db, meetingId, items);
  touchAgenda(db, meetingId, at);
  return moved!.text;
}
