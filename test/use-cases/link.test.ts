import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../helpers/app';
import { identityOf, personByEmail } from '../../src/store/members';

let app: TestApp;
afterEach(() => app?.close());

async function codeFor(a: TestApp, address: string): Promise<string> {
  await a.sender.drain();
  const mail = a.email.to(address).at(-1)!;
  return /\/members verify (\d{6})/.exec(mail.payload.text)![1]!;
}

describe('/members link and /members verify (Discord identities)', () => {
  it('links a chat identity with the e-mailed code, once', async () => {
    app = createTestApp();
    const r = await app.runChat('/members link focal@kas.example.org', 'discord', '4242');
    expect(r).toMatchObject({ status: 'accepted', audience: 'person' });
    const code = await codeFor(app, 'focal@kas.example.org');
    const mail = app.email.to('focal@kas.example.org')[0]!;
    expect(mail.payload.subject).not.toContain(code);
    expect(mail.payload.html).toContain(code);
    expect((await app.runChat(`/members verify ${code}`, 'discord', '4242')).reply).toBe('Linked: this account now acts as Valon Morina <focal@kas.example.org>.');
    expect(identityOf(app.db, 'discord', '4242')?.personId).toBe(personByEmail(app.db, 'focal@kas.example.org')!.id);
    // Now a member: member commands work.
    expect((await app.runChat('/members list', 'discord', '4242')).status).toBe('accepted');
    // The code works once.
    expect((await app.runChat(`/members verify ${code}`, 'discord', '4242')).reply).toContain('No code is waiting');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    app = createTestApp();
    const known = await app.runChat('/members link focal@kas.example.org', 'discord', '1');
    const unknown = await app.runChat('/members link nobody@example.org', 'discord', '2');
    expect(unknown.reply.replace('nobody@example.org', 'X')).toBe(known.reply.replace('focal@kas.example.org', 'X'));
    await app.sender.drain();
    expect(app.email.to('nobody@example.org')).toHaveLength(0);
  });

  it('counts wrong codes and stops after five', async () => {
    app = createTestApp();
    await app.runChat('/members link focal@kas.example.org', 'discord', '7');
    const code = await codeFor(app, 'focal@kas.example.org');
    const wrong = code === '000000' ? '111111' : '000000';
    const replies: string[] = [];
    for (let i = 0; i < 5; i++) replies.push((await app.runChat(`/members verify ${wrong}`, 'discord', '7')).reply);
    expect(replies[0]).toBe('That code is not right; 4 tries left.');
    expect(replies[4]).toContain('that was the last try');
    expect((await app.runChat(`/members verify ${code}`, 'discord', '7')).reply).toContain('No code is waiting');
    expect(identityOf(app.db, 'discord', '7')).toBeUndefined();
  });

  it('expires a code after 15 minutes, at the minute', async () => {
    app = createTestApp();
    await app.runChat('/members link focal@kas.example.org', 'discord', '8');
    const code = await codeFor(app, 'focal@kas.example.org');
    app.clock.advance(15 * 60_000);
    expect((await app.runChat(`/members verify ${code}`, 'discord', '8')).reply).toContain('has expired');
  });

  it('accepts a code one minute before it expires', async () => {
    app = createTestApp();
    await app.runChat('/members link focal@kas.example.org', 'discord', '9');
    const code = await codeFor(app, 'focal@kas.example.org');
    app.clock.advance(14 * 60_000);
    expect((await app.runChat(`/members verify ${code}`, 'discord', '9')).status).toBe('accepted');
  });

  it('limits codes to three an hour per account', async () => {
    app = createTestApp();
    for (let i = 0; i < 3; i++) expect((await app.runChat('/members link focal@kas.example.org', 'discord', '10')).status).toBe('accepted');
    const before = snapshot(app.db);
    expect((await app.runChat('/members link focal@kas.example.org', 'discord', '10')).reply).toContain('3 codes were already sent');
    expect(snapshot(app.db)).toBe(before);
  });

  it('is for chat accounts only', () => {
    app = createTestApp();
    expect(app.run('/members link focal@kas.example.org').reply).toContain('Linking is for chat accounts');
  });

  it('links a Slack user by the e-mail Slack reports, on first use', async () => {
    app = createTestApp();
    const r = await app.core.handle({ text: '/members list', actor: { kind: 'chat', medium: 'slack', userId: 'U1', email: 'focal@drc.example.org' } });
    expect(r.status).toBe('accepted');
    expect(identityOf(app.db, 'slack', 'U1')).toMatchObject({ linkedBy: 'slack profile e-mail' });
  });
});
