import { join } from 'node:path';
import { readdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/app';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

describe('the one-shot CLI', () => {
  beforeAll(async () => {
    const r = await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('kosovo-2014');
  });

  it('prints the reply and exits 0 for an accepted command', async () => {
    const r = await runCli(['/members list PMG'], box.env);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('PMG of Kosovo 2014: 5 member organisations.');
  });

  it('joins shell words back into one command, keeping quoted values together', async () => {
    const r = await runCli(['--now', '2026-11-22T10:00:00Z', '/members', 'add-observer', 'guest@osce.example.org', 'Guest From OSCE'], box.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Guest From OSCE <guest@osce.example.org> is now an observer');
  });

  it('exits 1 for a refusal (rule, role, bad argument) and 2 for a usage error', async () => {
    expect((await runCli(['/members add-org KAS Again'], box.env)).code).toBe(1);
    expect((await runCli(['--as', 'focal@kas.example.org', '/members add-org WFP World Food Programme'], box.env)).code).toBe(1);
    expect((await runCli(['/members add-focal KAS not-an-email Name'], box.env)).code).toBe(1);
    const unknown = await runCli(['/frobnicate'], box.env);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stdout).toContain('There is no command /frobnicate');
    const flag = await runCli(['--loud', '/members list'], box.env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('Unknown flag --loud');
  });

  it('refuses a --now that is not a real instant', async () => {
    const r = await runCli(['--now', '2026-02-30T10:00:00Z', '/members list'], box.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--now 2026-02-30T10:00:00Z is not an ISO-8601 instant');
  });

  it('uses --now as the clock of every decision (the audit time of a change)', async () => {
    const r = await runCli(['--now', '2027-01-05T08:30:00Z', '/members add-org WFP World Food Programme'], box.env);
    expect(r.code).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(box.env.DATABASE_PATH!, { readonly: true });
    const row = db.prepare(`SELECT at FROM audit_log WHERE action = 'members add-org' ORDER BY id DESC LIMIT 1`).get() as { at: string };
    db.close();
    expect(row.at).toBe('2027-01-05T08:30:00.000Z');
  });

  it('acts as --as, and refuses an unknown --as', async () => {
    const r = await runCli(['--as', 'focal@kas.example.org', '/members check'], box.env);
    expect(r.code).toBe(0);
    const stranger = await runCli(['--as', 'nobody@example.org', '/members list'], box.env);
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toContain('Nobody with the e-mail nobody@example.org');
  });

  it('runs tick and reports what it did', async () => {
    const r = await runCli(['tick', '--now', '2026-11-22T11:00:00Z'], box.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/due jobs? run; messages: \d+ sent, 0 to retry, 0 failed\./);
  });

  it('says in one sentence, without a stack trace, when DATABASE_PATH is not a database', async () => {
    const r = await runCli(['/members list'], { ...box.env, DATABASE_PATH: box.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`DATABASE_PATH ${box.dir} cannot be opened as a SQLite database`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a bad configuration with a sentence and exit 2', async () => {
    const r = await runCli(['/members list'], { ...box.env, NOTICE_DAYS: 'a week' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NOTICE_DAYS must be a whole number of days');
  });
});

describe('init', () => {
  it('creates an exercise with its first coordinator and prints its slug; the CLI then acts as that coordinator', async () => {
    const b = cliSandbox();
    try {
      const r = await runCli(['init', '--exercise', 'Somalia 2027', '--timezone', 'Africa/Mogadishu', '--coordinator', 'coord@unhcr.example.org', '--coordinator-name', 'Amina Yusuf'], b.env);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Coordinator: Amina Yusuf <coord@unhcr.example.org>');
      expect(r.stdout.trim().split('\n').at(-1)).toBe('somalia-2027');
      const add = await runCli(['/members add-org UNHCR UN High Commissioner for Refugees pmg'], b.env);
      expect(add.code).toBe(0);
      const audit = await runCli(['--exercise', 'somalia-2027', '/members list'], b.env);
      expect(audit.stdout).toContain('Coordinator: Amina Yusuf');
    } finally {
      rmSync(b.dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown zone and an unknown example, and asks for the missing flags', async () => {
    const b = cliSandbox();
    try {
      const zone = await runCli(['init', '--exercise', 'X', '--timezone', 'Mars/Olympus', '--coordinator', 'c@example.org'], b.env);
      expect(zone.code).toBe(1);
      expect(zone.stderr).toContain('"Mars/Olympus" is not a time zone');
      const ex = await runCli(['init', '--example', 'atlantis'], b.env);
      expect(ex.code).toBe(1);
      expect(ex.stderr).toContain('There is no example "atlantis". Known examples: kosovo.');
      const missing = await runCli(['init', '--exercise', 'X'], b.env);
      expect(missing.code).toBe(2);
      expect(readdirSync(b.dir)).not.toContain('outbox');
    } finally {
      rmSync(b.dir, { recursive: true, force: true });
    }
  });

  it('says how to start on an empty database', async () => {
    const b = cliSandbox();
    try {
      const r = await runCli(['/members list'], b.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${join(ROOT, 'bin', 'convene.mjs')} init --example kosovo`);
      expect(r.stderr).toContain(`Created a new database: ${b.env.DATABASE_PATH}`);
    } finally {
      rmSync(b.dir, { recursive: true, force: true });
    }
  });
});
