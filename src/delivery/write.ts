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

/**
 * Until the returned function is called, this connection copies the log back into the database
 * (an automatic checkpoint: page writes and two fsyncs, on the calling thread, inside whichever
 * commit crosses the limit) only once the log holds `pages` pages instead of SQLite's 1,000. A
 * drain rewrites the same few outbox, index and audit pages in every commit: they are copied once
 * per checkpoint, not once per 1,000 pages. Durability is unchanged (it is the log's sync that
 * makes a commit durable, not the checkpoint).
 */
export function checkpointLess(db: Db, pages: number): () => void {
  const before = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (before <= 0 || before >= pages) return () => undefined;
  db.pragma(`wal_autocheckpoint = ${pages}`);
  return () => db.pragma(`wal_autocheckpoint = ${before}`);
}
