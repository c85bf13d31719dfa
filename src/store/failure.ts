import { DatabaseRefused } from './db';

/**
 * What went wrong with the database file, in a sentence that says what to do, for the failures
 * of the environment rather than of Convene: busy, full disk, damaged file, read-only file.
 * Null for anything else (a bug, answered as one).
 */
export function storageProblem(err: unknown, path?: string): string | null {
  if (err instanceof DatabaseRefused) return err.message;
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';
  const file = path ? `The database ${path}` : 'The database';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return 'The database is busy with another process (the bot, a backup or another command); nothing was changed. Please try again in a moment.';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code === 'SQLITE_IOERR_WRITE' && /full|space/i.test(String((err as Error).message))))
    return `The disk that holds ${path ?? 'the database'} is full; nothing was changed. Free some space on it, then try again.`;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return `${file} is damaged (${code === 'SQLITE_NOTADB' ? 'it is not a SQLite database' : 'SQLite found it corrupt'}); nothing was changed. Restore the latest backup: convene restore <file from BACKUP_DIR> --force.`;
  if (code.startsWith('SQLITE_READONLY'))
    return `${file} is read-only for the bot (the file or its folder cannot be written); nothing was changed. Give the user that runs Convene write access to both, then try again.`;
  if (code.startsWith('SQLITE_IOERR'))
    return `${file} could not be read or written (${code}: a disk or file-system error); nothing was changed. Check the disk; if the file is damaged, restore the latest backup with convene restore.`;
  return null;
}
