import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox, runCli } from '../helpers/cli';
import { exportSchema } from '../../src/use-cases/exercise/export-schema';

const box = cliSandbox();
box.env.EXPORTS_DIR = join(box.dir, 'exports');
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

const at = (now: string, ...args: string[]) => runCli(['--now', now, ...args], box.env);
const tick = (now: string) => runCli(['tick', '--now', now], box.env);
const emails = () => readdirSync(join(box.dir, 'outbox')).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(box.dir, 'outbox', f), 'utf8'));

describe('minutes and the export from the CLI, with --now', () => {
  it('captures, reminds, publishes, corrects, closes an action item, exports, and dissolves', async () => {
    expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-10T09:00:00Z'], box.env)).code).toBe(0);
    expect((await at('2026-11-10T09:00:00Z', '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR milestone:tor')).code).toBe(0);
    expect((await at('2026-11-10T09:01:00Z', '/meeting agenda M1 add Review of the draft TOR')).code).toBe(0);
    expect((await at('2026-11-10T09:02:00Z', '/meeting send M1')).code).toBe(0);

    const early = await at('2026-11-30T09:00:00Z', '/minutes note M1 Too early');
    expect(early).toMatchObject({ code: 1, stdout: expect.stringContaining('M1 starts on Tue 1 Dec 2026, 10:00 (Europe/Belgrade); its minutes are captured from its start.') });

    expect((await at('2026-12-01T09:10:00Z', '/minutes note M1 UNHCR presented the draft; KAS asked <script>alert(1)</script> about **the frame**')).stdout).toContain(
      "Note 1 captured in M1's minutes.",
    );
    expect((await at('2026-12-01T10:30:00Z', '/minutes', 'decision', 'M1', 'The objectives and the TOR are agreed')).code).toBe(0);
    const action = await at('2026-12-01T10:40:00Z', '/minutes action M1 KAS 2026-12-15 Share the 2011 census sampling frame');
    expect(action.stdout).toContain('Action item A1 for KAS, due 2026-12-15');
    expect((await at('2026-12-01T10:45:00Z', '/minutes attendance M1 MCR UNHCR DRC UNDP IOM KAS UNFPA UNICEF')).code).toBe(0);

    expect((await tick('2026-12-01T11:00:00Z')).stdout).toContain('meeting-held meeting:1: M1 recorded as held');
    expect((await tick('2026-12-08T08:00:00Z')).stdout).toContain('minutes-reminder minutes:1: reminded 1 coordinator: minutes of M1 due today (due 2026-12-08)');

    const published = await at('2026-12-08T09:00:00Z', '/minutes publish M1');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('Published the minutes of M1 (version 1) to the PWG, on time (due by 2026-12-08): 14 people, 14 messages (14 e-mail).');
    expect(published.stderr).toContain('messages: 14 sent, 0 to retry, 0 failed');
    expect((await at('2026-12-08T09:05:00Z', '/minutes publish M1')).code).toBe(1);
    const corrected = await at('2026-12-08T10:00:00Z', '/minutes correct M1 The decision names the TOR version: v1');
    expect(corrected.stdout).toContain("Published version 2 of M1's minutes, correcting version 1");
    expect((await tick('2026-12-10T08:00:00Z')).stdout).not.toContain('minutes-reminder');

    const show = await at('2026-12-09T09:00:00Z', '--as', 'focal@kas.example.org', '/minutes show M1');
    expect(show.stdout).toContain('Present (8 of 10 organisations): MCR, UNHCR, DRC, UNDP, IOM, KAS, UNFPA, UNICEF; absent: SCR, OSCE.');
    expect(show.stdout).toContain('v2 published 2026-12-08 11:00 Europe/Belgrade by Profiling Coordinator, correction: "The decision names the TOR version: v1"; 14 people, 14 messages (14 delivered).');
    expect((await at('2026-12-09T09:10:00Z', '--as', 'focal@osce.example.org', '/minutes done A1')).code).toBe(1);
    expect((await at('2026-12-09T09:11:00Z', '--as', 'focal@kas.example.org', '/minutes done A1')).stdout).toContain('A1 (KAS, due 2026-12-15, from M1) is done');
    expect((await tick('2026-12-15T08:00:00Z')).stdout).not.toContain('action-reminder');

    const exported = await at('2026-12-20T09:00:00Z', '/exercise export');
    expect(exported.code).toBe(0);
    const dir = join(box.dir, 'exports', 'kosovo-2014-2026-12-20');
    expect(exported.stdout).toContain(`Exported the record of Kosovo 2014 to ${dir}/: record.json (`);
    const record = exportSchema.parse(JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')));
    expect(record.minutesVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(record.actionItems[0]).toMatchObject({ status: 'done', dueDate: '2026-12-15' });
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('KAS asked \\<script\\>alert(1)\\</script\\> about \\*\\*the frame\\*\\*');

    const kas = emails().filter((m) => m.includes('To: Valon Morina <focal@kas.example.org>'));
    // Long header lines are folded (RFC 5322 §2.2.3): unfold before reading the subject.
    const subjects = kas.map((m) => /^Subject: (.*)$/m.exec(m.replace(/\r?\n[ \t]+/g, ' '))![1]);
    expect(subjects).toContain('[PWG] Minutes of M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(subjects).toContain('[PWG] Corrected minutes of M1 (version 2), Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    // A1 was done before its first reminder fell due: none was sent.
    expect(subjects.filter((s) => s!.includes('Action item A1'))).toEqual([]);

    expect((await at('2026-12-21T09:00:00Z', '/exercise dissolve confirm')).stdout).toContain('Dissolved Kosovo 2014 on 2026-12-21 10:00 Europe/Belgrade');
    const after = await at('2026-12-21T09:05:00Z', '/minutes note M1 After the end');
    expect(after).toMatchObject({ code: 1, stdout: expect.stringContaining('was dissolved on 2026-12-21; its record is read-only') });
    const again = await at('2026-12-21T09:06:00Z', '/exercise export');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(join(box.dir, 'exports', 'kosovo-2014-2026-12-21'));
  }, 180_000);
});
