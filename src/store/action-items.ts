import type { Db } from './db';

/**
 * An action item from a meeting's minutes: an owner organisation, a due date, what to do. Shown as
 * A<id>. The row stays as captured; `text` is the latest edit (`minutes_revisions`), and a removed
 * item is not found or listed.
 */
export interface ActionItem {
  id: number;
  exerciseId: number;
  meetingId: number;
  organisation: { id: number; acronym: string };
  /** YYYY-MM-DD in the exercise's zone. */
  dueDate: string;
  text: string;
  capturedAt: string;
  capturedBy: { id: number; name: string } | null;
  status: 'open' | 'done';
  doneAt: string | null;
  doneBy: { id: number; name: string } | null;
}

interface ActionRow {
  id: number; exercise_id: number; meeting_id: number; organisation_id: number; acronym: string; due_date: string; text: string;
  captured_at: string; captured_by_person_id: number | null; captured_name: string | null; status: 'open' | 'done';
  done_at: string | null; done_by_person_id: number | null; done_name: string | null;
}

const toAction = (r: ActionRow): ActionItem => ({
  id: r.id, exerciseId: r.exercise_id, meetingId: r.meeting_id, organisation: { id: r.organisation_id, acronym: r.acronym },
  dueDate: r.due_date, text: r.text, capturedAt: r.captured_at,
  capturedBy: r.captured_by_person_id === null ? null : { id: r.captured_by_person_id, name: r.captured_name ?? '' },
  status: r.status, doneAt: r.done_at,
  doneBy: r.done_by_person_id === null ? null : { id: r.done_by_person_id, name: r.done_name ?? '' },
});

/** Every query below adds its conditions with AND. */
const select = `
  SELECT a.id, a.exercise_id, a.meeting_id, a.organisation_id, a.due_date, a.captured_at, a.captured_by_person_id, a.status, a.done_at,
         a.done_by_person_id, o.acronym AS acronym, c.name AS captured_name, d.name AS done_name,
         COALESCE((SELECT r.text FROM minutes_revisions r WHERE r.action_item_id = a.id AND r.change = 'edit' ORDER BY r.id DESC LIMIT 1), a.text) AS text
  FROM action_items a JOIN organisations o ON o.id = a.organisation_id
  LEFT JOIN people c ON c.id = a.captured_by_person_id LEFT JOIN people d ON d.id = a.done_by_person_id
  WHERE NOT EXISTS (SELECT 1 FROM minutes_revisions r WHERE r.action_item_id = a.id AND r.change = 'remove')`;

export function insertAction(
  db: Db,
  a: { exerciseId: number; meetingId: number; organisationId: number; dueDate: string; text: string; at: string; byPersonId: number | null },
): ActionItem {
  const info = db
    .prepare(
      `INSERT INTO action_items (exercise_id, meeting_id, organisation_id, due_date, text, captured_at, captured_by_person_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.exerciseId, a.meetingId, a.organisationId, a.dueDate, a.text, a.at, a.byPersonId);
  return actionById(db, a.exerciseId, Number(info.lastInsertRowid))!;
}

export function actionById(db: Db, exerciseId: number, id: number): ActionItem | undefined {
  const r = db.prepare(`${select} AND a.exercise_id = ? AND a.id = ?`).get(exerciseId, id) as ActionRow | undefined;
  return r && toAction(r);
}

export function actionsOfMeeting(db: Db, meetingId: number): ActionItem[] {
  return (db.prepare(`${select} AND a.meeting_id = ? ORDER BY a.id`).all(meetingId) as ActionRow[]).map(toAction);
}

/** The exercise's action items by due date; `open` only those not done. */
export function actionsOf(db: Db, exerciseId: number, which: 'open' | 'all'): ActionItem[] {
  const rows = (
    which === 'open'
      ? db.prepare(`${select} AND a.exercise_id = ? AND a.status = 'open' ORDER BY a.due_date, a.id`).all(exerciseId)
      : db.prepare(`${select} AND a.exercise_id = ? ORDER BY a.due_date, a.id`).all(exerciseId)
  ) as ActionRow[];
  return rows.map(toAction);
}

/** Closes an open item; false when it was already done (so it is closed once). */
export function markActionDone(db: Db, id: number, at: string, byPersonId: number | null): boolean {
  return (
    db.prepare(`UPDATE action_items SET status = 'done', done_at = ?, done_by_person_id = ? WHERE id = ? AND status = 'open'`).run(at, byPersonId, id)
      .changes === 1
  );
}

/** `action:7`: the `ref` of an action item's jobs and reminders. */
export function actionRef(id: number): string {
  return `action:${id}`;
}

export function actionIdOfRef(ref: string): number | null {
  const m = /^action:(\d+)$/.exec(ref);
  return m ? Number(m[1]) : null;
}
