import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, ROOT, type TestApp } from '../../helpers/app';

let app: TestApp;
afterEach(() => app?.close());

// The walk-through itself runs, line by line from a clean database, in test/cli/readme.test.ts.

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

describe("the README's Commands section", () => {
  it('documents every option and flag /help gives for the /endorse commands', () => {
    app = createTestApp();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const commands = squeeze(readme.slice(readme.indexOf('## Commands'), readme.indexOf('## Endorsing the TOR')));
    const help = app.run('/help endorse');
    expect(help.status).toBe('accepted');
    const usages = help.reply.split('\n').filter((l) => l.startsWith('/endorse '));
    expect(usages).toHaveLength(6);
    expect(usages.find((u) => u.startsWith('/endorse open'))).toContain('[document:<tor|methodology|tools|findings|report|dissemination>]');
    expect(usages.find((u) => u.startsWith('/endorse open'))).toContain('[quorum:<n>]');
    expect(usages).toContain('/endorse close <id> [withdraw]');
    for (const usage of usages) {
      // "/endorse close <id> [withdraw]" is written "close <id> [withdraw]" in the README; options may come in another order.
      const [head, ...options] = usage.replace(/^\/endorse /, '').split(/ (?=\[\w+:)/);
      expect(commands, usage).toContain(head!);
      for (const option of options) expect(commands, usage).toContain(option);
    }
  });
});
