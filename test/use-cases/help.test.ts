import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { usageOf } from '../../src/commands/registry';
import { buildRegistry } from '../../src/use-cases/index';

let app: TestApp;
afterEach(() => app?.close());

describe('/help', () => {
  it('lists every command of the registry with its usage', () => {
    app = createTestApp();
    const r = app.run('/help');
    expect(r.status).toBe('accepted');
    for (const d of buildRegistry().all()) expect(r.reply).toContain(usageOf(d));
  });

  it('explains one command: usage, summary and who may use it', () => {
    app = createTestApp();
    const r = app.run('/help members add-focal');
    expect(r.reply).toContain('/members add-focal <acronym> <email> <name...>');
    expect(r.reply).toContain('Who may use it: the Profiling Coordinator.');
    expect(app.run('/help /members link').reply).toContain('anyone, even before linking');
  });

  it('lists the commands of a topic', () => {
    app = createTestApp();
    const r = app.run('/help members');
    expect(r.reply).toContain('/members check');
    expect(r.reply).not.toContain('/meeting');
  });

  it('is open to an unlinked chat user and refuses an unknown topic plainly', async () => {
    app = createTestApp();
    expect((await app.runChat('/help', 'slack', 'U999')).status).toBe('accepted');
    expect(app.run('/help frobnicate')).toMatchObject({ status: 'refused', reply: expect.stringContaining('There is no command /frobnicate') });
  });

  it('names the help as the platform offers it: /convene in chat, /help in the console', async () => {
    app = createTestApp();
    const chat = (text: string) => app.runChat(text, 'discord', '123', { helpCommand: '/convene' });
    const all = (await chat('/help')).reply;
    expect(all).toContain('Type /convene <command> for details, e.g. /convene members add-focal.');
    expect(all).toContain('/convene [command...]');
    expect(all).not.toContain('/help');
    expect((await chat('/help help')).reply).toMatch(/^\/convene \[command\.\.\.\]/);
    expect((await chat('/help frobnicate')).reply).toContain('Type /convene to see the commands.');
    expect((await chat('/frobnicate')).reply).toContain('Type /convene to see the commands.');
    expect((await chat('/members frob')).reply).toContain('Type /convene members for details.');
    expect(app.run('/help').reply).toContain('Type /help <command> for details');
    expect(app.run('/frobnicate').reply).toContain('Type /help to see the commands.');
  });
});
