import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations';
import { openDatabase } from '../../src/store/db';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 007: typed chat addresses', () => {
  it('rewrites chat rows of the outbox as person or channel, and leaves e-mail and typed rows alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-mig7-'));
    const path = join(dir, 'a.sqlite');
    const old = openDatabase(path, { migrations: migrations.filter((m) => m.version < 7) });
    old.prepare(`INSERT INTO exercises (slug, name, time_zone, notice_days, minutes_days, created_at) VALUES ('k', 'K', 'Europe/Belgrade', 7, 7, '2026-01-01T00:00:00Z')`).run();
    old.prepare(`INSERT INTO people (email, name, created_at) VALUES ('a@b.org', 'A', '2026-01-01T00:00:00Z')`).run();
    const insert = old.prepare(
      `INSERT INTO outbox (exercise_id, kind, medium, address, person_id, payload, next_attempt_at, created_at) VALUES (1, 'x', ?, ?, ?, '{"subject":"","text":""}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    for (const [medium, address, person] of [
      ['slack', 'slack:UKAS', 1], ['slack', 'slack:CPWG', null], ['discord', 'discord:80351110224678912', 1], ['discord', 'discord:1100', null],
      ['email', 'a@b.org', 1], ['slack', 'slack:person:UDONE', 1],
    ] as const) insert.run(medium, address, person);
    old.close();

    const db = openDatabase(path);
    expect((db.prepare('SELECT address FROM outbox ORDER BY id').all() as { address: string }[]).map((r) => r.address)).toEqual([
      'slack:person:UKAS', 'slack:channel:CPWG', 'discord:person:80351110224678912', 'discord:channel:1100', 'a@b.org', 'slack:person:UDONE',
    ]);
    db.close();
  });
});
