import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, type TestApp } from '../helpers/app';
import { meetingWithAgenda, ok } from '../helpers/meetings';
import { tickAt } from '../helpers/minutes';

let app: TestApp;
afterEach(() => app?.close());

describe("the coordinator's notices about a meeting's notice, in the coordinator's language", () => {
  it('reminds to send and says the notice was missed in Cyrillic, with the New York time beside the Belgrade one', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, `/members language ${COORDINATOR} sr-Cyrl`);
    ok(app, '/members timezone me America/New_York');
    meetingWithAgenda(app, '2026-12-01', '10:00');
    await tickAt(app, '2026-11-21T09:00:00Z');
    const reminder = app.email.to(COORDINATOR).at(-1)!.payload;
    expect(reminder.subject).toBe('Подсетник: пошаљите дневни ред састанка M1 до уторак, 24. новембар 2026, 10:00 (Europe/Belgrade)');
    expect(reminder.text).toContain('морају да стигну члановима до уторак, 24. новембар 2026, 10:00 (Europe/Belgrade), за 3 дана.');
    expect(reminder.text).toContain('Састанак у вашој временској зони: уторак, 1. децембар 2026, 04:00 (America/New_York).');
    expect(reminder.text).toContain('Дневни ред има 2 тачке:');
    expect(reminder.text).toContain('  /meeting send M1');
    await tickAt(app, '2026-11-24T09:01:00Z');
    const missed = app.email.to(COORDINATOR).at(-1)!.payload;
    expect(missed.subject).toBe('Пропуштен рок за обавештење: састанак M1 групе PWG, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade)');
    expect(missed.text).toContain('Померите га на најранији датум који још даје 7 дана претходног обавештења, 2026-12-02 у 10:00, и одмах пошаљите обавештење:\n     /meeting postpone M1 2026-12-02 10:00');
    expect(missed.text).toContain('/meeting send M1 urgent:"<reason>"');
    for (const message of [reminder, missed]) expect(message.text).not.toMatch(/November|December|Tue /);
  });

  it('counts agenda items in Albanian one/other', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, `/members language ${COORDINATOR} sq`);
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    ok(app, '/meeting agenda M1 add Review of the draft TOR');
    await tickAt(app, '2026-11-21T09:00:00Z');
    const reminder = app.email.to(COORDINATOR).at(-1)!.payload;
    expect(reminder.subject).toBe('Kujtesë: dërgoni rendin e ditës së M1 deri më Martë, 24 Nëntor 2026, 10:00 (Europe/Belgrade)');
    expect(reminder.text).toContain('Rendi i ditës ka 1 pikë:');
  });
});
