import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, type TestApp } from '../../helpers/app';
import { PWG_PEOPLE, icsFields, meetingWithAgenda, no, ok } from '../../helpers/meetings';
import { FOCAL, OBSERVER } from '../../helpers/endorsements';
import { buildRegistry } from '../../../src/use-cases/index';
import { bindChannel } from '../../../src/store/channels';
import { endorsementById } from '../../../src/store/endorsements';
import { exerciseById } from '../../../src/store/exercises';
import { meetingById } from '../../../src/store/meetings';
import { outboxEntry, outboxOfExercise } from '../../../src/store/outbox';
import { linkIdentity, personByEmail } from '../../../src/store/members';

let app: TestApp;
afterEach(() => app?.close());

const MEMBERS = 14; // 12 focal points, the coordinator, JIPS

/**
 * An exercise in full swing on Fri 27 Nov 2026: M1 (PWG, 1 Dec) noticed, M2 (PMG, 20 Jan) not yet
 * noticed, M3 held on 24 Nov with an open action item, E1 (PWG) and E2 (PMG) open; the 48-hour
 * reminder of E1 was queued by the scheduler but not delivered yet.
 */
async function exerciseInFullSwing(): Promise<void> {
  app = createTestApp({ now: '2026-11-10T09:00:00Z', chatMedia: ['slack'] });
  bindChannel(app.db, { exerciseId: 1, group: 'PWG', medium: 'slack', channelId: 'CPWG', at: '2026-11-01T00:00:00Z' });
  meetingWithAgenda(app, '2026-12-01', '10:00', 'milestone:tor');
  ok(app, '/meeting send M1');
  ok(app, '/meeting schedule PMG 2027-01-20 10:00 Workplan');
  ok(app, '/meeting schedule PWG 2026-11-24 10:00 Kick-off urgent:"the donor visit"');
  ok(app, '/meeting agenda M3 add Introductions');
  ok(app, '/meeting send M3');
  await app.sender.drain();
  app.clock.set('2026-11-24T10:00:00Z');
  ok(app, '/minutes action M3 KAS 2026-12-15 Share the sampling frame');
  app.clock.set('2026-11-25T09:00:00Z');
  ok(app, '/endorse open PWG Terms of Reference version:v1');
  ok(app, '/endorse open PMG Workplan version:v1');
  ok(app, '/endorse vote E1 endorse', FOCAL.MCR);
  await app.scheduler.tick();
  app.clock.set('2026-11-30T09:00:00Z');
  app.scheduler.runDueJobs(); // the 48 h reminders are queued, not yet delivered
  expect(outboxOfExercise(app.db, 1).filter((m) => m.kind === 'endorsement-reminder' && m.status === 'pending').length).toBeGreaterThan(0);
  app.clock.set('2026-11-30T09:05:00Z');
}

