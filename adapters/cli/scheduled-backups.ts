import { resolve } from 'node:path';
import cron from 'node-cron';
import { BackupSchedule } from '../../src/scheduler/backups';
import { StartupError, type App } from '../compose';

export interface ScheduledBackups {
  schedule: BackupSchedule;
  /** The wake-up under way, if any (stop waits for it before the database closes). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * BACKUP_CRON while the bot runs. node-cron only wakes the schedule (and it is woken once at
 * start, for a time missed while the bot was down); what is due is decided by the database.
 * Null when no BACKUP_CRON is set.
 */
export function startScheduledBackups(app: App, options: { timezone?: string } = {}): ScheduledBackups | null {
  const { BACKUP_CRON: expression, BACKUP_DIR, BACKUP_KEEP } = app.config;
  if (!expression) return null;
  if (!cron.validate(expression))
    throw new StartupError(`BACKUP_CRON "${expression}" is not a cron expression; for every day at 02:00 write BACKUP_CRON="0 2 * * *".`);
  const zone = options.timezone ? { timezone: options.timezone } : {};
  // A task that is never started: its match() tells whether a minute is one of the scheduled times.
  const times = cron.createTask(expression, () => undefined, zone);
  const schedule = new BackupSchedule({
    db: app.db, clock: app.clock, logger: app.logger, renderer: app.renderer, folder: resolve(BACKUP_DIR), keep: BACKUP_KEEP,
    isScheduled: (minute) => times.match(minute),
    onQueued: () => app.sender.kick(),
  });
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const wake = () => {
    if (stopped) return;
    running = schedule.runIfDue().then(() => undefined, (err: unknown) => app.logger.error({ err }, 'scheduled backup failed'));
  };
  const trigger = cron.schedule(expression, wake, { ...zone, noOverlap: true });
  wake();
  return {
    schedule,
    settled: () => running,
    async stop() {
      stopped = true;
      await trigger.destroy();
      await times.destroy();
      await running;
    },
  };
}
