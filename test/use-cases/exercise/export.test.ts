import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { meetingWithAgenda, no, ok } from '../../helpers/meetings';
import { FOCAL, SECOND_UNICEF } from '../../helpers/endorsements';
import { exportSchema, type ExerciseRecord } from '../../../src/use-cases/exercise/export-schema';
import { linkIdentity, personByEmail } from '../../../src/store/members';
import { outboxOfExercise } from '../../../src/store/outbox';

let app: TestApp;
afterEach(() => app?.close());

/** A little of everything: meetings, notices, an amended agenda, votes replaced and by proxy, minutes in two versions, a removed focal point. */
async function busyExercise(): Promise<void> {
  app = createTestApp({ now: '2026-11-10T09:00:00Z' });
  meetingWithAgenda(app, '2026-12-01', '10:00', 'milestone:tor');
  ok(app, '/meeting send M1');
  ok(app, '/meeting agenda M1 add Any other business');
  ok(app, '/meeting send M1');
  ok(app, '/meeting schedule PMG 2027-01-20 10:00 Workplan');
  ok(app, '/endorse open PWG Terms of Reference version:v1 meeting:M1');
  ok(app, '/endorse vote E1 object Section IV | needs <b>work</b>', FOCAL.KAS);
  ok(app, '/endorse vote E1 endorse Objection withdrawn', FOCAL.KAS);
  ok(app, '/endorse proxy E1 SCR endorse given by phone');
  ok(app, `/members remove-focal UNICEF ${SECOND_UNICEF}`);
  await app.sender.drain();
  app.clock.set('2026-12-01T09:30:00Z');
  ok(app, '/minutes note M1 KAS asked <script>alert(1)</script> about **the frame**');
  ok(app, '/minutes decision M1 The TOR is agreed');
  ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
  ok(app, '/minutes attendance M1 MCR UNHCR KAS');
  app.clock.set('2026-12-02T09:00:00Z');
  ok(app, '/minutes publish M1');
  ok(app, '/minutes correct M1 Decision 1 names the TOR version: v1');
  await app.scheduler.tick();
}

const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;

/** Each table's rows for exercise 1, counted straight from the database. */
function tableCounts(): Record<keyof ExerciseRecord & string, number> {
  const meetings = 'SELECT id FROM meetings WHERE exercise_id = 1';
  return {
    organisations: count('SELECT COUNT(*) AS n FROM organisations WHERE exercise_id = 1'),
    people: count('SELECT COUNT(DISTINCT person_id) AS n FROM memberships WHERE exercise_id = 1'),
    memberships: count('SELECT COUNT(*) AS n FROM memberships WHERE exercise_id = 1'),
    chatIdentities: count('SELECT COUNT(*) AS n FROM chat_identities WHERE person_id IN (SELECT person_id FROM memberships WHERE exercise_id = 1)'),
    channels: count('SELECT COUNT(*) AS n FROM exercise_channels WHERE exercise_id = 1'),
    meetings: count('SELECT COUNT(*) AS n FROM meetings WHERE exercise_id = 1'),
    agendaItems: count(`SELECT COUNT(*) AS n FROM agenda_items WHERE meeting_id IN (${meetings})`),
    meetingNotices: count(`SELECT COUNT(*) AS n FROM meeting_notices WHERE meeting_id IN (${meetings})`),
    noticeMessages: count('SELECT COUNT(*) AS n FROM meeting_notice_messages'),
    messages: count('SELECT COUNT(*) AS n FROM outbox WHERE exercise_id = 1'),
    endorsements: count('SELECT COUNT(*) AS n FROM endorsements WHERE exercise_id = 1'),
    votes: count('SELECT COUNT(*) AS n FROM endorsement_votes'),
    minutesEntries: count('SELECT COUNT(*) AS n FROM minutes_entries'),
    minutesRevisions: count('SELECT COUNT(*) AS n FROM minutes_revisions'),
    attendance: count('SELECT COUNT(*) AS n FROM minutes_attendance'),
    minutesVersions: count('SELECT COUNT(*) AS n FROM minutes_versions'),
    minutesMessages: count('SELECT COUNT(*) AS n FROM minutes_messages'),
    actionItems: count('SELECT COUNT(*) AS n FROM action_items'),
    jobs: count('SELECT COUNT(*) AS n FROM jobs WHERE exercise_id = 1'),
    auditLog: count('SELECT COUNT(*) AS n FROM audit_log WHERE exercise_id = 1'),
  } as Record<keyof ExerciseRecord & string, number>;
}

function exportedDir(reply: string): string {
  return /to (\/\S+)\/: record\.json/.exec(reply)![1]!;
}

