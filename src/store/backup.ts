import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseRefused, checkOwnership, type Db } from './db';
import { verifyDatabase, type ChainReport } from './verify-database';

/** `convene-2026-12-01T02-00-00Z.sqlite`: sorts by date, and is a valid file name everywhere. */
export const BACKUP_NAME = /^convene-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?\.sqlite$/;

function backupName(now: Date): string {
  return `convene-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}

export type CopyCheck = { ok: true; reports: ChainReport[] } | { ok: false; sentence: string };

/**
 * Whether a file is a whole Convene database whose record verifies: SQLite's integrity check,
 * then Convene's (its own, not newer than this release), then every audit chain. Opened
 * read-only: checking changes nothing.
 */
export function checkCopy(path: string): CopyCheck {
  if (!existsSync(path)) return { ok: false, sentence: `There is no file ${path}.` };
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, sentence: `${path} is damaged (SQLite's integrity check says: ${String(integrity)}).` };
    checkOwnership(db, path);
    const reports = verifyDatabase(db);
    const broken = reports.flatMap((r) => r.findings.map((f) => `${r.exercise?.slug ?? 'installation'}: ${f.sentence}`));
    if (broken.length > 0) return { ok: false, sentence: `The record in ${path} does not verify: ${broken.slice(0, 3).join(' ')}${broken.length > 3 ? ` (and ${broken.length - 3} more)` : ''}` };
    return { ok: true, reports };
  } catch (err) {
    if (err instanceof DatabaseRefused) return { ok: false, sentence: err.message };
    return { ok: false, sentence: `${path} cannot be read as a Convene database (${err instanceof Error ? err.message : String(err)}).` };
  } finally {
    db?.close();
  }
}

export type BackupResult = { ok: true; file: string; reports: ChainReport[] } | { ok: false; sentence: string };

/**
 * A consistent copy of the live database while other connections keep working (SQLite's online
 * backup), written under a temporary name, turned into a single self-contained file, checked
 * (`checkCopy`) and only then given its dated name: a file with a backup's name is a good one.
 */
export async function backupDatabase(db: Db, folder: string, now: Date): Promise<BackupResult> {
  const base = backupName(now);
  let target = join(folder, `${base}.sqlite`);
  for (let n = 2; existsSync(target); n++) target = join(folder, `${base}-${n}.sqlite`);
  const partial = `${target}.partial`;
  try {
    mkdirSync(folder, { recursive: true });
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const checked = checkCopy(partial);
    if (!checked.ok) {
      removeQuietly(partial);
      return { ok: false, sentence: `The backup was not kept: ${checked.sentence}` };
    }
    renameSync(partial, target);
    return { ok: true, file: target, reports: checked.reports };
  } catch (err) {
    removeQuietly(partial);
    return { ok: false, sentence: `The backup could not be written to ${folder} (${err instanceof Error ? err.message : String(err)}).` };
  }
}

/** Removes a half-written copy; where even that fails, the folder itself is the problem already reported. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there.
  }
}

/** Keeps the newest `keep` backups in the folder (by their dated names) and removes the older ones; returns those removed. */
export function pruneBackups(folder: string, keep: number): string[] {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder).filter((f) => BACKUP_NAME.test(f)).sort(byDate);
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) rmSync(join(folder, f), { force: true });
  return old;
}

/** `...T02-00-00Z.sqlite` before `...T02-00-00Z-2.sqlite` before `...-10.sqlite`. */
function byDate(a: string, b: string): number {
  const key = (f: string) => {
    const m = /^(.*Z)(?:-(\d+))?\.sqlite$/.exec(f)!;
    return [m[1]!, Number(m[2] ?? 1)] as const;
  };
  const [x, y] = [key(a), key(b)];
  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1];
}
