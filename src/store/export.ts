import type { Db } from './db';
import { recordedRows } from './recorded-rows';
import { select, type Row } from './select-rows';

const OF_MEETINGS = 'SELECT id FROM meetings WHERE exercise_id = ?';

/**
 * Every row that belongs to one exercise, table by table, as stored (keys in camelCase). Read-only;
 * the caller runs it inside one transaction so the lists agree with each other.
 */
export function exerciseRows(db: Db, exerciseId: number): Record<string, Row[]> {
  const e = [exerciseId];
  const people = 'SELECT person_id FROM memberships WHERE exercise_id = ?';
  return {
    organisations: select(db, 'SELECT id, acronym, name, in_pmg, added_at FROM organisations WHERE exercise_id = ? ORDER BY id', e, { booleans: ['in_pmg'] }),
    people: select(db, `SELECT id, email, name, time_zone, email_status, email_status_detail FROM people WHERE id IN (${people}) ORDER BY id`, e),
    memberships: select(db, 'SELECT id, person_id, role, organisation_id, active, added_at, removed_at FROM memberships WHERE exercise_id = ? ORDER BY id', e, { booleans: ['active'] }),
    chatIdentities: select(db, `SELECT medium, user_id, person_id, linked_at, linked_by FROM chat_identities WHERE person_id IN (${people}) ORDER BY person_id, medium`, e),
    channels: select(db, 'SELECT grp, medium, channel_id, bound_at FROM exercise_channels WHERE exercise_id = ? ORDER BY grp, medium', e, { rename: { grp: 'group' } }),
    meetings: select(db, 'SELECT * FROM meetings WHERE exercise_id = ? ORDER BY id', e, { rename: { grp: 'group' }, omit: ['exercise_id'] }),
    agendaItems: select(db, `SELECT * FROM agenda_items WHERE meeting_id IN (${OF_MEETINGS}) ORDER BY meeting_id, position`, e),
    meetingNotices: select(db, `SELECT * FROM meeting_notices WHERE meeting_id IN (${OF_MEETINGS}) ORDER BY id`, e, { booleans: ['late'], json: ['agenda'] }),
    noticeMessages: select(
      db,
      `SELECT * FROM meeting_notice_messages WHERE notice_id IN (SELECT id FROM meeting_notices WHERE meeting_id IN (${OF_MEETINGS})) ORDER BY outbox_id`,
      e,
      { booleans: ['catch_up'] },
    ),
    messages: recordedRows(db, 'message', 'exercise', exerciseId),
    endorsements: select(db, 'SELECT * FROM endorsements WHERE exercise_id = ? ORDER BY id', e, { rename: { grp: 'group' }, omit: ['exercise_id'] }),
    votes: recordedRows(db, 'vote', 'exercise', exerciseId),
    minutesEntries: select(db, `SELECT * FROM minutes_entries WHERE meeting_id IN (${OF_MEETINGS}) ORDER BY id`, e),
    minutesRevisions: select(db, `SELECT * FROM minutes_revisions WHERE meeting_id IN (${OF_MEETINGS}) ORDER BY id`, e),
    attendance: select(db, `SELECT * FROM minutes_attendance WHERE meeting_id IN (${OF_MEETINGS}) ORDER BY id`, e, { json: ['organisation_ids'] }),
    minutesVersions: recordedRows(db, 'minutes', 'exercise', exerciseId),
    minutesMessages: select(
      db,
      `SELECT * FROM minutes_messages WHERE version_id IN (SELECT id FROM minutes_versions WHERE meeting_id IN (${OF_MEETINGS})) ORDER BY outbox_id`,
      e,
    ),
    actionItems: select(db, 'SELECT * FROM action_items WHERE exercise_id = ? ORDER BY id', e, { omit: ['exercise_id'] }),
    jobs: select(db, 'SELECT id, kind, ref, due_at, payload, status, done_at, late, note FROM jobs WHERE exercise_id = ? ORDER BY id', e, {
      booleans: ['late'],
      json: ['payload'],
    }),
    auditLog: select(db, 'SELECT id, at, actor_person_id, actor, action, command, outcome, detail, state, prev_hash, hash FROM audit_log WHERE exercise_id = ? ORDER BY id', e, {
      json: ['detail', 'state'],
    }),
  };
}
