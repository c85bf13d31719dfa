import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, type TestApp } from '../helpers/app';

let app: TestApp;
afterEach(() => app?.close());

const remembered = () => (app.db.prepare('SELECT key FROM inbound_requests ORDER BY key').all() as { key: string }[]).map((r) => r.key);

describe('platform delivery ids', () => {
  it('are kept for a change, so a retry applies it once, and not for a read, which is simply answered again', async () => {
    app = createTestApp();
    const actor = { kind: 'local' as const, email: COORDINATOR };
    const read = app.core.handleSync({ text: '/members list', actor, deliveryId: 'slack:command:R1' });
    expect(read.status).toBe('accepted');
    expect(app.core.handleSync({ text: '/members list', actor, deliveryId: 'slack:command:R1' }).reply).toBe(read.reply);
    expect(remembered()).toEqual([]);

    const change = app.core.handleSync({ text: '/members add-org XYZ Some Organisation', actor, deliveryId: 'slack:command:C1' });
    const retry = app.core.handleSync({ text: '/members add-org XYZ Some Organisation', actor, deliveryId: 'slack:command:C1' });
    expect(retry).toEqual(change);
    expect(remembered()).toEqual(['slack:command:C1']);
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM organisations WHERE acronym = 'XYZ'`).get()).toEqual({ n: 1 });
  });
});
