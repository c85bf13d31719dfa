/**
 * Builds a large database on the real schema: `scale` exercises, each with 100 people (22 active
 * members: a coordinator, an observer, two focal points in each of 10 organisations; 78 former
 * members), 200 meetings with their notices, 2,000 votes on 100 requests and about 10,000 history
 * rows (outbox, notice messages, audit, done jobs). At 100× that is 100 exercises, 10,000 people,
 * 20,000 meetings, 200,000 votes and about 1,000,000 history rows, as issue 10 measured.
 *
 * Members come through the real set-up use case, audit rows through `appendAudit` and outbox rows
 * through `enqueue` (so schema changes of those stay honoured); the rest is bulk SQL in one
 * transaction. The state at `NOW` is idle: every pending job and message falls due later.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../../src/store/audit';
import type { Db } from '../../src/store/db';
import { enqueue } from '../../src/store/outbox';
import { scheduleJob } from '../../src/store/jobs';
import { setUpExerciseSafely } from '../../src/use-cases/exercise/init-exercise';

/** The instant the generated database is idle at. */
export const NOW = new Date('2026-11-22T09:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export const PER_EXERCISE = { people: 100, meetings: 200, requests: 100, votesPerRequest: 20, noticedToCome: 5, scheduledToCome: 5 };

function setup(i: number): unknown {
  const orgs = Array.from({ length: 10 }, (_, o) => ({
    acronym: `O${o}`,
    name: `Organisation ${o} of exercise ${i}`,
    pmg: o < 5,
    focalPoints: [0, 1].map((f) => ({ email: `f${f}.o${o}.x${i}@example.org`, name: `Focal ${f} of O${o}` })),
  }));
  return {
    name: `Exercise ${i}`,
    timeZone: 'Europe/Belgrade',
    noticeDays: 7,
    minutesDays: 7,
    coordinator: { email: `coordinator.x${i}@example.org`, name: `Coordinator ${i}`, organisation: 'O0' },
    organisations: orgs,
    observers: [{ email: `observer.x${i}@example.org`, name: `Observer ${i}` }],
  };
}

/** Fills `db` (freshly opened, migrated, empty) with `scale` exercises. Returns the row counts. */
export function generate(db: Db, scale: number): Record<string, number> {
  for (let i = 1; i <= scale; i++) {
    const r = setUpExerciseSafely(db, setup(i), new Date(NOW.getTime() - 400 * DAY), 'bench');
    if (!r.ok) throw new Error(r.message);
  }
  const fill = db.transaction(() => {
    for (let x = 1; x <= scale; x++) fillExercise(db, x);
    // Everything queued was handed over long ago. (In bulk: the audit chain's capture of handed-over
    // messages is for one command's few, so its notes of these are dropped.)
    db.prepare(`UPDATE outbox SET status = 'sent', attempts = 1, handed_over_at = created_at, provider_id = 'p' || id WHERE status = 'pending'`).run();
    const capture = db.prepare(`SELECT 1 FROM temp.sqlite_master WHERE name = 'audit_pending'`).get();
    if (capture) db.exec('DELETE FROM temp.audit_pending');
  });
  fill.immediate();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const tables = ['exercises', 'people', 'memberships', 'meetings', 'meeting_notices', 'meeting_notice_messages', 'endorsements', 'endorsement_votes', 'outbox', 'audit_log', 'jobs'];
  return Object.fromEntries(tables.map((t) => [t, count(t)]));
}

function fillExercise(db: Db, x: number): void {
  const ex = db.prepare('SELECT id FROM exercises WHERE slug = ?').get(`exercise-${x}`) as { id: number } | undefined;
  if (!ex) throw new Error(`exercise-${x} was not set up`);
  const exerciseId = ex.id;
  const members = db.prepare('SELECT person_id AS personId, organisation_id AS organisationId, role FROM memberships WHERE exercise_id = ? AND active = 1').all(exerciseId) as {
    personId: number; organisationId: number | null; role: string;
  }[];
  const coordinator = members.find((m) => m.role === 'coordinator')!.personId;
  const focal = members.filter((m) => m.role === 'focal');
  const orgIds = [...new Set(focal.map((m) => m.organisationId!))];

  // Former members: people who were focal points once.
  const insertPerson = db.prepare('INSERT INTO people (email, name, created_at) VALUES (?, ?, ?)');
  const insertMembership = db.prepare(
    `INSERT INTO memberships (exercise_id, person_id, role, organisation_id, active, added_at, removed_at) VALUES (?, ?, 'focal', ?, 0, ?, ?)`,
  );
  for (let p = 0; p < PER_EXERCISE.people - members.length; p++) {
    const id = Number(insertPerson.run(`former${p}.x${x}@example.org`, `Former ${p}`, iso(NOW.getTime() - 390 * DAY)).lastInsertRowid);
    insertMembership.run(exerciseId, id, orgIds[p % orgIds.length], iso(NOW.getTime() - 390 * DAY), iso(NOW.getTime() - 200 * DAY));
  }

  const insertMeeting = db.prepare(
    `INSERT INTO meetings (exercise_id, grp, title, starts_at, duration_minutes, status, notice_deadline, sequence, agenda_version, sent_agenda_version, organizer_person_id, created_at, updated_at)
     VALUES (?, 'PWG', ?, ?, 120, ?, ?, 0, 2, ?, ?, ?, ?)`,
  );
  const insertAgenda = db.prepare('INSERT INTO agenda_items (meeting_id, position, text, added_at) VALUES (?, ?, ?, ?)');
  const insertNotice = db.prepare(
    `INSERT INTO meeting_notices (meeting_id, version, kind, sequence, starts_at, notice_deadline, agenda, sent_at, sent_by_person_id, late) VALUES (?, 1, 'invitation', 0, ?, ?, ?, ?, ?, 0)`,
  );
  const linkNotice = db.prepare('INSERT INTO meeting_notice_messages (outbox_id, notice_id, person_id) VALUES (?, ?, ?)');
  const insertJob = db.prepare(`INSERT INTO jobs (exercise_id, kind, ref, due_at, run_at, status, done_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const past = PER_EXERCISE.meetings - PER_EXERCISE.noticedToCome - PER_EXERCISE.scheduledToCome;
  for (let m = 0; m < PER_EXERCISE.meetings; m++) {
    const toCome = m >= past;
    const start = toCome ? NOW.getTime() + (m - past + 3) * DAY : NOW.getTime() - (past - m) * DAY;
    const deadline = start - 7 * DAY;
    const status = !toCome ? 'held' : m < past + PER_EXERCISE.noticedToCome ? 'noticed' : 'scheduled';
    const sent = status !== 'scheduled';
    const created = Math.min(deadline - 5 * DAY, NOW.getTime() - DAY);
    const id = Number(
      insertMeeting.run(exerciseId, `Meeting ${m}`, iso(start), status, iso(deadline), sent ? 2 : null, coordinator, iso(created), iso(created)).lastInsertRowid,
    );
    insertAgenda.run(id, 1, 'Review of the draft TOR', iso(created));
    insertAgenda.run(id, 2, 'Any other business', iso(created));
    const ref = `meeting:${id}`;
    const job = (kind: string, at: number) => {
      const done = at <= NOW.getTime();
      insertJob.run(exerciseId, kind, ref, iso(at), iso(at), done ? 'done' : 'pending', done ? iso(at) : null, done ? 'done' : null);
    };
    job('meeting-member-reminder', start - DAY);
    job('meeting-held', start + 2 * 3600_000);
    if (!sent) {
      job('meeting-notice-reminder', deadline - 3 * DAY);
      job('meeting-notice-missed', deadline + 60_000);
      continue;
    }
    const sentAt = deadline - 2 * DAY;
    const notice = Number(insertNotice.run(id, iso(start), iso(deadline), JSON.stringify(['Review of the draft TOR', 'Any other business']), iso(sentAt), coordinator).lastInsertRowid);
    for (const member of members) {
      const outboxId = enqueue(
        db,
        {
          exerciseId, kind: 'meeting-invitation', ref, medium: 'email', address: `person-${member.personId}@example.org`,
          personId: member.personId, organisationId: member.organisationId, payload: { subject: `Invitation: Meeting ${m}`, text: 'Agenda: ...' },
        },
        iso(sentAt),
      );
      linkNotice.run(outboxId, notice, member.personId);
    }
    appendAudit(db, { exerciseId, at: iso(sentAt), actorPersonId: coordinator, actor: `coordinator.x${x}@example.org`, action: 'meeting send', command: `/meeting send M${id}`, outcome: 'accepted', detail: { meeting: id } });
  }

  const insertRequest = db.prepare(
    `INSERT INTO endorsements (exercise_id, grp, title, rule, quorum, deadline_at, opened_at, opened_by_person_id, status, outcome, closed_at, closed_how)
     VALUES (?, 'PWG', ?, 'majority', 6, ?, ?, ?, 'closed', 'endorsed', ?, 'deadline')`,
  );
  const insertVote = db.prepare(
    `INSERT INTO endorsement_votes (endorsement_id, organisation_id, choice, cast_by_person_id, cast_at, current, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let e = 0; e < PER_EXERCISE.requests; e++) {
    const opened = NOW.getTime() - (PER_EXERCISE.requests - e + 10) * 3 * DAY;
    const id = Number(insertRequest.run(exerciseId, `Document ${e}`, iso(opened + 10 * DAY), iso(opened), coordinator, iso(opened + 10 * DAY)).lastInsertRowid);
    for (let v = 0; v < PER_EXERCISE.votesPerRequest; v++) {
      const org = orgIds[v % orgIds.length]!;
      const final = v >= orgIds.length;
      const by = focal.find((f) => f.organisationId === org)!.personId;
      const at = opened + (v + 1) * 3600_000;
      insertVote.run(id, org, v % 3 === 0 ? 'object' : 'endorse', by, iso(at), final ? 1 : 0, final ? null : iso(at + 30 * 3600_000));
      const outboxId = enqueue(
        db,
        { exerciseId, kind: 'endorsement-receipt', ref: `endorsement:${id}`, medium: 'email', address: `person-${by}@example.org`, personId: by, organisationId: org, payload: { subject: 'Receipt', text: 'Your vote' } },
        iso(at),
      );
      if (outboxId % 2 === 0) appendAudit(db, { exerciseId, at: iso(at), actorPersonId: by, actor: `person-${by}`, action: 'endorse vote', command: `/endorse vote E${id} endorse`, outcome: 'accepted', detail: { endorsement: `E${id}` } });
    }
  }
}

/** The generated database of this run at `scale` (built on first use, then reused by every suite). */
export function generatedDatabase(dir: string, scale: number, open: (path: string) => Db): { db: Db; counts: Record<string, number> | null } {
  const path = join(dir, `generated-${scale}x.sqlite`);
  const fresh = !existsSync(path);
  const db = open(path);
  if (!fresh) return { db, counts: null };
  const t0 = Date.now();
  const counts = generate(db, scale);
  console.log(`generated ${scale}× in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  return { db, counts };
}

/** Plans the first minutes reminder of every held meeting (of one exercise, or all), due at `dueAt`: a tick with real work. */
export function planMinutesReminders(db: Db, dueAt: Date, exerciseId?: number): void {
  const held = db.prepare(`SELECT id, exercise_id AS exerciseId FROM meetings WHERE status = 'held' AND (? IS NULL OR exercise_id = ?)`).all(exerciseId ?? null, exerciseId ?? null) as { id: number; exerciseId: number }[];
  for (const m of held) scheduleJob(db, { exerciseId: m.exerciseId, kind: 'minutes-reminder', ref: `minutes:${m.id}`, dueAt: dueAt.toISOString() });
}
