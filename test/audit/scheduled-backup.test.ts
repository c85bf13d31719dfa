import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { createApp, type App } from '../../adapters/compose';
import { startScheduledBackups, type ScheduledBackups } from '../../adapters/cli/scheduled-backups';
import { main } from '../../adapters/cli/main';
import { outboxOfExercise } from '../../src/store/outbox';
import { auditOf } from '../../src/store/audit';
import { captureIo } from './cycle';

let dir: string;
let app: App | undefined;
let backups: ScheduledBackups | null = null;
afterEach(async () => {
  await backups?.stop();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The bot's app on the Kosovo example with BACKUP_CRON every day at 02:00 UTC and a clock the test moves. */
async function botWithBackups(env: Record<string, string>): Promise<{ clock: FixedClock; folder: string }> {
  dir = mkdtempSync(join(tmpdir(), 'convene-sched-'));
  const base = { DATABASE_PATH: join(dir, 'convene.sqlite'), OUTBOX_DIR: join(dir, 'outbox'), BACKUP_DIR: join(dir, 'backups'), BACKUP_CRON: '0 2 * * *', BACKUP_KEEP: '2', ...env };
  expect(await main(['init', '--example', 'kosovo'], captureIo(base))).toBe(0);
  const loaded = loadConfig(base);
  if (!loaded.ok) throw new Error(loaded.problems.join(' '));
  const clock = new FixedClock('2026-12-01T09:00:00Z');
  app = createApp({ config: loaded.config, clock, logger: silentLogger });
  return { clock, folder: base.BACKUP_DIR };
}

const files = (folder: string) => readdirSync(folder).sort();

describe('scheduled backups (BACKUP_CRON, BACKUP_KEEP)', () => {
  it('take the backup of the latest scheduled time once, whatever wakes them, and keep only BACKUP_KEEP copies', async () => {
    const { clock, folder } = await botWithBackups({});
    // At start, 09:00: today's 02:00 has no backup yet.
    backups = startScheduledBackups(app!, { timezone: 'UTC' });
    await backups!.settled();
    expect(files(folder)).toEqual(['convene-2026-12-01T09-00-00Z.sqlite']);
    // A doubled wake-up at the same time, and one at 01:59 the next day: nothing is due.
    expect(await backups!.schedule.runIfDue()).toEqual({ ran: false });
    clock.set('2026-12-02T01:59:00Z');
    expect(await backups!.schedule.runIfDue()).toEqual({ ran: false });
    clock.set('2026-12-02T02:00:00Z');
    expect(await backups!.schedule.runIfDue()).toMatchObject({ ran: true, ok: true, removed: [] });
    clock.set('2026-12-03T02:00:00Z');
    expect(await backups!.schedule.runIfDue()).toMatchObject({ ran: true, ok: true, removed: ['convene-2026-12-01T09-00-00Z.sqlite'] });
    expect(files(folder)).toEqual(['convene-2026-12-02T02-00-00Z.sqlite', 'convene-2026-12-03T02-00-00Z.sqlite']);
    // Three scheduled times missed while nobody woke it: one backup, for the latest.
    clock.set('2026-12-06T10:15:00Z');
    expect(await backups!.schedule.runIfDue()).toMatchObject({ ran: true, ok: true });
    expect(await backups!.schedule.runIfDue()).toEqual({ ran: false });
    expect(files(folder)).toEqual(['convene-2026-12-03T02-00-00Z.sqlite', 'convene-2026-12-06T10-15-00Z.sqlite']);
    expect(app!.db.prepare('SELECT slot, status FROM backups ORDER BY id').all()).toEqual([
      { slot: '2026-12-01T02:00:00.000Z', status: 'done' },
      { slot: '2026-12-02T02:00:00.000Z', status: 'done' },
      { slot: '2026-12-03T02:00:00.000Z', status: 'done' },
      { slot: '2026-12-06T02:00:00.000Z', status: 'done' },
    ]);
  });

  it('log a failed backup and tell the coordinator once per series of failures', async () => {
    const { clock } = await botWithBackups({});
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the backup folder should be');
    await app!.close();
    const loaded = loadConfig({ DATABASE_PATH: join(dir, 'convene.sqlite'), OUTBOX_DIR: join(dir, 'outbox'), BACKUP_DIR: join(blocked, 'backups'), BACKUP_CRON: '0 2 * * *' });
    if (!loaded.ok) throw new Error(loaded.problems.join(' '));
    app = createApp({ config: loaded.config, clock, logger: silentLogger });
    backups = startScheduledBackups(app, { timezone: 'UTC' });
    await backups!.settled();
    const told = () => outboxOfExercise(app!.db, 1).filter((m) => m.kind === 'backup-failed');
    expect(told().map((m) => m.address)).toEqual(['coordinator@unhcr.example.org']);
    expect(told()[0]!.payload.text).toContain('could not be made');
    clock.set('2026-12-02T02:00:00Z');
    expect(await backups!.schedule.runIfDue()).toMatchObject({ ran: true, ok: false });
    expect(told()).toHaveLength(1);
    expect(auditOf(app.db, 1).filter((e) => e.action === 'backup failed')).toHaveLength(1);
  });

  it('refuse at start a BACKUP_CRON that is not a cron expression', async () => {
    await botWithBackups({ BACKUP_CRON: 'every night' });
    expect(() => startScheduledBackups(app!)).toThrow('BACKUP_CRON "every night" is not a cron expression; for every day at 02:00 write BACKUP_CRON="0 2 * * *".');
  });
});