describe('/exercise export', () => {
  it('writes the whole record as JSON that validates against the documented schema and holds every row, and a readable report', async () => {
    await busyExercise();
    const reply = ok(app, '/exercise export');
    const dir = exportedDir(reply);
    expect(dir).toBe(join(app.dir, 'exports', 'kosovo-2014-2026-12-02'));
    expect(readdirSync(dir).sort()).toEqual(['record.json', 'report.md']);
    expect(readdirSync(join(app.dir, 'exports'))).toEqual(['kosovo-2014-2026-12-02']); // no temporary folder left behind

    const record = exportSchema.parse(JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')));
    const counts = tableCounts();
    for (const [table, n] of Object.entries(counts)) expect((record[table as keyof ExerciseRecord] as unknown[]).length, table).toBe(n);
    expect(Object.keys(counts).sort()).toEqual(Object.keys(record).filter((k) => Array.isArray(record[k as keyof ExerciseRecord])).sort());
    expect(counts.votes).toBe(3);
    expect(counts.minutesVersions).toBe(2);
    expect(record.votes.map((v) => [v.choice, v.proxy, v.current])).toEqual([
      ['object', false, false],
      ['endorse', false, true],
      ['endorse', true, true],
    ]);
    expect(record.memberships.some((m) => !m.active)).toBe(true);
    expect(record.meetingNotices.map((n) => [n.version, n.kind, n.agenda.length])).toEqual([[1, 'invitation', 2], [2, 'amendment', 3]]);
    expect(record.minutesVersions[1]!.correction).toBe('Decision 1 names the TOR version: v1');
    // The export audits itself, and its entry is in the file.
    expect(record.auditLog.at(-1)).toMatchObject({ action: 'exercise export', outcome: 'accepted', detail: { path: dir } });
    expect(record.exportedBy).toBe('coordinator@unhcr.example.org (local)');

    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).toContain('# Kosovo 2014: the record of the exercise');
    expect(report).toContain('### M1 PWG: Agree the TOR');
    expect(report).toContain('- Notice v2 amendment, sent 2026-11-10 10:00 Europe/Belgrade (on time); 14 messages, 14 handed over; agenda of 3 items.');
    expect(report).toContain('- Minutes v2 published 2026-12-02 10:00 Europe/Belgrade by Profiling Coordinator (coordinator@unhcr.example.org) (correction: Decision 1 names the TOR version: v1); 13 messages.');
    expect(report).toContain('    - Note 1: KAS asked \\<script\\>alert(1)\\</script\\> about \\*\\*the frame\\*\\*');
    expect(report).not.toContain('<script>');
    expect(report).toContain('| KAS | object | Section IV \\| needs \\<b\\>work\\</b\\> |');
    expect(report).toContain('| SCR | endorse | given by phone | Profiling Coordinator (coordinator@unhcr.example.org) (proxy) |');
    expect(report).toContain('| A1 | KAS | 2026-12-15 | M1 | Share the sampling frame | open |');
  });

  it('works in a dissolved exercise, keeps earlier exports of the same day, and changes nothing else', async () => {
    await busyExercise();
    ok(app, '/exercise dissolve confirm');
    const first = exportedDir(ok(app, '/exercise export'));
    const before = app.db.prepare('SELECT COUNT(*) AS n FROM outbox').get();
    const second = exportedDir(ok(app, '/exercise export'));
    expect(second).toBe(`${first}-2`);
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual(before);
    const record = exportSchema.parse(JSON.parse(readFileSync(join(second, 'record.json'), 'utf8')));
    expect(record.exercise).toMatchObject({ status: 'dissolved', dissolvedAt: '2026-12-02T09:00:00.000Z' });
    expect(record.endorsements[0]).toMatchObject({ status: 'closed', outcome: 'no-quorum', closedHow: 'deadline' });
    expect(record.auditLog.filter((a) => a.action === 'exercise export')).toHaveLength(2);
  });

  it('is refused with the reason when the folder cannot be written, and leaves no trace', async () => {
    app = createTestApp();
    writeFileSync(join(app.dir, 'exports'), 'not a folder');
    const before = snapshot(app.db);
    const r = no(app, '/exercise export');
    expect(r.code).toBe('not-available');
    expect(r.reply).toMatch(/^The export could not be written to .*kosovo-2014-2026-11-22 \(.+\); nothing was changed\. Whoever runs the bot can check EXPORTS_DIR and its permissions\.$/);
    expect(snapshot(app.db)).toBe(before);
    expect(no(app, '/exercise export', FOCAL.KAS).code).toBe('forbidden');
  });

  it('typed in chat, e-mails the report to the coordinator who asked; the JSON stays on the server', async () => {
    app = createTestApp();
    const coordinator = personByEmail(app.db, 'coordinator@unhcr.example.org')!;
    linkIdentity(app.db, { medium: 'slack', userId: 'UCOORD', personId: coordinator.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    const r = await app.runChat('/exercise export', 'slack', 'UCOORD');
    expect(r.status).toBe('accepted');
    expect(r.reply).toContain('The report is on its way to coordinator@unhcr.example.org; the JSON stays on the server.');
    const mail = outboxOfExercise(app.db, 1).filter((m) => m.kind === 'exercise-export');
    expect(mail.map((m) => [m.medium, m.address])).toEqual([['email', 'coordinator@unhcr.example.org']]);
    expect(mail[0]!.payload.subject).toBe('Export of Kosovo 2014, 2026-11-22');
    expect(mail[0]!.payload.text).toContain('# Kosovo 2014: the record of the exercise');
    expect(existsSync(join(exportedDir(r.reply), 'record.json'))).toBe(true);
  });
});
