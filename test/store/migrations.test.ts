import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations';
import { openDatabase, schemaVersion } from '../../src/store/db';
import { appendAudit } from '../../src/store/audit';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('build an empty database up to the latest version, with WAL and FULL synchronous writes', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-mig-'));
    const db = openDatabase(join(dir, 'a.sqlite'));
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('upgrade an existing database in place and keep its rows; a second open applies nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-mig-'));
    const path = join(dir, 'b.sqlite');
    const old = openDatabase(path, { migrations: migrations.slice(0, 1) });
    expect(schemaVersion(old)).toBe(1);
    old.prepare(`INSERT INTO exercises (slug, name, time_zone, notice_days, minutes_days, created_at) VALUES ('k', 'K', 'Europe/Belgrade', 7, 7, '2026-01-01T00:00:00Z')`).run();
    old.close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(db.prepare('SELECT slug FROM exercises').all()).toEqual([{ slug: 'k' }]);
    db.close();
    const again = openDatabase(path);
    expect(schemaVersion(again)).toBe(Math.max(...migrations.map((m) => m.version)));
    again.close();
  });

  it('have strictly increasing versions', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-mig-'));
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('keep the audit log append-only', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-mig-'));
    const db = openDatabase(join(dir, 'c.sqlite'));
    appendAudit(db, { exerciseId: null, at: '2026-01-01T00:00:00Z', actor: 'test', action: 'x', outcome: 'accepted' });
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'forged'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});
