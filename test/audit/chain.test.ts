import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { verifyDatabase } from '../../src/store/verify-database';
import { appendAudit, chainOf } from '../../src/store/audit';
import { createTestApp } from '../helpers/app';
import { FOCAL } from '../helpers/endorsements';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('an entry is hashed as it is stored', () => {
  it('verifies when its detail held a Date or an undefined field', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-m5-'));
    const db = openDatabase(join(dir, 'new.sqlite'));
    appendAudit(db, { exerciseId: null, at: '2026-01-01T00:00:00.000Z', actor: 'test', action: 'x', outcome: 'done', detail: { when: new Date('2026-01-02T00:00:00Z'), gone: undefined } });
    appendAudit(db, { exerciseId: null, at: '2026-01-01T00:00:01.000Z', actor: 'test', action: 'y', outcome: 'done' });
    expect(verifyDatabase(db).map((r) => r.findings)).toEqual([[]]);
    expect(chainOf(db, null)[0]!.detail).toEqual({ when: '2026-01-02T00:00:00.000Z' });
    db.close();
  });
});

describe('the chain through the end of an exercise', () => {
  it('verifies after dissolution withheld what was queued, and a second exercise keeps its own chain', async () => {
    const app = createTestApp();
    try {
      expect(app.run('/endorse open PWG Terms of Reference').status).toBe('accepted');
      expect(app.run('/endorse vote E1 object Not yet', FOCAL.KAS).status).toBe('accepted');
      await app.sender.drain();
      expect(app.run('/endorse vote E1 endorse', FOCAL.KAS).status).toBe('accepted');
      expect(app.run('/exercise dissolve confirm').status).toBe('accepted');
      await app.sender.drain();
      const withheld = app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE last_error LIKE 'withheld%'`).get() as { n: number };
      expect(withheld.n).toBeGreaterThan(0);
      const reports = verifyDatabase(app.db);
      expect(reports.map((r) => r.findings)).toEqual(reports.map(() => []));
      expect(reports[0]!.entries).toBeGreaterThan(5);
    } finally {
      app.close();
    }
  });
});
