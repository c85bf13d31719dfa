import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations';
import { CONVENE_APPLICATION_ID } from './migrations/005-audit-chain';
import { captureRecordedChanges } from './audit';
import { recordUpgradeChanges } from './audit-upgrade';

export type Db = Database.Database;

export interface OpenOptions {
  /** Defaults to the release's migrations; tests pass a prefix to build an "existing" database. */
  migrations?: Migration[];
}

/** A database Convene must not use as it is, with the sentence that says why and what to do. */
export class DatabaseRefused extends Error {}

/**
 * Opens (creating if needed) the SQLite file, sets the durability pragmas and applies pending
 * migrations. WAL + synchronous=FULL: an acknowledged vote survives a power cut. Opening takes
 * no write lock when there is nothing to migrate, so a read works while another process writes.
 * Refuses (DatabaseRefused) a database of a newer release and another application's file.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const known = options.migrations ?? allMigrations;
    checkOwnership(db, path, known);
    if (schemaVersion(db) < latestVersion(known)) migrate(db, known);
    captureRecordedChanges(db);
  } catch (err) {
    db.close();
    throw err;
  }
  cacheStatements(db);
  return db;
}

function latestVersion(migrations: Migration[]): number {
  return Math.max(0, ...migrations.map((m) => m.version));
}

/** Tables every Convene database has had since its first version. */
const CONVENE_TABLES = ['exercises', 'people', 'outbox', 'audit_log', 'jobs'];

/** Refuses (DatabaseRefused) a database of a newer release, or a file that is not Convene's. */
export function checkOwnership(db: Db, path: string, migrations: Migration[] = allMigrations): void {
  const version = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (version > latest)
    throw new DatabaseRefused(
      `The database ${path} was written by a newer release of Convene (schema version ${version}; this release knows up to ${latest}); nothing was changed. Run the newer release, or restore a backup made by this one (convene restore <file>).`,
    );
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId === CONVENE_APPLICATION_ID) return;
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name);
  if (tables.length === 0 && version === 0 && applicationId === 0) return; // a new, empty file
  // Files written before migration 5 are not marked; they are known by their tables.
  const olderConvene = applicationId === 0 && version >= 1 && CONVENE_TABLES.every((t) => tables.includes(t));
  if (!olderConvene)
    throw new DatabaseRefused(
      `The file ${path} is a SQLite database of another application (${tables.length === 0 ? 'it is marked as not Convene\'s' : `it has tables such as ${tables.slice(0, 3).join(', ')}`}); Convene left it unchanged. Point DATABASE_PATH (or --db) at a new file or at a Convene database.`,
    );
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
    // Read again under the write lock: another process may have migrated since we looked.
    const current = schemaVersion(db);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      m.after?.(db);
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }
    if (applied.length > 0 && schemaVersion(db) >= 5) recordUpgradeChanges(db, applied);
  });
  run.immediate();
  return applied;
}

/** Runs `fn` in an IMMEDIATE transaction (the write lock is taken at BEGIN, so no upgrade deadlock). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Runs `fn` in a DEFERRED transaction (a consistent read, no write lock); should it need to write
 * while another connection holds the lock or has written since it began reading (SQLITE_BUSY),
 * it runs again in an IMMEDIATE one. For work that usually only reads.
 */
export function readFirst<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).deferred();
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    if (!code.startsWith('SQLITE_BUSY')) throw err;
    return inTransaction(db, fn);
  }
}
