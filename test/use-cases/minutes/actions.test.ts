import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { no, ok } from '../../helpers/meetings';
import { FOCAL, OBSERVER, SECOND_UNHCR } from '../../helpers/endorsements';
import { meetingUnderWay } from '../../helpers/minutes';
import { actionById } from '../../../src/store/action-items';
import { jobsFor } from '../../../src/store/jobs';

let app: TestApp;
afterEach(() => app?.close());

async function threeActions(): Promise<void> {
  await meetingUnderWay(app);
  ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
  ok(app, '/minutes action M1 UNHCR 2026-12-03 Circulate the revised TOR');
  ok(app, '/minutes action M1 KAS 2026-12-20 Propose enumeration areas');
}

describe('/minutes actions', () => {
  it('lists open items by owner with their state, and all of them with when they were done', async () => {
    app = createTestApp();
    await threeActions();
    app.clock.set('2026-12-05T09:00:00Z');
    expect(ok(app, '/minutes actions', OBSERVER)).toBe(
      [
        'Open action items of Kosovo 2014 (3), by owner:',
        'KAS:',
        '  A1 due 2026-12-15, open (M1 "Agree the TOR"): Share the sampling frame',
        '  A3 due 2026-12-20, open (M1 "Agree the TOR"): Propose enumeration areas',
        'UNHCR:',
        '  A2 due 2026-12-03, open, 2 days overdue (M1 "Agree the TOR"): Circulate the revised TOR',
        '',
        'Mark one done with /minutes done <action-id> (a focal point of the owner organisation, or the coordinator).',
      ].join('\n'),
    );
    ok(app, '/minutes done A2', SECOND_UNHCR);
    expect(ok(app, '/minutes actions open')).not.toContain('A2');
    expect(ok(app, '/minutes actions all', FOCAL.OSCE)).toContain('  A2 due 2026-12-03, done on 2026-12-05 10:00 Europe/Belgrade by Mira Hoxha');
  });

  it('says when there is nothing open', () => {
    app = createTestApp();
    expect(ok(app, '/minutes actions')).toBe('No open action items. The coordinator captures them with /minutes action <meeting-id> <org> <due-date> <text>.');
    expect(no(app, '/minutes actions pending').reply).toBe('The list is one of: open, all.');
  });
});

describe('/minutes done', () => {
  it("is for the owner's focal points and the coordinator; others are told why, and nothing changes", async () => {
    app = createTestApp();
    await threeActions();
    const before = snapshot(app.db);
    expect(no(app, '/minutes done A1', FOCAL.UNHCR)).toEqual({
      status: 'refused',
      audience: 'person',
      code: 'forbidden',
      reply: 'Only a focal point of KAS, which owns A1, or the coordinator can mark it done; you are a focal point of UNHCR.',
    });
    expect(no(app, '/minutes done A1', OBSERVER).reply).toBe('Only a focal point of KAS, which owns A1, or the coordinator can mark it done; you are an observer.');
    expect(no(app, '/minutes done A9').reply).toBe('There is no action item A9 in Kosovo 2014. /minutes actions all lists them.');
    expect(no(app, '/minutes done X1').reply).toBe('X1 is not an action item id: action item ids look like A12.');
    expect(snapshot(app.db)).toBe(before);

    expect(ok(app, '/minutes done A1', FOCAL.KAS)).toBe('A1 (KAS, due 2026-12-15, from M1) is done ("Share the sampling frame"). Its 2 pending reminders will not be sent.');
    expect(actionById(app.db, 1, 1)).toMatchObject({ status: 'done', doneAt: '2026-12-01T09:30:00.000Z', doneBy: { name: 'Valon Morina' } });
    expect(jobsFor(app.db, 'action:1').map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
    expect(no(app, '/minutes done A1').reply).toBe('A1 is already done on 2026-12-01 10:30 Europe/Belgrade by Valon Morina.');
    expect(ok(app, '/minutes done A3')).toContain('A3 (KAS, due 2026-12-20, from M1) is done');
    expect(ok(app, '/minutes show M1')).toContain('  A3 due 2026-12-20, done on 2026-12-01 10:30 Europe/Belgrade by Profiling Coordinator: Propose enumeration areas');
  });
});
