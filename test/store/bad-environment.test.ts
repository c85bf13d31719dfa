import Database from 'better-sqlite3';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main';
import { createTestApp, snapshot, type TestApp } from '../helpers/app';
import { captureIo } from '../audit/cycle';

let dir: string | undefined;
let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function sandbox(): { DATABASE_PATH: string; OUTBOX_DIR: string } {
  dir = mkdtempSync(join(tmpdir(), 'convene-env-'));
  return { DATABASE_PATH: join(dir, 'convene.sqlite'), OUTBOX_DIR: join(dir, 'outbox') };
}

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(env);
  const code = await main(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const schema = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return JSON.stringify([db.pragma('user_version', { simple: true }), db.prepare('SELECT type, name FROM sqlite_master ORDER BY name').all()]);
  } finally {
    db.close();
  }
};

describe('a bad database environment gets one sentence and changes nothing', () => {
  it('refuses a database written by a newer release', async () => {
    const env = sandbox();
    expect((await cli(['init', '--example', 'kosovo'], env)).code).toBe(0);
    const raw = new Database(env.DATABASE_PATH);
    raw.pragma('user_version = 99');
    raw.close();
    const before = schema(env.DATABASE_PATH);
    const r = await cli(['/members list'], env);
    expect(r.err).toMatch(new RegExp(`^The database ${env.DATABASE_PATH} was written by a newer release of Convene \\(schema version 99; this release knows up to \\d+\\); nothing was changed\\. Run the newer release, or restore a backup made by this one \\(convene restore <file>\\)\\.\\n$`));
    expect(r.code).toBe(2);
    expect(schema(env.DATABASE_PATH)).toBe(before);
  });

  it("refuses another application's SQLite file and adds nothing to it", async () => {
    const env = sandbox();
    const other = new Database(env.DATABASE_PATH);
    other.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('ACME');`);
    other.close();
    const before = schema(env.DATABASE_PATH);
    const r = await cli(['init', '--example', 'kosovo'], env);
    expect(r.err).toBe(
      `The file ${env.DATABASE_PATH} is a SQLite database of another application (it has tables such as customers); Convene left it unchanged. Point DATABASE_PATH (or --db) at a new file or at a Convene database.\n`,
    );
    expect(r.code).toBe(2);
    expect(schema(env.DATABASE_PATH)).toBe(before);
  });

  it('answers a read while another connection holds the write lock, and says a write is busy', async () => {
    const env = sandbox();
    expect((await cli(['init', '--example', 'kosovo'], env)).code).toBe(0);
    const writer = new Database(env.DATABASE_PATH);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const read = await cli(['/members list'], env);
      expect(read.err).toBe('');
      expect(read.out).toContain('KAS');
      expect(read.code).toBe(0);
      // The log level a person gets when they set none (the one-shot CLI shows warnings).
      const write = await cli(['/members add-org WFP "World Food Programme"'], { ...env, LOG_LEVEL: '' });
      expect(write.out).toBe('The database is busy with another process (the bot, a backup or another command); nothing was changed. Please try again in a moment.\n');
      expect(write.code).toBe(1);
      // The sentence is the whole answer: no log line with a stack trace beside it.
      expect(write.err).toBe('');
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect((await cli(['/members list'], env)).out).not.toContain('WFP');
  }, 30_000);

  it('names a damaged database file and says to restore a backup', async () => {
    const env = sandbox();
    expect((await cli(['init', '--example', 'kosovo'], env)).code).toBe(0);
    const fd = openSync(env.DATABASE_PATH, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);
    const r = await cli(['/members list'], env);
    expect(r.err).toBe(`The database ${env.DATABASE_PATH} is damaged (it is not a SQLite database); nothing was changed. Restore the latest backup: convene restore <file from BACKUP_DIR> --force.\n`);
    expect(r.code).toBe(2);
  });

  it('names a full disk and a read-only database in the reply, with what to do, and changes nothing', () => {
    app = createTestApp();
    app.db.pragma(`max_page_count = ${app.db.pragma('page_count', { simple: true }) as number}`);
    // Organisations are added until the file can grow no more: the one that does not fit is refused, and not half-added.
    let full: ReturnType<TestApp['run']> | undefined;
    for (let i = 1; i <= 300 && !full; i++) {
      const before = snapshot(app.db);
      const r = app.run(`/members add-org ORG${i} "${'An organisation with a long name '.repeat(6)}${i}"`);
      if (r.status === 'refused') {
        full = r;
        expect(snapshot(app.db)).toBe(before);
      }
    }
    expect(full).toMatchObject({ status: 'refused', reply: 'The disk that holds the database is full; nothing was changed. Free some space on it, then try again.' });
    app.db.pragma('max_page_count = 1073741823');
    const before = snapshot(app.db);
    app.db.pragma('query_only = 1');
    const readOnly = app.run('/members add-org WFP "World Food Programme"');
    expect(readOnly).toMatchObject({
      status: 'refused',
      reply: 'The database is read-only for the bot (the file or its folder cannot be written); nothing was changed. Give the user that runs Convene write access to both, then try again.',
    });
    app.db.pragma('query_only = 0');
    expect(snapshot(app.db)).toBe(before);
  });
});
