import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app';
import { main } from '../../adapters/cli/main';
import { captureIo, meetingCycle, tamper } from './cycle';

let app: TestApp;
let pristine: string;
let dir: string;
let copies = 0;

beforeAll(async () => {
  app = await meetingCycle();
  dir = mkdtempSync(join(tmpdir(), 'convene-verify-'));
  pristine = join(dir, 'pristine.sqlite');
  await app.db.backup(pristine);
}, 60_000);
afterAll(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the cycle's database, edited with `sql`, then `convene verify` on it. */
async function verifyAfter(sql: string): Promise<{ code: number; out: string }> {
  const path = join(dir, `copy-${++copies}.sqlite`);
  copyFileSync(pristine, path);
  if (sql) tamper(path, sql);
  const io = captureIo();
  const code = await main(['verify', '--db', path], io);
  return { code, out: io.out.join('') + io.err.join('') };
}

const pick = <T>(sql: string): T => new Database(pristine, { readonly: true }).prepare(sql).get() as T;

describe('convene verify', () => {
  it('finds a whole meeting cycle intact: every chain, and every vote, minutes version and handed-over message against its entry', async () => {
    const { code, out } = await verifyAfter('');
    expect(out).toMatch(/^Kosovo 2014 \(kosovo-2014\): \d+ entries, chain head [0-9a-f]{64}\. Intact\.$/m);
    expect(code).toBe(0);
    const recorded = pick<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE state IS NOT NULL`);
    expect(recorded.n).toBeGreaterThan(10);
    // Each handover recorded its recipient and provider id in the entry that vouches for its row.
    const sent = pick<{ detail: string; state: string }>(`SELECT detail, state FROM audit_log WHERE actor = 'outbox sender' AND outcome = 'sent' LIMIT 1`);
    const messages = (JSON.parse(sent.detail) as { messages: { outbox: number; address: string; providerId: string }[] }).messages;
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toMatchObject({ address: expect.stringContaining('@'), providerId: expect.stringMatching(/^email-\d+$/) });
    const state = JSON.parse(sent.state) as [string, number, string][];
    expect(state.map(([kind, id]) => `${kind}:${id}`).sort()).toEqual(messages.map((m) => `message:${m.outbox}`).sort());
  });

  const entry = () => pick<{ id: number; at: string }>(`SELECT id, at FROM audit_log WHERE action = 'endorse vote' ORDER BY id LIMIT 1 OFFSET 1`);
  const columns = ['exercise_id', 'at', 'actor_person_id', 'actor', 'action', 'command', 'outcome', 'detail', 'state', 'prev_hash', 'hash'];
  const edits: Record<string, string> = {
    exercise_id: 'NULL', at: `'2026-11-09T08:00:00.000Z'`, actor_person_id: '1', actor: `'someone else'`, action: `'endorse proxy'`,
    command: `'/endorse vote E1 object'`, outcome: `'refused'`, detail: `'{"choice":"object"}'`, state: 'NULL', prev_hash: `'${'0'.repeat(64)}'`, hash: `'${'f'.repeat(64)}'`,
  };
  for (const column of columns)
    it(`finds and names an entry whose ${column} was edited with plain SQL`, async () => {
      const e = entry();
      const { code, out } = await verifyAfter(`UPDATE audit_log SET ${column} = ${edits[column]} WHERE id = ${e.id}`);
      expect(code).toBe(1);
      // Moved to another chain, the entry is named where its own chain now breaks.
      expect(out).toContain(column === 'exercise_id' ? `Entry ${e.id + 1} (` : `Entry ${e.id} (`);
      expect(out).toMatch(/finding(s)?: the record was changed outside Convene/);
      const what: Record<string, string> = {
        hash: 'its recorded hash was replaced (the entry after it still holds the true one).',
        prev_hash: 'its link to the entry before it was replaced.',
        actor: 'its content (the command, who acted, the outcome, the details or the rows it recorded) no longer matches its hash.',
      };
      if (what[column]) expect(out).toContain(`Entry ${e.id} (${e.at}, endorse vote by ${column === 'actor' ? 'someone else' : ''}`);
      if (what[column]) expect(out).toContain(what[column]);
    });

  it('names an entry whose id was changed, and the time it was written', async () => {
    const e = entry();
    const { code, out } = await verifyAfter(`UPDATE audit_log SET id = 100000 WHERE id = ${e.id}`);
    expect(code).toBe(1);
    expect(out).toContain(`Entry 100000 (${e.at}`);
  });

  it('finds a deleted entry: the next one no longer follows the one before it', async () => {
    const e = entry();
    const { code, out } = await verifyAfter(`DELETE FROM audit_log WHERE id = ${e.id}`);
    expect(code).toBe(1);
    expect(out).toContain(`Entry ${e.id + 1} (`);
    expect(out).toContain(`does not follow entry ${e.id - 1}: an entry between them was deleted or changed.`);
  });

  it('finds two entries reordered, and says so', async () => {
    const e = entry();
    const { code, out } = await verifyAfter(
      `UPDATE audit_log SET id = -1 WHERE id = ${e.id}; UPDATE audit_log SET id = ${e.id} WHERE id = ${e.id + 1}; UPDATE audit_log SET id = ${e.id + 1} WHERE id = -1;`,
    );
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`Entry ${e.id} \\(.*out of order|Entry ${e.id + 1} \\(.*reordered`));
  });

  const vote = () => pick<{ id: number }>(`SELECT id FROM endorsement_votes WHERE current = 0 LIMIT 1`);
  const voteEdits: Record<string, string> = {
    endorsement_id: '2', organisation_id: '3', choice: `'endorse'`, comment: `'nothing to add'`, cast_by_person_id: '2', proxy: '1',
    cast_at: `'2026-11-09T09:00:00.000Z'`, current: '0', replaced_at: 'NULL',
  };
  for (const [column, value] of Object.entries(voteEdits))
    it(`finds and names a vote whose ${column} was edited with plain SQL`, async () => {
      // The current vote for `current`, a replaced one for the rest (one current vote per organisation is a constraint).
      const v = column === 'current' ? pick<{ id: number }>('SELECT id FROM endorsement_votes WHERE current = 1 LIMIT 1') : vote();
      const { code, out } = await verifyAfter(`UPDATE endorsement_votes SET ${column} = ${value} WHERE id = ${v.id}`);
      expect(code).toBe(1);
      // Moved to another endorsement, the vote is no longer among this exercise's.
      expect(out).toMatch(
        column === 'endorsement_id'
          ? new RegExp(`Vote ${v.id}, recorded by entry \\d+ \\(.*\\), is no longer there`)
          : new RegExp(`Vote ${v.id} differs from what entry \\d+ \\(.*\\) recorded: it was changed afterwards\\.`),
      );
    });

  it('finds a deleted vote and a vote added outside Convene', async () => {
    const v = vote();
    expect((await verifyAfter(`DELETE FROM endorsement_votes WHERE id = ${v.id}`)).out).toMatch(new RegExp(`Vote ${v.id}, recorded by entry \\d+ .*, is no longer there`));
    const added = await verifyAfter(
      `INSERT INTO endorsement_votes (endorsement_id, organisation_id, choice, cast_by_person_id, cast_at, current) VALUES (1, 7, 'object', 1, '2026-11-20T09:00:00.000Z', 0)`,
    );
    expect(added.code).toBe(1);
    expect(added.out).toMatch(/Vote \d+ has no audit entry: it was written outside Convene\./);
  });

  it('finds a published minutes version and a handed-over message (its provider id) edited afterwards', async () => {
    const minutes = await verifyAfter(`UPDATE minutes_versions SET content = replace(content, 'The TOR is agreed', 'The TOR is rejected') WHERE version = 1`);
    expect(minutes.code).toBe(1);
    expect(minutes.out).toMatch(/Minutes version \d+ differs from what entry \d+/);
    const m = pick<{ id: number }>(`SELECT id FROM outbox WHERE status = 'sent' LIMIT 1`);
    const message = await verifyAfter(`UPDATE outbox SET provider_id = 'forged' WHERE id = ${m.id}`);
    expect(message.out).toMatch(new RegExp(`Message ${m.id} differs from what entry \\d+ \\(.*message .* by outbox sender\\) recorded`));
  });

  it('verifies one exercise with --exercise, and refuses an unknown one with the known slugs', async () => {
    const path = join(dir, 'one.sqlite');
    copyFileSync(pristine, path);
    const io = captureIo();
    expect(await main(['verify', '--db', path, '--exercise', 'kosovo-2014'], io)).toBe(0);
    const bad = captureIo();
    expect(await main(['verify', '--db', path, '--exercise', 'somalia'], bad)).toBe(2);
    expect(bad.err.join('')).toBe('There is no exercise "somalia". Known: kosovo-2014.\n');
  });
});
