import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Defaults to the release's migrations; tests pass a prefix to build an "existing" database. */
  migrations?: Migration[];
}

/**
 * Opens (creating if needed) the SQLite file, sets the durability pragmas and applies pending
 * migrations. WAL + synchronous=FULL: an acknowledged vote survives a power cut.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db, options.migrations ?? allMigrations);
  cacheStatements(db);
  return db;
}

/**
 * Store functions call `db.prepare(sql)` where they need it; compiling the same SQL again on every
 * call costs more than running it. Statements are reusable in better-sqlite3 (we never leave one
 * mid-iteration or switch it to raw/pluck mode), so each distinct SQL text is compiled once.
 */
function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = compile(source);
      cache.set(source, statement);
    }
    return statement;
  }) as Db['prepare'];
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: Migration[]): number[] {
  const applied: number[] = [];
  const run = db.transaction(() => {
    const current = schemaVersion(db);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }
  });
  run.immediate();
  return applied;
}

/** Runs `fn` in an IMMEDIATE transaction (the write lock is taken at BEGIN, so no upgrade deadlock). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
