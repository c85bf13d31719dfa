import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, ROOT, type TestApp } from '../../helpers/app';
import { endorsementById } from '../../../src/store/endorsements';

let app: TestApp;
afterEach(() => app?.close());

interface Step {
  as?: string;
  text: string;
  /** The reply as the README shows it: `...` and `<placeholders>` stand for anything. */
  shown: string[];
}

/** The commands of the README's endorsement walk-through, with the replies it shows under them. */
function walkThrough(): Step[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Endorsing the TOR'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('The README has no endorsement walk-through.');
  const steps: Step[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('#')) {
      steps.at(-1)?.shown.push(line.replace(/^#\s*/, ''));
      continue;
    }
    if (!line.trim() || line.startsWith('npx convene init')) continue;
    const m = /^npx convene(?: --as (\S+))? "(.*)"$/.exec(line);
    if (!m) throw new Error(`Not a command the test can run: ${line}`);
    steps.push({ ...(m[1] ? { as: m[1] } : {}), text: m[2]!, shown: [] });
  }
  return steps;
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Opened E1 ... until <a week from now> Europe/Belgrade." as a pattern over the reply: the lines
 * shown, in order (the README leaves lines out between them).
 */
function shownAsPattern(shown: string[]): RegExp {
  const line = (l: string) => squeeze(l).split(/(\.\.\.|<[^>]+>)/).map((part, i) => (i % 2 ? '.*' : escape(part))).join('');
  return new RegExp(shown.map(line).join('.*'));
}

describe('the README walk-through of endorsing the TOR', () => {
  it('runs through the core as written, shows what the README says, and /exercise status shows the TOR endorsed', () => {
    app = createTestApp();
    const steps = walkThrough();
    expect(steps.length).toBeGreaterThan(10);
    expect(steps[0]!.text).toMatch(/^\/endorse open PWG .* document:tor/);
    let status = '';
    for (const step of steps) {
      const r = app.run(step.text, step.as);
      expect(r, `${step.as ?? 'coordinator'}: ${step.text}`).toMatchObject({ status: 'accepted' });
      if (step.shown.length) expect(squeeze(r.reply), step.text).toMatch(shownAsPattern(step.shown));
      if (step.text === '/exercise status') status = r.reply;
    }
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ document: 'tor', status: 'closed', outcome: 'endorsed', closedHow: 'all-voted' });
    expect(status).toContain('- objectives and TOR (key meeting: tor): E1 PWG "Terms of Reference of the PWG" (version v1): endorsed (closed 2026-11-22 10:00 Europe/Belgrade)');
    expect(status).not.toContain('objectives and TOR (key meeting: tor): not sought yet');
  });
});

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
