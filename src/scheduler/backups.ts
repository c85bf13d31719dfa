import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import { deliverToPerson } from '../core/context';
import type { Db } from '../store/db';
import { inTransaction } from '../store/db';
import { appendAudit } from '../store/audit';
import { backupDatabase, pruneBackups } from '../store/backup';
import { claimBackupSlot, finishBackup, lastBackupSlot, markBackupReported, previousFinishedBackup } from '../store/backups';
import { listExercises } from '../store/exercises';
import { coordinators } from '../store/members';

const MINUTE = 60_000;
/** How far back a wake-up looks for a scheduled time without a backup (downtime longer than this is not caught up). */
const LOOK_BACK_MS = 35 * 24 * 60 * MINUTE;

export interface BackupScheduleDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  renderer: TemplateRenderer;
  folder: string;
  keep: number;
  /** Whether a minute is one of the scheduled times (the cron expression, in the installation's zone). */
  isScheduled: (minute: Date) => boolean;
  /** Called after a failure was queued for the coordinators. */
  onQueued?: () => void;
}

export type BackupRun = { ran: false } | { ran: true; ok: true; file: string; removed: string[] } | { ran: true; ok: false; sentence: string };

/**
 * Scheduled backups. Whatever wakes it (the cron trigger, start-up), the database decides: the
 * latest scheduled minute up to now is due when no backup was claimed for it. A doubled wake-up
 * finds it claimed; a missed one is caught up by the next; after downtime one backup is taken,
 * for the latest time, not one per missed time.
 */
export class BackupSchedule {
  private running: Promise<BackupRun> | null = null;

  constructor(private readonly deps: BackupScheduleDependencies) {}

  /** The latest scheduled minute after `after` and at or before `now`, or null. */
  dueSlot(now: Date, after: string | null): Date | null {
    const floor = Math.max(after ? new Date(after).getTime() : -Infinity, now.getTime() - LOOK_BACK_MS);
    for (let t = Math.floor(now.getTime() / MINUTE) * MINUTE; t > floor; t -= MINUTE) if (this.deps.isScheduled(new Date(t))) return new Date(t);
    return null;
  }

  runIfDue(): Promise<BackupRun> {
    // Two wake-ups in one process share one run; across processes the claim decides.
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<BackupRun> {
    const { db, clock, logger, folder, keep } = this.deps;
    const now = clock.now();
    const slot = this.dueSlot(now, lastBackupSlot(db));
    if (!slot) return { ran: false };
    const id = inTransaction(db, () => claimBackupSlot(db, slot.toISOString(), now.toISOString()));
    if (id === null) return { ran: false };
    const result = await backupDatabase(db, folder, now).catch((err: unknown) => ({ ok: false as const, sentence: `The backup failed (${err instanceof Error ? err.message : String(err)}).` }));
    const at = clock.now().toISOString();
    if (result.ok) {
      inTransaction(db, () => finishBackup(db, id, at, { file: result.file }));
      const removed = pruneBackups(folder, keep);
      logger.info({ file: result.file, removed }, 'scheduled backup written');
      return { ran: true, ok: true, file: result.file, removed };
    }
    logger.error({ slot: slot.toISOString(), reason: result.sentence }, 'scheduled backup failed');
    inTransaction(db, () => {
      finishBackup(db, id, at, { error: result.sentence });
      const previous = previousFinishedBackup(db, id);
      if (previous?.status === 'failed' && previous.reported) return; // told at the first failure of this series
      this.tellCoordinators(slot, result.sentence, at);
      markBackupReported(db, id);
    });
    this.deps.onQueued?.();
    return { ran: true, ok: false, sentence: result.sentence };
  }

  /** Each coordinator of an active exercise hears it once, by e-mail, and each exercise's log records it. */
  private tellCoordinators(slot: Date, reason: string, at: string): void {
    const { db, renderer } = this.deps;
    const told = new Set<number>();
    for (const exercise of listExercises(db).filter((e) => e.status === 'active')) {
      for (const c of coordinators(db, exercise.id)) {
        if (told.has(c.id)) continue;
        told.add(c.id);
        deliverToPerson(db, renderer, exercise.id, at, { kind: 'backup-failed', ref: `backup:${slot.toISOString()}`, to: c, emailOnly: true, view: { slot: slot.toISOString(), reason, folder: this.deps.folder } });
      }
      appendAudit(db, { exerciseId: exercise.id, at, actor: 'scheduled backup', action: 'backup failed', outcome: 'failed', detail: { slot: slot.toISOString(), reason } });
    }
  }
}
