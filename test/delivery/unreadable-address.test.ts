import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { enqueue, outboxEntry } from '../../src/store/outbox';

let app: TestApp;
afterEach(() => app?.close());

describe('an outbox row whose address cannot be read', () => {
  it('is not handed to the platform and fails for good, with the reason; a typed row beside it goes', async () => {
    app = createTestApp({ chatMedia: ['slack'] });
    const now = app.clock.now().toISOString();
    const payload = { subject: 'Reminder', text: 'The agenda of M1 is unsent.' };
    const untyped = enqueue(app.db, { exerciseId: 1, kind: 'test', medium: 'slack', address: 'slack:UKAS', payload }, now);
    const typed = enqueue(app.db, { exerciseId: 1, kind: 'test', medium: 'slack', address: 'slack:person:UKAS', payload }, now);
    await app.sender.drain();
    expect(app.chat[0]!.sent.map((m) => [m.address, m.to])).toEqual([['slack:person:UKAS', { medium: 'slack', kind: 'person', id: 'UKAS' }]]);
    expect(outboxEntry(app.db, untyped)).toMatchObject({ status: 'failed', lastError: 'slack:UKAS is not a slack address this version of Convene can deliver to.' });
    expect(outboxEntry(app.db, typed)!.status).toBe('sent');
  });
});
