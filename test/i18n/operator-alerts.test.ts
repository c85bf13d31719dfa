import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { linkIdentity, personByEmail } from '../../src/store/members';
import { outboxOfExercise } from '../../src/store/outbox';
import { COORDINATOR, createTestApp, MemoryPort, TEMPLATES, type TestApp } from '../helpers/app';
import { meetingWithAgenda, ok } from '../helpers/meetings';

let app: TestApp;
afterEach(() => app?.close());

describe("the coordinator's delivery alerts in the coordinator's language", () => {
  it('reports an address that refuses mail in Cyrillic, the provider\'s own answer quoted as it came', async () => {
    app = createTestApp();
    ok(app, `/members language ${COORDINATOR} sr-Cyrl`);
    app.email.fail = (m) => (m.address === 'focal@kas.example.org' ? { status: 'permanent', error: '550 5.1.1 mailbox unavailable' } : null);
    ok(app, `/meeting send ${meetingWithAgenda(app, '2026-12-10')}`);
    await app.sender.drain();
    const [report] = outboxOfExercise(app.db, 1).filter((m) => m.kind === 'delivery-failed' && m.address === COORDINATOR);
    expect(report!.payload.subject).toMatch(/^Није испоручено: Invitation: PWG meeting M1/);
    expect(report!.payload.text).toContain('Порука није могла да буде испоручена и Convene више неће покушавати:');
    expect(report!.payload.text).toContain('Разлог:    550 5.1.1 mailbox unavailable');
  });

  it('says in Albanian that e-mail keeps failing, since when in their words and zone', async () => {
    app = createTestApp();
    ok(app, `/members language ${COORDINATOR} sq`);
    ok(app, '/members timezone me America/New_York');
    linkIdentity(app.db, { medium: 'slack', userId: 'U1', personId: personByEmail(app.db, COORDINATOR)!.id, at: app.clock.now().toISOString(), by: 'test' });
    const slack = new MemoryPort('slack');
    const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email, slack], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
    app.email.fail = () => ({ status: 'transient', error: '421 4.3.2 Service not available' });
    ok(app, `/meeting send ${meetingWithAgenda(app, '2026-12-10')}`);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await sender.drain();
      app.clock.advance(3600_000);
    }
    const [trouble] = outboxOfExercise(app.db, 1).filter((m) => m.kind === 'delivery-trouble' && m.medium === 'slack');
    expect(trouble!.payload.subject).toBe('Dërgimi me e-mail vazhdon të dështojë (Kosovo 2014)');
    expect(trouble!.payload.text).toContain('Çdo mesazh me e-mail ka dështuar që nga Dielë, 22 Nëntor 2026, 10:00 (Europe/Belgrade) (Dielë, 22 Nëntor 2026, 04:00 (America/New_York) për ju).');
  });
});

describe('the scheduler alerts in the reader language', () => {
  const renderer = new TemplateRenderer(TEMPLATES);

  it('counts the failed attempts of a job in Serbian one/few/other', () => {
    const said = (attempts: number) => renderer.render('job-failing', { recipientName: 'Milica', job: 'meeting-reminder', ref: 'meeting:1', attempts, error: 'x', dueAt: 'd', nextTry: 'n' }, 'sr-Latn').text;
    expect(said(3)).toContain('nije uspelo 3 puta zaredom');
    expect(said(5)).toContain('nije uspelo 5 puta zaredom');
    expect(said(21)).toContain('nije uspelo 21 put zaredom');
    expect(said(3)).toContain('Posao:     meeting-reminder (meeting:1)');
  });

  it('writes the failed backup in Albanian, with the command to run kept as it is', () => {
    const { subject, text } = renderer.render('backup-failed', { recipientName: 'Arta', slot: '2026-12-01T02:00:00.000Z', reason: 'ENOSPC', folder: '/var/backups/convene' }, 'sq');
    expect(subject).toBe('Kopja rezervë e planifikuar e Convene dështoi');
    expect(text).toContain('planifikuar për 2026-12-01T02:00:00.000Z (UTC) nuk mund të bëhej:\n\n  ENOSPC');
    expect(text).toContain('`convene backup` bën një kopje me dorë');
  });
});
