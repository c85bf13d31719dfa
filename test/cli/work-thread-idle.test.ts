import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));
beforeAll(async () => {
  expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
});

it('the running bot ends its work thread after WORK_THREAD_IDLE_SECONDS and the next command starts it again, applied once', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  let log = '';
  output.on('data', (c: Buffer) => (shown += c.toString()));
  const env = { ...box.env, WORK_THREAD_IDLE_SECONDS: '1', LOG_LEVEL: 'debug' };
  const bot = main(['start', '--now', '2026-11-22T09:00:00Z'], { stdout: (t) => void (shown += t), stderr: (t) => void (log += t), env, terminal: { input, output } });
  const ended = () => log.split('\n').filter((l) => l.includes('the work thread ends after a quiet spell')).length;

  await expect.poll(() => shown.includes('convene> '), { timeout: 30_000 }).toBe(true);
  input.write('/members add-observer first@example.org First Observer\n');
  await expect.poll(() => shown.includes('first@example.org'), { timeout: 30_000 }).toBe(true);
  await expect.poll(ended, { timeout: 30_000 }).toBe(1);
  input.write('/members add-observer second@example.org Second Observer\n');
  await expect.poll(() => shown.includes('second@example.org'), { timeout: 30_000 }).toBe(true);
  await expect.poll(ended, { timeout: 30_000 }).toBe(2);
  input.end('/members list\nquit\n');
  expect(await bot).toBe(0);

  // Each change answered once and applied once, the second by a thread started after the first ended.
  for (const who of ['First Observer <first@example.org>', 'Second Observer <second@example.org>'])
    expect(shown.split(`${who} is now an observer`).length - 1).toBe(1);
  expect(shown).toMatch(/Observers: First Observer <first@example\.org>; JIPS [^\n]*; Second Observer <second@example\.org>\n/);
  expect(log.split('\n').filter((l) => l.includes('"level":50'))).toEqual([]);
});
