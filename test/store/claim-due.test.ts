import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { enqueue } from '../../src/store/outbox';
import { claimDue } from '../../src/store/outbox-claim';

let app: TestApp;
afterEach(() => app?.close());

const at = (minutes: number) => new Date(Date.parse('2026-11-22T09:00:00Z') + minutes * 60_000).toISOString();

describe('claiming due messages', () => {
  it('takes the oldest due first across waiting messages and lapsed leases, up to the limit, on the media asked for', () => {
    app = createTestApp({ example: null });
    const queue = (address: string, due: number, medium: 'email' | 'slack' = 'email') =>
      enqueue(app.db, { exerciseId: null, kind: 'test', medium, address, notBefore: at(due), payload: { subject: address, text: address } }, at(-60));
    const later = queue('later@example.org', -10);
    const lapsed = queue('lapsed@example.org', -30);
    const first = queue('first@example.org', -40);
    const leased = queue('leased@example.org', -50);
    queue('future@example.org', 5);
    const chat = queue('slack:channel:C1', -45, 'slack');
    // Two earlier claims: one whose lease ran out (its sender died), one still held.
    app.db.prepare(`UPDATE outbox SET status = 'sending', lease_until = ? WHERE id = ?`).run(at(-1), lapsed);
    app.db.prepare(`UPDATE outbox SET status = 'sending', lease_until = ? WHERE id = ?`).run(at(4), leased);

    const now = at(0);
    expect(claimDue(app.db, now, at(5), 2, ['email']).map((e) => e.id)).toEqual([first, lapsed]);
    expect(claimDue(app.db, now, at(5), 10, ['email']).map((e) => e.id)).toEqual([later]);
    expect(claimDue(app.db, now, at(5), 10, ['email', 'slack']).map((e) => e.id)).toEqual([chat]);
    expect(claimDue(app.db, at(4), at(9), 10, ['email']).map((e) => e.id)).toEqual([leased]);
  });
});