describe('/exercise dissolve', () => {
  it('first says what would happen, and does nothing', async () => {
    await exerciseInFullSwing();
    const outbox = outboxOfExercise(app.db, 1).length;
    expect(ok(app, '/exercise dissolve')).toBe(
      `Dissolving Kosovo 2014 ends the exercise for good: 2 open endorsement requests (E1, E2) close as withdrawn; 2 meetings still to come are cancelled (M1, M2); every reminder stops; the dissolution notice goes to ${MEMBERS} members. The record becomes read-only; /exercise export still writes it out. 1 action item stays open on record, no longer tracked.\nTo go ahead, type: /exercise dissolve confirm`,
    );
    expect(exerciseById(app.db, 1)!.status).toBe('active');
    expect(outboxOfExercise(app.db, 1)).toHaveLength(outbox);
    // Asking what would happen changes nothing, so it is not in the audit log either.
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'exercise dissolve'`).get()).toEqual({ n: 0 });
    expect(no(app, '/exercise dissolve confirm', FOCAL.KAS)).toMatchObject({ code: 'forbidden' });
  });

  it('withdraws open requests, cancels meetings to come with notice, stops every reminder, tells every member, and makes the record read-only', async () => {
    await exerciseInFullSwing();
    const reply = ok(app, '/exercise dissolve confirm');
    expect(reply).toContain('Dissolved Kosovo 2014 on 2026-11-30 10:05 Europe/Belgrade: 2 endorsement requests closed as withdrawn (E1, E2); 2 meetings cancelled (M1, M2), with the calendar cancellation to those who had the invitation;');
    expect(reply).toMatch(/\d+ pending reminders and deadlines stopped; \d+ queued messages? withheld; the dissolution notice queued to 14 members\./);

    expect(exerciseById(app.db, 1)).toMatchObject({ status: 'dissolved', dissolvedAt: '2026-11-30T09:05:00.000Z' });
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'withdrawn', closedHow: 'coordinator' });
    expect(endorsementById(app.db, 1, 2)).toMatchObject({ status: 'closed', outcome: 'withdrawn' });
    expect(meetingById(app.db, 1)).toMatchObject({ status: 'cancelled', cancelReason: 'the exercise was dissolved' });
    expect(meetingById(app.db, 2)).toMatchObject({ status: 'cancelled' });
    expect(meetingById(app.db, 3)!.status).toBe('held');
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE exercise_id = 1 AND status = 'pending'`).get()).toEqual({ n: 0 });
    const withheld = outboxOfExercise(app.db, 1).filter((m) => m.kind === 'endorsement-reminder');
    expect(withheld.every((m) => m.status === 'failed' && m.lastError === 'withheld: the exercise was dissolved before this message was delivered')).toBe(true);

    const notices = outboxOfExercise(app.db, 1).filter((m) => m.kind === 'exercise-dissolved');
    expect(notices.filter((m) => m.medium === 'email')).toHaveLength(MEMBERS);
    const kas = notices.find((m) => m.address === FOCAL.KAS)!.payload;
    expect(kas.subject).toBe('Kosovo 2014 is dissolved: the working group has ended');
    expect(kas.text).toContain('The Profiling Coordinator dissolved the exercise Kosovo 2014 on Mon 30 Nov 2026, 10:05 (Europe/Belgrade).');
    expect(kas.text).toContain('M1 PWG "Agree the TOR", Tue 1 Dec 2026, 10:00 (Europe/Belgrade)');
    expect(kas.text).toContain('E1 PWG "Terms of Reference" (version v1)');
    // A PWG-only organisation does not read the PMG's meetings and requests.
    expect(kas.text).not.toContain('Workplan');
    expect(notices.find((m) => m.address === FOCAL.MCR)!.payload.text).toContain('M2 PMG "Workplan"');
    expect(notices.find((m) => m.address === 'slack:channel:CPWG')!.payload.text).toContain('To the Profiling Working Group:');
    const cancellations = outboxOfExercise(app.db, 1).filter((m) => m.kind === 'meeting-cancelled' && m.medium === 'email');
    expect(cancellations).toHaveLength(PWG_PEOPLE);
    expect(icsFields(cancellations[0]!.payload.calendar!.content).calendar.METHOD).toBe('CANCEL');

    const status = ok(app, '/exercise status', FOCAL.KAS);
    expect(status).toContain('Kosovo 2014 (kosovo-2014): dissolved on 2026-11-30, read-only;');
    expect(ok(app, '/minutes show M3', OBSERVER)).toContain('Draft, not published');
    expect(no(app, '/exercise dissolve confirm').reply).toBe(
      'The exercise "Kosovo 2014" was dissolved on 2026-11-30; its record is read-only. /exercise export still writes it out.',
    );
  });

  it('closes a request whose deadline passed before the scheduler closed it with its result, not as withdrawn', async () => {
    await exerciseInFullSwing();
    // E1 and E2 closed at 2026-12-02 10:00; the scheduler has not run since.
    app.clock.set('2026-12-02T09:30:00Z');
    const asked = ok(app, '/exercise dissolve');
    expect(asked).toContain('E1, whose deadline has passed, closes with its result; E2, whose deadline has passed, closes with its result;');
    const done = ok(app, '/exercise dissolve confirm');
    expect(done).toContain('E1 closed at its deadline: no quorum; E2 closed at its deadline: no quorum;');
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'no-quorum', closedHow: 'deadline' });
    const notice = outboxOfExercise(app.db, 1).find((m) => m.kind === 'exercise-dissolved' && m.address === FOCAL.MCR)!;
    expect(notice.payload.text).toContain('Endorsement requests whose voting had ended, closed with their result:\n  E1 PWG "Terms of Reference" (version v1): no quorum');
    expect(outboxOfExercise(app.db, 1).filter((m) => m.kind === 'endorsement-result')).toEqual([]);
  });

  it('refuses every command that changes something, and says why', async () => {
    await exerciseInFullSwing();
    ok(app, '/exercise dissolve confirm');
    const samples: Record<string, { line: string; as?: string }> = {
      'meeting schedule': { line: '/meeting schedule PWG 2027-03-10 10:00 Findings' },
      'meeting agenda': { line: '/meeting agenda M2 add Budget' },
      'meeting send': { line: '/meeting send M2' },
      'meeting postpone': { line: '/meeting postpone M2 2027-01-27 10:00' },
      'meeting cancel': { line: '/meeting cancel M2 no need' },
      'endorse open': { line: '/endorse open PWG Methodology version:v1' },
      'endorse vote': { line: '/endorse vote E1 endorse', as: FOCAL.KAS },
      'endorse proxy': { line: '/endorse proxy E1 KAS endorse by phone' },
      'endorse close': { line: '/endorse close E1' },
      'minutes note': { line: '/minutes note M3 Late note' },
      'minutes decision': { line: '/minutes decision M3 Late decision' },
      'minutes action': { line: '/minutes action M3 KAS 2027-01-10 Late action' },
      'minutes attendance': { line: '/minutes attendance M3 MCR KAS' },
      'minutes edit': { line: '/minutes edit M3 note 1 Edited late' },
      'minutes remove': { line: '/minutes remove M3 note 1' },
      'minutes publish': { line: '/minutes publish M3' },
      'minutes correct': { line: '/minutes correct M3 Late correction' },
      'minutes done': { line: '/minutes done A1', as: FOCAL.KAS },
      'members add-org': { line: '/members add-org WFP World Food Programme' },
      'members add-focal': { line: '/members add-focal KAS second@kas.example.org Second Person' },
      'members remove-focal': { line: '/members remove-focal UNICEF data@unicef.example.org' },
      'members add-observer': { line: '/members add-observer visitor@example.org A Visitor' },
      'members role': { line: `/members role ${OBSERVER} coordinator` },
      'members language': { line: '/members language me sq' },
      'members timezone': { line: '/members timezone me America/New_York' },
      'exercise language': { line: '/exercise language sq' },
      'exercise dissolve': { line: '/exercise dissolve confirm' },
      'exercise channel': { line: '/exercise channel PWG' },
      // Issuing a personal link to the overview; the plain /exercise status only reads.
      'exercise status': { line: '/exercise status web' },
    };
    const changing = buildRegistry().all().filter((d) => d.changes);
    // Linking a chat account is the person's, across the installation: not part of an exercise's record.
    expect(changing.filter((d) => d.scope === 'installation').map((d) => d.path)).toEqual(['members link', 'members verify']);
    expect(changing.filter((d) => d.scope !== 'installation').map((d) => d.path).sort()).toEqual(Object.keys(samples).sort());
    const before = outboxOfExercise(app.db, 1).length;
    for (const [path, { line, as }] of Object.entries(samples)) {
      const r = app.run(line, as ?? COORDINATOR);
      expect(r, path).toMatchObject({ status: 'refused', code: 'rule', reply: expect.stringContaining('was dissolved on 2026-11-30; its record is read-only') });
    }
    expect(outboxOfExercise(app.db, 1)).toHaveLength(before);
    // Reading still works, including the reading forms of changing commands, and so does the export (see export.test.ts).
    expect(ok(app, '/minutes actions')).toContain('A1 due 2026-12-15');
    expect(ok(app, '/meeting agenda M3 show')).toContain('Introductions');
    expect(no(app, '/exercise dissolve')).toMatchObject({ code: 'rule', reply: expect.stringContaining('was dissolved on 2026-11-30') });
    expect(ok(app, '/endorse status E1')).toContain('withdrawn');
  });

  it('sends nothing afterwards but the dissolution notice and the cancellations it queued, even across a restart', async () => {
    await exerciseInFullSwing();
    ok(app, '/exercise dissolve confirm');
    const restarted = app.restart();
    app = restarted;
    for (const at of ['2026-11-30T09:06:00Z', '2026-12-01T08:00:00Z', '2026-12-15T09:00:00Z', '2027-01-20T09:00:00Z', '2027-03-01T09:00:00Z']) {
      app.clock.set(at);
      const r = await app.scheduler.tick();
      expect(r.jobs, at).toEqual([]);
    }
    const delivered = [...app.email.sent, ...app.chat[0]!.sent].map((m) => outboxEntry(app.db, m.id)!);
    expect(new Set(delivered.map((m) => m.kind))).toEqual(new Set(['exercise-dissolved', 'meeting-cancelled']));
    expect(delivered.filter((m) => m.kind === 'exercise-dissolved' && m.medium === 'email')).toHaveLength(MEMBERS);
    expect(outboxOfExercise(app.db, 1).filter((m) => m.status === 'pending' || m.status === 'sending')).toEqual([]);
    expect(app.email.sent.filter((m) => m.address === FOCAL.UNICEF).map((m) => m.payload.subject)).toEqual([
      'Cancelled: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR',
      'Kosovo 2014 is dissolved: the working group has ended',
    ]);
  });

  it('sends the calendar cancellation only where the invitation was delivered, per person and medium', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z', chatMedia: ['slack'] });
    bindChannel(app.db, { exerciseId: 1, group: 'PWG', medium: 'slack', channelId: 'CPWG', at: '2026-11-01T00:00:00Z' });
    const kas = personByEmail(app.db, FOCAL.KAS)!;
    linkIdentity(app.db, { medium: 'slack', userId: 'UKAS', personId: kas.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    // SMTP is down: no e-mail is handed over; Slack works.
    app.email.fail = () => ({ status: 'transient', error: 'connect ECONNREFUSED 127.0.0.1:25' });
    await app.sender.drain();
    expect(outboxOfExercise(app.db, 1).filter((m) => m.kind === 'meeting-invitation' && m.status === 'sent').map((m) => m.address).sort()).toEqual(['slack:channel:CPWG', 'slack:person:UKAS']);
    const reply = ok(app, '/exercise dissolve confirm');
    expect(reply).toContain('1 meeting cancelled (M1), with the calendar cancellation to those who had the invitation;');
    expect(reply).toContain(`${PWG_PEOPLE} queued messages withheld`);
    const cancellations = outboxOfExercise(app.db, 1).filter((m) => m.kind === 'meeting-cancelled');
    expect(cancellations.map((m) => m.address).sort()).toEqual(['slack:channel:CPWG', 'slack:person:UKAS']);
  });

  it('sends no cancellation at all when no invitation was delivered', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z', chatMedia: ['slack'] });
    bindChannel(app.db, { exerciseId: 1, group: 'PWG', medium: 'slack', channelId: 'CPWG', at: '2026-11-01T00:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1'); // the invitations are still queued (the sender has not run)
    const reply = ok(app, '/exercise dissolve confirm');
    expect(reply).toContain('1 meeting cancelled (M1); no reminder');
    expect(reply).not.toContain('calendar cancellation');
    expect(outboxOfExercise(app.db, 1).filter((m) => m.kind === 'meeting-cancelled')).toEqual([]);
    const notice = outboxOfExercise(app.db, 1).find((m) => m.kind === 'exercise-dissolved' && m.address === FOCAL.KAS)!;
    expect(notice.payload.text).toContain('Meetings cancelled:\n  M1 PWG "Agree the TOR"');
    await app.sender.drain();
    expect(app.email.sent.map((m) => outboxEntry(app.db, m.id)!.kind).every((k) => k === 'exercise-dissolved')).toBe(true);
  });

  it('suggests no command that is now refused in its read-only replies', async () => {
    await exerciseInFullSwing();
    ok(app, '/exercise dissolve confirm');
    app.clock.set('2026-12-14T09:00:00Z'); // M3's minutes (due 1 Dec) are overdue, A1 is open
    const show = ok(app, '/minutes show M3');
    expect(show).toContain('Draft, not published; due by 2026-12-01');
    const actions = ok(app, '/minutes actions');
    expect(actions).toContain('A1 due 2026-12-15, open');
    const status = ok(app, '/exercise status');
    expect(status).toContain('Overdue minutes (1):\n- M3 PWG "Kick-off"');
    for (const [what, reply] of [['show', show], ['actions', actions], ['status', status]] as const)
      expect(reply.match(/\/(minutes|meeting|endorse|members) [a-z-]+/g), what).toBeNull();
  });
});
