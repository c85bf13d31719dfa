import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../adapters/cli/main';
import { ROOT } from '../helpers/app';
import { runCli } from '../helpers/cli';

/** Where the README's walk-throughs keep their own database and outbox; the test maps it to a temp folder. */
const README_DIR = '/tmp/convene-walkthrough';
const sandbox = mkdtempSync(join(tmpdir(), 'convene-readme-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

interface Step {
  line: string;
  words: string[];
  /** The reply as the README shows it under the command: `...` and `<placeholders>` stand for anything. */
  shown: string[];
}

/** Shell words as the README writes them: plain words, '...' and "..." (quotes join with what touches them). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/(?:[^\s'"]+|'[^']*'|"(?:\\.|[^"\\])*")+/g))
    words.push(m[0].replace(/'([^']*)'|"((?:\\.|[^"\\])*)"/g, (_q, single: string | undefined, double: string | undefined) => single ?? double!.replace(/\\(.)/g, '$1')));
  return words;
}

/** Every README section with a shell walk-through: `$ ` lines, each followed by the reply it shows. */
function walkThroughs(): { title: string; steps: Step[] }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const found: { title: string; steps: Step[] }[] = [];
  for (const section of readme.split(/^## /m).slice(1)) {
    const title = section.slice(0, section.indexOf('\n'));
    for (const block of section.matchAll(/```text\n([\s\S]*?)```/g)) {
      const steps: Step[] = [];
      for (const line of block[1]!.split('\n')) {
        if (line.startsWith('$ ')) steps.push({ line, words: shellWords(line.slice(2)), shown: [] });
        else if (line.trim() && steps.length) steps.at(-1)!.shown.push(line);
      }
      if (steps.some((s) => s.words[0] === 'bin/convene.mjs')) found.push({ title, steps });
    }
  }
  return found;
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shownAsPattern = (shown: string[]) =>
  new RegExp(shown.map((l) => squeeze(l).split(/(\.\.\.|<[^>]+>)/).map((part, i) => (i % 2 ? '.*?' : escape(part))).join('')).join('.*?'));
const mapped = (word: string) => word.replaceAll(README_DIR, sandbox);

// After every date the walk-throughs use: a line that relies on today's date instead of its --now shows up here.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2031-06-01T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the README walk-throughs', () => {
  const all = walkThroughs();

  it('are found: a meeting cycle, endorsing the TOR, minutes and the end of the exercise', () => {
    expect(all.map((w) => w.title)).toEqual(expect.arrayContaining(['A meeting cycle', 'Endorsing the TOR: one vote per organisation', 'Minutes, action items and the end of the exercise']));
  });

  it('never run a package from the registry: no line of a code block calls npx (an unrelated package is named convene)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const code = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
    expect(code.filter((l) => /\bnpx\b/.test(l))).toEqual([]);
    expect(code.filter((l) => l.includes('/opt/convene/bin/convene.mjs tick')).length).toBe(1);
  });

  for (const { title, steps } of all) {
    it(`${title}: starts from a stated clean database, and every line gives the reply shown, whatever today's date`, async () => {
      expect(steps[0]!.words.slice(0, 2), 'first line').toEqual(['export', `DATABASE_PATH=${README_DIR}/convene.sqlite`]);
      expect(steps[1]!.line, 'second line').toBe(`$ rm -rf ${README_DIR}`);
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LOG_LEVEL: 'warn' };
      for (const step of steps) {
        const [command, ...args] = step.words.map(mapped);
        if (command === 'export') {
          for (const a of args) env[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
        } else if (command === 'rm' && args[0] === '-rf' && args[1]?.startsWith(sandbox)) {
          rmSync(args[1], { recursive: true, force: true });
        } else if (command === 'bin/convene.mjs') {
          const r = await runCli(args, env);
          const said = squeeze(r.output!.replaceAll(sandbox, README_DIR));
          if (step.shown.length) expect(said, step.line).toMatch(shownAsPattern(step.shown));
          else expect(r.code, `${step.line}\n${said}`).toBe(0);
        } else throw new Error(`The test cannot run this README line: ${step.line}`);
      }
    }, 60_000);
  }
});

describe('the README console walk-through (two minutes with the example working group)', () => {
  it('gives the replies shown when typed into npm start on an empty database', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Two minutes with the example working group'));
    const block = /```text\n([\s\S]*?)```/.exec(section)![1]!;
    const typed: string[] = [];
    const shown: string[][] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('convene> ')) {
        typed.push(line.slice('convene> '.length));
        shown.push([]);
      } else if (line.trim()) shown.at(-1)!.push(line);
    }
    expect(typed.at(-1)).toBe('quit');
    const dir = join(sandbox, 'console');
    const input = new PassThrough();
    const output = new PassThrough();
    let said = '';
    output.on('data', (c: Buffer) => (said += c.toString()));
    input.end(typed.map((l) => `${l}\n`).join(''));
    const env = { PATH: process.env.PATH, LOG_LEVEL: 'warn', DATABASE_PATH: join(dir, 'convene.sqlite'), OUTBOX_DIR: join(dir, 'outbox') };
    expect(await main(['start'], { stdout: (t) => void (said += t), stderr: (t) => void (said += t), env, terminal: { input, output } })).toBe(0);
    // Each reply, in the order typed: split the terminal's output at the prompts.
    // Each reply shown, in the order typed (piped input gets one prompt, so the replies are found in turn).
    let rest = squeeze(said);
    for (const [i, lines] of shown.entries()) {
      if (!lines.length) continue;
      const found = shownAsPattern(lines).exec(rest);
      expect(found, typed[i]).not.toBeNull();
      rest = rest.slice(found!.index + found![0].length);
    }
  });
});
