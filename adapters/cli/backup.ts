import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupDatabase, checkCopy } from '../../src/store/backup';
import type { Db } from '../../src/store/db';
import type { ChainReport } from '../../src/store/verify-database';
import type { CliIo } from './main';
import { runningBot, runningSentence } from './running-bot';
import { plural } from './verify';

function summary(reports: ChainReport[]): string {
  const exercises = reports.filter((r) => r.exercise).length;
  const entries = reports.reduce((n, r) => n + r.entries, 0);
  return `${plural(exercises, 'exercise')}, ${plural(entries, 'audit entry', 'audit entries')}, every chain intact`;
}

/** `convene backup [--to <folder>]`: an online copy of the live database, checked before it is named. */
export async function backupNow(db: Db, folder: string, now: Date, io: CliIo): Promise<number> {
  const result = await backupDatabase(db, folder, now);
  if (!result.ok) {
    io.stderr(`${result.sentence}\n`);
    return 1;
  }
  io.stdout(`Backed up to ${result.file}: SQLite's integrity check is ok and the record verifies (${summary(result.reports)}).\n`);
  return 0;
}

/**
 * `convene restore <file> [--force]`: only a copy that verifies, never over a database without
 * --force, never under a running bot, and the database it replaces is kept first. The copy goes in through SQLite's backup
 * API, so a leftover write-ahead log of the old file cannot mix with it.
 */
export async function restoreFrom(file: string, target: string, force: boolean, backupDir: string, now: Date, io: CliIo): Promise<number> {
  // Even with --force: the running bot would go on from a record it did not write.
  const bot = runningBot(target);
  if (bot) {
    io.stderr(`Not restored: ${runningSentence(bot)} Nothing was changed.\n`);
    return 1;
  }
  const checked = checkCopy(file);
  if (!checked.ok) {
    io.stderr(`Not restored: ${checked.sentence} Nothing was changed.\n`);
    return 1;
  }
  let kept = '';
  if (existsSync(target)) {
    if (!force) {
      io.stderr(`Not restored: ${target} exists and restoring would replace it. Stop the bot, then add --force to replace it (a copy of it is kept in ${backupDir} first).\n`);
      return 1;
    }
    mkdirSync(backupDir, { recursive: true });
    const safety = join(backupDir, `before-restore-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`);
    try {
      const live = new Database(target, { fileMustExist: true });
      try {
        await live.backup(safety);
      } finally {
        live.close();
      }
    } catch {
      // A damaged database cannot be read page by page; keep its bytes as they are.
      copyFileSync(target, safety);
    }
    kept = ` The database it replaced is kept as ${safety}.`;
  }
  mkdirSync(dirname(target), { recursive: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const after = checkCopy(target);
  if (!after.ok) {
    io.stderr(`The restored database does not check out: ${after.sentence}${kept}\n`);
    return 1;
  }
  io.stdout(`Restored ${target} from ${file} (${summary(after.reports)}).${kept} If the bot was running, start it again.\n`);
  return 0;
}
