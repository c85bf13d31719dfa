import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { emailedTo, everyoneEndorses, FOCAL, messages, ok, SECOND_UNHCR, SECOND_UNICEF } from '../../helpers/endorsements';
import { endorsementById } from '../../../src/store/endorsements';
import { jobsFor } from '../../../src/store/jobs';
import { auditOf } from '../../../src/store/audit';

let app: TestApp;
afterEach(() => app?.close());

const REMINDER_48 = '2026-11-27T09:00:00Z';
const REMINDER_24 = '2026-11-28T09:00:00Z';
const DEADLINE = '2026-11-29T09:00:00Z';

function withVotes(): TestApp {
  app = createTestApp();
  ok(app, '/endorse open PWG Terms of Reference version:v1');
  everyoneEndorses(app, ['MCR', 'DRC', 'UNDP', 'IOM']);
  ok(app, '/endorse vote E1 object Section IV is unclear', FOCAL.KAS);
  return app;
}

describe('reminders 48 and 24 hours before the deadline', () => {
  it('reach the focal points of the organisations that have not voted, and only them', async () => {
    withVotes();
    app.clock.set(REMINDER_48);
    const tick = await app.scheduler.tick();
    expect(tick.jobs).toEqual([{ kind: 'endorsement-reminder', ref: 'endorsement:1', late: false, note: 'reminded UNHCR, SCR, UNFPA, UNICEF, OSCE on E1 (7 people, 48 h left)' }]);
    expect(emailedTo(app, 'endorsement-reminder')).toEqual([FOCAL.UNHCR, SECOND_UNHCR, FOCAL.SCR, FOCAL.UNFPA, FOCAL.UNICEF, SECOND_UNICEF, FOCAL.OSCE].sort());
    const text = messages(app, 'endorsement-reminder').find((m) => m.address === FOCAL.SCR)!.payload;
    expect(text.subject).toBe('[PWG] Reminder: SCR has not voted on E1, about 48 hours left');
    expect(text.text).toContain('Voting closes at 2026-11-29 10:00 Europe/Belgrade, in about 48 hours; 5 of 10 organisations have voted.');

    ok(app, '/endorse vote E1 endorse', SECOND_UNHCR);
    ok(app, '/endorse proxy E1 SCR abstain by phone');
    app.clock.set(REMINDER_24);
    await app.scheduler.tick();
    const second = messages(app, 'endorsement-reminder').filter((m) => m.createdAt === new Date(REMINDER_24).toISOString());
    expect(second.map((m) => m.address).sort()).toEqual([FOCAL.UNFPA, FOCAL.UNICEF, SECOND_UNICEF, FOCAL.OSCE].sort());
  });

  it('are not sent once the request closed', async () => {
    withVotes();
    ok(app, '/endorse close E1');
    app.clock.set(DEADLINE);
    const tick = await app.scheduler.tick();
    expect(tick.jobs).toEqual([]);
    expect(messages(app, 'endorsement-reminder')).toEqual([]);
    expect(emailedTo(app, 'endorsement-result')).toHaveLength(14);
  });

  it('are sent once across a restart', async () => {
    withVotes();
    app.clock.set(REMINDER_48);
    await app.scheduler.tick();
    const sent = messages(app, 'endorsement-reminder').length;
    app = app.restart();
    await app.scheduler.tick();
    app = app.restart();
    app.clock.set('2026-11-27T12:00:00Z');
    await app.scheduler.tick();
    expect(messages(app, 'endorsement-reminder')).toHaveLength(sent);
    expect(app.email.sent.filter((m) => m.payload.subject.includes('Reminder'))).toHaveLength(0); // the first process delivered them
  });

  it('after downtime, give way to the later reminder, and never go out after the deadline', async () => {
    withVotes();
    app.clock.set('2026-11-28T10:00:00Z'); // both reminders are due
    const tick = await app.scheduler.tick();
    expect(tick.jobs.map((j) => [j.late, j.note])).toEqual([
      [true, 'a later reminder for E1 is due too; that one is sent instead'],
      [true, 'reminded UNHCR, SCR, UNFPA, UNICEF, OSCE on E1 (7 people, 23 h left)'],
    ]);
    expect(messages(app, 'endorsement-reminder')).toHaveLength(7);

    app.close();
    withVotes();
    app.clock.set('2026-11-30T09:00:00Z'); // down through the deadline
    const late = await app.scheduler.tick();
    expect(late.jobs.map((j) => j.note)).toEqual([
      'the deadline of E1 has passed; no reminder',
      'the deadline of E1 has passed; no reminder',
      'E1 closed at its deadline: no quorum',
    ]);
    expect(messages(app, 'endorsement-reminder')).toEqual([]);
    expect(messages(app, 'endorsement-result')[0]!.payload.text).toContain(
      'closed at its deadline, 2026-11-29 10:00 Europe/Belgrade (the result was computed late, on 2026-11-30 10:00 Europe/Belgrade).',
    );
  });
});

describe('closing at the deadline', () => {
  it('closes with the tally, publishes the result once, and survives restarts without a second result', async () => {
    withVotes();
    ok(app, '/endorse vote E1 endorse Objection withdrawn after the clarification', FOCAL.KAS);
    app.clock.set(DEADLINE);
    const tick = await app.scheduler.tick();
    expect(tick.jobs.map((j) => j.note)).toContain('E1 closed at its deadline: no quorum');
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'no-quorum', closedHow: 'deadline', closedAt: '2026-11-29T09:00:00.000Z' });
    const results = messages(app, 'endorsement-result');
    expect(results.filter((m) => m.medium === 'email')).toHaveLength(14);
    expect(app.email.sent.filter((m) => m.payload.subject.startsWith('[PWG] Endorsement result'))).toHaveLength(14);
    const closedEntry = auditOf(app.db, 1).find((a) => a.action === 'endorsement closed')!;
    expect(closedEntry.detail).toMatchObject({ outcome: 'no-quorum', how: 'deadline', tally: { endorse: 5, object: 0, voted: 5, quorum: 6 }, late: false });

    for (let i = 0; i < 2; i++) {
      app = app.restart();
      app.clock.set('2026-11-29T09:30:00Z');
      const again = await app.scheduler.tick();
      expect(again.jobs).toEqual([]);
      expect(app.email.sent).toEqual([]);
    }
    expect(messages(app, 'endorsement-result')).toHaveLength(results.length);
    expect(jobsFor(app.db, 'endorsement:1').map((j) => j.status)).toEqual(['done', 'done', 'done']);
  });

  it('has nothing to do once every organisation voted before the deadline', async () => {
    withVotes();
    everyoneEndorses(app, ['UNHCR', 'SCR', 'UNFPA', 'UNICEF', 'OSCE']);
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'not-endorsed', closedHow: 'all-voted' });
    app.clock.set(DEADLINE);
    expect((await app.scheduler.tick()).jobs).toEqual([]);
    expect(emailedTo(app, 'endorsement-result')).toHaveLength(14);
  });

  it('lets the coordinator close a request past its deadline before the scheduler ran, as closed at the deadline', () => {
    withVotes();
    app.clock.set('2026-11-29T09:00:10Z');
    ok(app, '/endorse close E1');
    expect(endorsementById(app.db, 1, 1)!.closedHow).toBe('deadline');
  });
});
