import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter';
import { createTestApp, type TestApp } from '../helpers/app';

let app: TestApp;
afterEach(() => app?.close());

function drive(a: TestApp, options: Partial<ConstructorParameters<typeof ConsoleAdapter>[0]> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => (seen += c.toString('utf8')));
  const adapter = new ConsoleAdapter({ input, output, ...options });
  return { input, adapter, seen: () => seen, start: () => adapter.start(a.core) };
}

describe('the console adapter', () => {
  it('answers each line typed, in order, acting as the first coordinator', async () => {
    app = createTestApp();
    const c = drive(app);
    await c.start();
    c.input.write('/members add-org WFP World Food Programme\n/members list\n');
    c.input.write('/members add-org WFP Again\n');
    await new Promise((r) => setTimeout(r, 50));
    await c.adapter.idle();
    const out = c.seen();
    expect(out).toContain('Added WFP (World Food Programme) to the PWG.');
    expect(out.indexOf('Added WFP')).toBeLessThan(out.indexOf('PWG of Kosovo 2014: 11 member organisations.'));
    expect(out).toContain('WFP is already a member organisation');
    expect(out.startsWith('convene> ')).toBe(true);
    await c.adapter.stop();
  });

  it('acts as --as and strips terminal control sequences from replies', async () => {
    app = createTestApp();
    const c = drive(app, { as: 'focal@kas.example.org' });
    await c.start();
    c.input.write('/members add-org WFP World Food Programme\n');
    app.run('/members add-observer esc@example.org Evil \u001b[2J Name');
    c.input.write('/members list\n');
    await new Promise((r) => setTimeout(r, 50));
    await c.adapter.idle();
    expect(c.seen()).toContain('Only the Profiling Coordinator can use /members add-org; you are a focal point.');
    expect(c.seen()).not.toContain('\u001b');
    await c.adapter.stop();
  });

  it('hands lines such as init and quit to the local handler, and reports the end of input', async () => {
    app = createTestApp();
    let closed = false;
    const c = drive(app, { local: async (line) => (line === 'tick' ? 'ticked' : null), onClose: () => (closed = true) });
    await c.start();
    c.input.end('tick\n');
    await new Promise((r) => setTimeout(r, 50));
    await c.adapter.idle();
    expect(c.seen()).toContain('ticked');
    expect(closed).toBe(true);
  });

  it('runs nothing typed after quit', async () => {
    app = createTestApp();
    let c: ReturnType<typeof drive>;
    c = drive(app, { local: async (line) => (line === 'quit' ? (void c.adapter.stop(), 'Bye.') : null) });
    await c.start();
    c.input.write('quit\n/members add-org ZZZ After quit\n');
    await new Promise((r) => setTimeout(r, 50));
    await c.adapter.idle();
    expect(c.seen()).toContain('Bye.');
    expect(c.seen()).not.toContain('Added ZZZ');
    expect(app.run('/members list').reply).not.toContain('ZZZ');
  });

  it('shows messages addressed to the console', async () => {
    app = createTestApp();
    const c = drive(app);
    const r = await c.adapter.send({ id: 7, key: '7.5eed', medium: 'console', address: 'console:terminal', to: { medium: 'console', kind: 'person', id: 'console:terminal' }, payload: { subject: 'Reminder', text: 'The agenda of M1 is unsent.' } });
    expect(r).toEqual({ status: 'sent', providerId: 'console-7' });
    expect(c.seen()).toContain('The agenda of M1 is unsent.');
  });
});
