import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Which bot runs on a database: `npm start` writes `<database>.running` (beside its -wal and -shm
 * files) and removes it when it stops. A second bot on the same database would tick, send and
 * back up twice, and a restore under a running bot would give it a record it did not write: both
 * are refused while the file names a live process on this machine. A file left by a bot that
 * died (kill -9, a power cut) names a process that is gone, and is replaced. A bot on another
 * machine cannot be checked from here (a container restarted under a new name looks like one), so
 * such a file is replaced too: SQLite over a network share is not a supported set-up anyway.
 */
const Marker = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.string() });
type Marker = z.infer<typeof Marker>;

export interface RunningBot {
  pid: number;
  host: string;
  since: string;
  /** Where the marker is, for the sentence that tells an operator how to clear a wrong one. */
  file: string;
}

export function markerFile(databasePath: string): string {
  return `${databasePath}.running`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): Marker | null {
  try {
    const parsed = Marker.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The other live bot that the marker names, or null (no marker, an unreadable one, or a stale one). */
export function runningBot(databasePath: string): RunningBot | null {
  const file = markerFile(databasePath);
  const m = read(file);
  if (!m || m.host !== hostname() || m.pid === process.pid || !alive(m.pid)) return null;
  return { ...m, file };
}

/** The sentence for an operator about a bot found running. */
export function runningSentence(bot: RunningBot): string {
  return `A Convene bot is running on this database (process ${bot.pid}, started ${bot.since}). Stop it first (Ctrl-C in its terminal, or SIGTERM). If no bot runs, delete ${bot.file}.`;
}

export type Claim = { ok: true; release: () => void } | { ok: false; bot: RunningBot };

/** Marks the database as run by this process, unless another live bot runs on it. */
export function claimDatabase(databasePath: string, now: Date): Claim {
  const file = markerFile(databasePath);
  const marker: Marker = { pid: process.pid, host: hostname(), since: now.toISOString() };
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = runningBot(databasePath);
      if (other) return { ok: false, bot: other };
      // Stale: remove it and try once more; if another bot created it meanwhile, the second open says so.
      try {
        unlinkSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(marker)}\n`);
    } finally {
      closeSync(fd);
    }
    return {
      ok: true,
      release: () => {
        // Only our own marker: never one that a later bot wrote after this one was taken for dead.
        if (read(file)?.pid !== process.pid) return;
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      },
    };
  }
  const other = runningBot(databasePath);
  if (other) return { ok: false, bot: other };
  throw new Error(`Could not create ${file}: it keeps reappearing.`);
}
