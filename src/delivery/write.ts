import type { Db } from '../store/db';
import { inTransaction } from '../store/db';

/**
 * Runs `fn` in an IMMEDIATE transaction committed with synchronous=NORMAL: no wait for the disk.
 * In WAL mode the commit is written to the log before this returns, so it survives the process
 * being killed; only a power cut before the next durable commit (any synchronous=FULL commit, or
 * writeDurably) can lose it.
 */
export function writeAndForget<T>(db: Db, fn: () => T): T {
  // Statements, not db.pragma(): prepared once (the store caches them), so a write costs no parse.
  const before = (db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous;
  db.prepare('PRAGMA synchronous = NORMAL').run();
  try {
    return inTransaction(db, fn);
  } finally {
    db.prepare(`PRAGMA synchronous = ${before}`).run();
  }
}

/** Runs `fn` in an IMMEDIATE transaction with the connection's own durability (FULL: fsync at commit). */
export function writeDurably<T>(db: Db, fn: () => T): T {
  return inTransaction(db, fn);
}
