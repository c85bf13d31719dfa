import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations';
import { openDatabase } from '../../src/store/db';
import { outboxEntry } from '../../src/store/outbox';
import { verifyDatabase } from '../../src/store/verify-database';
import { appendAudit, chainOf } from '../../src/store/audit';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 013: outbox payloads in their own table', () => {
  it('moves every payload out of the outbox row, and the chain recorded before it still verifies without a new entry', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-mig13-'));
    const path = join(dir, 'a.sqlite');
    const old = openDatabase(path, { migrations: migrations.filter((m) => m.version < 13) });
    old.prepare(`INSERT INTO exercises (slug, name, time_zone, notice_days, minutes_days, created_at) VALUES ('k', 'K', 'Europe/Belgrade', 7, 7, '2026-01-01T00:00:00.000Z')`).run();
    const payload = { subject: 'Invitation: PWG', text: 'The agenda of M1.', html: '<p>The agenda of M1.</p>', calendar: { method: 'REQUEST', content: 'BEGIN:VCALENDAR', filename: 'invite.ics' } };
    old.prepare(
      `INSERT INTO outbox (exercise_id, kind, medium, address, payload, next_attempt_at, created_at, message_key) VALUES (1, 'meeting-notice', 'email', 'a@b.org', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'k1')`,
    ).run(JSON.stringify(payload));
    // Handed over under the chain, as the sender records it: the entry holds the message's digest.
    old.transaction(() => {
      old.prepare(`UPDATE outbox SET status = 'sent', attempts = 1, handed_over_at = '2026-01-01T00:00:01.000Z', provider_id = '<p1@x>' WHERE id = 1`).run();
      appendAudit(old, { exerciseId: 1, at: '2026-01-01T00:00:01.000Z', actor: 'outbox sender', action: 'message meeting-notice', outcome: 'sent' });
    }).immediate();
    const before = chainOf(old, 1);
    expect(before.at(-1)!.state!.map(([kind, id]) => `${kind}:${id}`)).toEqual(['message:1']);
    old.close();

    const db = openDatabase(path);
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('outbox')`).all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('payload');
    expect(outboxEntry(db, 1)!.payload).toEqual(payload);
    expect(chainOf(db, 1)).toEqual(before);
    expect(verifyDatabase(db).map((r) => r.findings)).toEqual([[]]);
    db.close();
  });
});
