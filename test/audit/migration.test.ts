import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations';
import { openDatabase } from '../../src/store/db';
import { verifyDatabase } from '../../src/store/verify-database';
import { chainOf } from '../../src/store/audit';
import { tamper } from './cycle';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as release 4 left it: an exercise, a vote, a handed-over message and four log entries, unchained. */
function release4Database(path: string): void {
  const db = openDatabase(path, { migrations: migrations.filter((m) => m.version <= 4) });
  db.exec(`
INSERT INTO exercises (slug, name, time_zone, notice_days, minutes_days, created_at) VALUES ('k', 'K', 'Europe/Belgrade', 7, 7, '2026-01-01T00:00:00.000Z');
INSERT INTO organisations (exercise_id, acronym, name, added_at) VALUES (1, 'KAS', 'Kosovo Agency of Statistics', '2026-01-01T00:00:00.000Z');
INSERT INTO people (email, name, created_at) VALUES ('c@x.org', 'C', '2026-01-01T00:00:00.000Z');
INSERT INTO endorsements (exercise_id, grp, title, rule, quorum, deadline_at, opened_at) VALUES (1, 'PWG', 'TOR', 'consensus', 1, '2026-02-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z');
INSERT INTO endorsement_votes (endorsement_id, organisation_id, choice, cast_by_person_id, cast_at) VALUES (1, 1, 'endorse', 1, '2026-01-03T00:00:00.000Z');
INSERT INTO outbox (exercise_id, kind, medium, address, payload, status, next_attempt_at, created_at, handed_over_at, provider_id)
  VALUES (1, 'endorsement-request', 'email', 'c@x.org', '{"subject":"S","text":"T"}', 'sent', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:01.000Z', '<p1@x>'),
         (1, 'endorsement-request', 'slack', 'slack:U1', '{"subject":"S","text":"T"}', 'sent', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:01.000Z', '1.2');
UPDATE outbox SET person_id = 1;
INSERT INTO audit_log (exercise_id, at, actor, action, command, outcome, detail) VALUES
  (1, '2026-01-02T00:00:00.000Z', 'c@x.org (local)', 'endorse open', '/endorse open PWG TOR', 'accepted', '{"endorsement":"E1"}'),
  (NULL, '2026-01-02T00:00:00.500Z', 'admin (local)', 'init', NULL, 'accepted', NULL),
  (1, '2026-01-02T00:00:01.000Z', 'outbox sender', 'message endorsement-request', NULL, 'sent', '{"outbox":1,"providerId":"<p1@x>"}'),
  (1, '2026-01-03T00:00:00.000Z', 'c@x.org (local)', 'endorse vote', '/endorse vote E1 endorse', 'accepted', NULL);
`);
  db.close();
}

describe('migration 005 on an existing database', () => {
  it('chains the entries already there, in order, and starts each exercise chain with an entry that records the state at the upgrade', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-m5-'));
    const path = join(dir, 'old.sqlite');
    release4Database(path);
    const db = openDatabase(path);
    const chain = chainOf(db, 1);
    expect(chain.map((e) => e.action)).toEqual(['endorse open', 'message endorsement-request', 'endorse vote', 'audit chain start', 'schema upgrade']);
    expect(chain[0]!.prevHash).toBeNull();
    expect(chain.slice(1).map((e) => e.prevHash)).toEqual(chain.slice(0, -1).map((e) => e.hash));
    const start = chain.at(-2)!;
    expect(start).toMatchObject({ actor: 'migration 005', at: '2026-01-03T00:00:00.000Z', detail: { schemaVersion: 5, chainedEntries: 3 } });
    expect(start.state!.map(([kind, id]) => `${kind}:${id}`)).toEqual(['message:1', 'message:2', 'vote:1']);
    // A later migration rewrote the Slack address (slack:person:U1): the chain says which did, and records the row anew.
    expect(chain.at(-1)!).toMatchObject({ actor: expect.stringMatching(/^migration 005, 006, 007/), detail: { rows: 1 } });
    expect(chain.at(-1)!.state!.map(([kind, id]) => `${kind}:${id}`)).toEqual(['message:2']);
    const reports = verifyDatabase(db);
    expect(reports.map((r) => [r.exercise?.slug ?? null, r.entries, r.findings])).toEqual([['k', 5, []], [null, 1, []]]);
    expect(reports[0]!.startedByMigration).toEqual({ entryId: 5, at: '2026-01-03T00:00:00.000Z' });
    db.close();
  });

  it('makes an edit after the upgrade visible, in an old entry and in a vote recorded at the upgrade', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-m5-'));
    const path = join(dir, 'old.sqlite');
    release4Database(path);
    openDatabase(path).close();
    tamper(path, `UPDATE audit_log SET command = '/endorse open PWG Other' WHERE id = 1; UPDATE endorsement_votes SET choice = 'object' WHERE id = 1;`);
    const db = openDatabase(path);
    const findings = verifyDatabase(db)[0]!.findings.map((f) => f.sentence);
    expect(findings).toEqual([
      'Entry 1 (2026-01-02T00:00:00.000Z, endorse open by c@x.org (local)) was changed after it was written: its content (the command, who acted, the outcome, the details or the rows it recorded) no longer matches its hash.',
      'Vote 1 differs from what entry 5 (2026-01-03T00:00:00.000Z, audit chain start by migration 005) recorded: it was changed afterwards.',
    ]);
    db.close();
  });
});
