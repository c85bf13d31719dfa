import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));
beforeAll(async () => {
  expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
  const somalia = ['init', '--exercise', 'Somalia 2027', '--timezone', 'Africa/Mogadishu', '--coordinator', 'coord@unhcr.example.org', '--coordinator-name', 'Amina Yusuf'];
  expect((await runCli(somalia, box.env)).code).toBe(0);
});

/** `convene start` in-process, with these lines typed; returns what the terminal showed. */
async function consoleSession(lines: string[], argv: string[] = []): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c: Buffer) => (shown += c.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const code = await main(['start', ...argv], { stdout: (t) => void (shown += t), stderr: (t) => void (shown += t), env: box.env, terminal: { input, output } });
  expect(code).toBe(0);
  return shown;
}

describe('several exercises', () => {
  it('/exercise list names them with their slugs, from the shell with no --exercise', async () => {
    const r = await runCli(['/exercise list'], box.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 exercises:\n- kosovo-2014: Kosovo 2014, Europe/Belgrade, active\n- somalia-2027: Somalia 2027, Africa/Mogadishu, active');
    expect(r.stdout).toContain('/exercise use <slug>');
  });

  it('an unknown --exercise lists the known slugs', async () => {
    const r = await runCli(['--exercise', 'somalia', '/members list'], box.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('There is no exercise "somalia". Known exercises: kosovo-2014, somalia-2027.');
  });

  it('asks a member which exercise in their own language, and changes nothing', async () => {
    const kas = ['--as', 'focal@kas.example.org'];
    expect((await runCli(['--exercise', 'kosovo-2014', ...kas, '/members language me sr-Cyrl'], box.env)).code).toBe(0);
    const r = await runCli([...kas, '/members language me sq'], box.env);
    expect(r).toMatchObject({ code: 1, stdout: expect.stringContaining('Овде је постављено више профилисања (kosovo-2014, somalia-2027): наведите које са --exercise <скраћени-назив>') });
    // Still sr-Cyrl: the refused command set nothing.
    const again = await runCli(['--exercise', 'kosovo-2014', ...kas, '/members language me sr-Cyrl'], box.env);
    expect(again.stdout).toBe('focal@kas.example.org већ чита Convene на српском, ћирилицом; ништа се није променило.\n');
  });

  it('/exercise use from a shell says where it works and what to use instead', async () => {
    const r = await runCli(['/exercise use somalia-2027'], box.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --exercise <slug> with each command');
  });

  it('in the console: /exercise use switches and is remembered; init switches to the new exercise; flags typed here are explained', async () => {
    const shown = await consoleSession([
      '/members list',
      '--exercise kosovo-2014 /members list',
      '/exercise use atlantis',
      '/exercise use somalia-2027',
      '/members list',
      '/exercise list',
      'init --exercise "Chad 2028" --timezone Africa/Ndjamena --coordinator coord@chad.example.org',
      '/members list',
      'quit',
    ]);
    expect(shown).toContain('Pick one with /exercise use <slug>;');
    expect(shown).toContain('Several exercises are set up (kosovo-2014, somalia-2027)');
    expect(shown).toContain('Here, pick the exercise with /exercise use <slug>');
    expect(shown).not.toContain('There is no command /--exercise');
    expect(shown).toContain('There is no exercise "atlantis". Known exercises: kosovo-2014, somalia-2027.');
    expect(shown).toContain('From now on this console acts in Somalia 2027 (somalia-2027).');
    expect(shown).toContain('Coordinator: Amina Yusuf');
    expect(shown).toContain('- somalia-2027: Somalia 2027, Africa/Mogadishu, active (in use here)');
    expect(shown).toContain('This console now acts in it');
    expect(shown.slice(shown.indexOf('This console now acts in it'))).toContain('coord@chad.example.org');
  });

  it('/help in the console also lists init, tick and quit', async () => {
    const shown = await consoleSession(['/help', 'quit'], ['--exercise', 'kosovo-2014']);
    expect(shown).toContain('/members');
    expect(shown).toMatch(/\n {2}init --example kosovo/);
    expect(shown).toMatch(/\n {2}tick {2,}run whatever is due now/);
    expect(shown).toMatch(/\n {2}quit {2,}stop the bot/);
  });
});
