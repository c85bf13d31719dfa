import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/app';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

const at = (now: string, ...args: string[]) => runCli(['--now', now, ...args], box.env);
const tick = (now: string) => runCli(['tick', '--now', now], box.env);
const emails = () => readdirSync(join(box.dir, 'outbox')).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(box.dir, 'outbox', f), 'utf8'));

function dbState(): string {
  const db = new Database(box.env.DATABASE_PATH!, { readonly: true });
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}

describe('a whole meeting cycle from the CLI, with --now', () => {
  it('schedules, builds the agenda, reminds, sends, postpones and cancels; bad input changes nothing', async () => {
    expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-10T09:00:00Z'], box.env)).code).toBe(0);

    const scheduled = await at('2026-11-10T09:00:00Z', '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR milestone:tor where:"UNHCR office, Pristina"');
    expect(scheduled.code).toBe(0);
    expect(scheduled.stdout).toContain('Scheduled M1: PWG meeting "Agree the TOR" on Tue 1 Dec 2026, 10:00 (Europe/Belgrade)');
    // Shell words are joined back: the item is one argument with spaces.
    expect((await at('2026-11-10T09:05:00Z', '/meeting', 'agenda', 'M1', 'add', 'Review of the draft TOR')).code).toBe(0);
    expect((await at('2026-11-10T09:06:00Z', '/meeting agenda M1 add Roles of the PWG and the PMG')).code).toBe(0);

    const threeDays = await tick('2026-11-21T09:00:00Z');
    expect(threeDays.stdout).toContain('meeting-notice-reminder meeting:1: reminded 1 coordinator: notice deadline in 3 days');
    expect(threeDays.stdout).toContain('messages: 1 sent');
    const oneDay = await tick('2026-11-23T09:30:00Z');
    expect(oneDay.stdout).toContain('late meeting-notice-reminder meeting:1: reminded 1 coordinator: notice deadline in 23 hours and 30 minutes');
    expect((await tick('2026-11-23T09:31:00Z')).stdout).toContain('0 due jobs run');

    const sent = await at('2026-11-23T10:00:00Z', '/meeting send M1');
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('to 14 people (12 focal points, 1 coordinator, 1 observer)');
    expect(sent.stderr).toContain('messages: 14 sent, 0 to retry, 0 failed');
    const notices = await at('2026-11-23T10:01:00Z', '/meeting notices M1');
    expect(notices.stdout).toContain('10 of 10 organisations reached by the deadline.');
    expect(notices.stdout).toContain('v1 invitation, e-mail focal@kas.example.org: handed over 2026-11-23 11:00 Europe/Belgrade, on time, id <convene-outbox-');

    const before = dbState();
    const past = await at('2026-11-24T09:00:00Z', '/meeting postpone M1 2026-11-20 10:00');
    expect(past).toMatchObject({ code: 1, stdout: expect.stringContaining('2026-11-20 10:00 Europe/Belgrade is in the past') });
    const unknown = await at('2026-11-24T09:00:00Z', '/meeting show M9');
    expect(unknown).toMatchObject({ code: 1, stdout: expect.stringContaining('There is no meeting M9 in Kosovo 2014.') });
    const long = await at('2026-11-24T09:00:00Z', '/meeting', 'agenda', 'M1', 'add', 'x'.repeat(5000));
    expect(long).toMatchObject({ code: 1, stdout: expect.stringContaining('The agenda item is 5000 characters long; the limit is 1000.') });
    const focal = await at('2026-11-24T09:00:00Z', '--as', 'focal@kas.example.org', '/meeting cancel M1 mine');
    expect(focal).toMatchObject({ code: 1, stdout: expect.stringContaining('Only the Profiling Coordinator can use /meeting cancel') });
    expect(dbState()).toBe(before);

    const moved = await at('2026-11-24T09:00:00Z', '/meeting postpone M1 2026-12-08 10:00 the room is not free');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('M1 is moved from Tue 1 Dec 2026, 10:00 (Europe/Belgrade) to Tue 8 Dec 2026, 10:00 (Europe/Belgrade) (the room is not free).');
    const reminder = await tick('2026-12-07T09:00:00Z');
    expect(reminder.stdout).toContain('meeting-member-reminder meeting:1: reminded 14 people of M1 on Tue 8 Dec 2026, 10:00 (Europe/Belgrade)');

    const cancelled = await at('2026-12-07T12:00:00Z', '/meeting cancel M1 the donor withdrew');
    expect(cancelled.code).toBe(0);
    expect((await at('2026-12-07T12:01:00Z', '/meeting list all')).stdout).toContain('cancelled (the donor withdrew)');

    const mails = emails();
    const kas = mails.filter((m) => m.includes('To: Valon Morina <focal@kas.example.org>'));
    expect(kas.map((m) => /^Subject: (\w+)/m.exec(m)![1])).toEqual(['Invitation', 'Moved', 'Tomorrow', 'Cancelled']);
    expect(kas[0]).toContain('METHOD:REQUEST');
    expect(kas[1]).toContain('SEQUENCE:1');
    expect(kas[3]).toContain('METHOD:CANCEL');
    expect(kas[3]).toContain('SEQUENCE:2');
    expect(mails.filter((m) => m.includes('To: Profiling Coordinator') && m.includes('Subject: Reminder: send the agenda of M1'))).toHaveLength(2);
  }, 120_000);
});
