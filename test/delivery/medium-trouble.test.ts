import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { linkIdentity, personByEmail } from '../../src/store/members';
import { outboxOfExercise } from '../../src/store/outbox';
import { COORDINATOR, createTestApp, MemoryPort, TEMPLATES, type TestApp } from '../helpers/app';
import { meetingWithAgenda, ok, PWG_PEOPLE } from '../helpers/meetings';

let app: TestApp;
afterEach(() => app?.close());

describe('a medium that keeps failing', () => {
  it('is reported to the coordinator once, on another medium, not per message, and /exercise status shows it', async () => {
    app = createTestApp();
    linkIdentity(app.db, { medium: 'slack', userId: 'U1', personId: personByEmail(app.db, COORDINATOR)!.id, at: app.clock.now().toISOString(), by: 'test' });
    const slack = new MemoryPort('slack');
    const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email, slack], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
    const told: string[] = [];
    sender.onNotice((s) => told.push(s));
    app.email.fail = () => ({ status: 'transient', error: '421 4.3.2 Service not available, closing channel' });
    ok(app, `/meeting send ${meetingWithAgenda(app, '2026-12-10')}`);

    await sender.drain();
    app.clock.advance(59 * 60_000);
    await sender.drain();
    // Under an hour: retried quietly.
    expect(told).toEqual([]);
    expect(ok(app, '/exercise status')).not.toContain('delivery has been failing');

    // Every message is retried until it gives up, hours later; the coordinator hears it once.
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      app.clock.advance(3600_000);
      await sender.drain();
    }
    const trouble = slack.to('slack:person:U1').filter((m) => m.payload.subject === 'E-mail delivery keeps failing (Kosovo 2014)');
    expect(trouble).toHaveLength(1);
    expect(trouble[0]!.payload.text).toContain('421 4.3.2 Service not available, closing channel');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^E-mail delivery has been failing since 2026-11-22T09:00:00.000Z/);
    const invitations = outboxOfExercise(app.db, 1).filter((r) => r.kind === 'meeting-invitation' && r.medium === 'email');
    expect(invitations.map((r) => r.status)).toEqual(Array(PWG_PEOPLE).fill('failed'));
    expect(outboxOfExercise(app.db, 1).filter((r) => r.kind === 'delivery-failed')).toEqual([]);
    expect(ok(app, '/exercise status')).toContain('E-mail delivery has been failing since 2026-11-22 10:00 Europe/Belgrade (last answer: 421 4.3.2 Service not available, closing channel).');

    // It works again: the episode ends, and the status says nothing more about it.
    app.email.fail = () => null;
    ok(app, '/members add-observer guest@example.org Guest');
    ok(app, `/meeting send ${meetingWithAgenda(app, '2027-01-20')}`);
    await sender.drain();
    expect(ok(app, '/exercise status')).not.toContain('delivery has been failing');
  });

  it('gives every message a Message-ID key unique to its row and the same on every retry', async () => {
    const keysOfFreshDatabase = async () => {
      app = createTestApp();
      let calls = 0;
      app.email.fail = () => (++calls === 1 ? { status: 'transient', error: '451 later' } : null);
      expect((await app.runChat('/members link focal@kas.example.org', 'discord', '55')).status).toBe('accepted');
      const seen: string[] = [];
      const port = { medium: 'email' as const, send: async (m: Parameters<MemoryPort['send']>[0]) => (seen.push(m.key), app.email.send(m)) };
      const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [port], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
      await sender.drain();
      app.clock.advance(60_000);
      await sender.drain();
      app.close();
      return seen;
    };
    const first = await keysOfFreshDatabase();
    const second = await keysOfFreshDatabase();
    // Retried: the same key twice. A fresh database's row 1 gets another key.
    expect(first).toHaveLength(2);
    expect(first[0]).toBe(first[1]);
    expect(first[0]).toMatch(/^1\.[0-9a-f]{24}$/);
    expect(second[0]).toMatch(/^1\./);
    expect(second[0]).not.toBe(first[0]);
  });
});
