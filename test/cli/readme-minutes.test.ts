import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/app';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
box.env.EXPORTS_DIR = join(box.dir, 'exports');
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

interface Step {
  args: string[];
  /** The reply as the README shows it: `...` stands for anything. */
  shown: string[];
}

/** `--now 2026-12-01T09:10:00Z '/minutes note M1 ...'` as argv (single quotes only, as the README writes them). */
function argv(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The commands of the README's minutes walk-through, with the replies it shows under them. */
function walkThrough(): Step[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Minutes, action items and the end of the exercise'));
  const block = /```text\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('The README has no minutes walk-through.');
  const steps: Step[] = [];
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    const m = /^\$ npx convene (.*)$/.exec(line);
    if (m) steps.push({ args: argv(m[1]!), shown: [] });
    else steps.at(-1)?.shown.push(line);
  }
  return steps;
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shownAsPattern = (shown: string[]) =>
  new RegExp(shown.map((l) => squeeze(l).split('...').map(escape).join('.*')).join('.*'));

describe('the README walk-through of minutes, action items and the end of the exercise', () => {
  it('gives every time-dependent line a --now, and runs from the CLI as written with the replies it shows', async () => {
    const steps = walkThrough();
    expect(steps.length).toBeGreaterThan(10);
    for (const s of steps) expect(s.args, s.args.join(' ')).toContain('--now');

    // M1 on Tue 1 Dec 2026, 10:00, noticed as in "A meeting cycle".
    expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-10T09:00:00Z'], box.env)).code).toBe(0);
    for (const [now, text] of [
      ['2026-11-10T09:00:00Z', '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR milestone:tor where:"UNHCR office, Pristina"'],
      ['2026-11-10T09:01:00Z', '/meeting agenda M1 add Review of the draft TOR'],
      ['2026-11-10T09:02:00Z', '/meeting agenda M1 add Roles of the PWG and the PMG'],
      ['2026-11-21T10:00:00Z', '/meeting send M1'],
    ] as const) expect((await runCli(['--now', now, text], box.env)).code, text).toBe(0);

    for (const [i, s] of steps.entries()) {
      const r = await runCli(s.args, box.env);
      const label = s.args.join(' ');
      // The first line shows a refusal (before the meeting's start); every other one is accepted.
      expect(r.code, `${label}\n${r.stdout}${r.stderr}`).toBe(i === 0 ? 1 : 0);
      const out = squeeze(r.stdout.replaceAll(box.env.EXPORTS_DIR!, '/srv/convene/data/exports'));
      if (s.shown.length) expect(out, label).toMatch(shownAsPattern(s.shown));
    }
  }, 60_000);
});
