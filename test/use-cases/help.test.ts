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
});
