import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completeWord, ConsoleAdapter } from '../../adapters/console/console-adapter';
import { consoleCompletion } from '../../adapters/cli/console-local';
import { createApp, type App } from '../../adapters/compose';
import { FixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { ROOT } from '../helpers/app';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));
beforeAll(async () => {
  expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
  expect((await runCli(['--now', '2026-11-22T09:00:00Z', '/meeting schedule PWG 2026-12-10 10:00 Agree the TOR'], box.env)).code).toBe(0);
});

describe('the CLI as people expect', () => {
  it('--version prints the installed version; -h and --help print the usage, wherever they are typed', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(['--version'], box.env)).toMatchObject({ code: 0, stdout: `convene ${version}\n`, stderr: '' });
    for (const argv of [['-h'], ['--help'], ['/members list', '--help'], ['tick', '-h']]) {
      const r = await runCli(argv, box.env);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout).toContain('convene start');
    }
  });

  it('takes a known flag after the command text, and refuses another with a sentence that says where flags go', async () => {
    const taken = await runCli(['/meeting show M1', '--now', '2026-11-22T10:00:00Z', '--as', 'focal@kas.example.org'], box.env);
    expect(taken.code).toBe(0);
    expect(taken.stdout).toContain('Agree the TOR');
    const refused = await runCli(['/meeting show M1', '--loud'], box.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--loud is not a flag of convene. Flags go before the command text');
  });

  it('suggests the command meant by a misspelt one', async () => {
    expect((await runCli(['/meetings list'], box.env)).stdout).toContain('There is no command /meetings. Did you mean /meeting?');
    expect((await runCli(['/member list'], box.env)).stdout).toContain('There is no command /member. Did you mean /members?');
    expect((await runCli(['/meeting shedule PWG'], box.env)).stdout).toContain('/meeting has no "shedule" (did you mean /meeting schedule?)');
    expect((await runCli(['/xyzzy'], box.env)).stdout).not.toContain('Did you mean');
  });
});

describe('console line editing, history and Tab completion', () => {
  let app: App;
  afterEach(async () => app?.close());

  function openApp(): App {
    const loaded = loadConfig(box.env, '');
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    app = createApp({ config: loaded.config, clock: new FixedClock(new Date('2026-11-22T11:00:00Z')), logger: silentLogger });
    return app;
  }

  it('completes commands, subcommands, ids, acronyms and slugs', () => {
    const complete = consoleCompletion(openApp(), () => undefined);
    expect(completeWord('/memb', complete('/memb'))).toEqual([['/members'], '/memb']);
    expect(completeWord('ti', complete('ti'))).toEqual([['tick'], 'ti']);
    expect(completeWord('/meeting sh', complete('/meeting sh'))).toEqual([['show'], 'sh']);
    expect(completeWord('/meeting show m', complete('/meeting show m'))).toEqual([['M1', 'MCR'], 'm']);
    expect(completeWord('/members add-focal KA', complete('/members add-focal KA'))).toEqual([['KAS'], 'KA']);
    expect(completeWord('/exercise use kos', complete('/exercise use kos'))).toEqual([['kosovo-2014'], 'kos']);
  });

  it('in a terminal: Tab completes the command, Up brings back the last line', async () => {
    const a = openApp();
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (c: Buffer) => (shown += c.toString()));
    const terminal = new ConsoleAdapter({ input, output, terminal: true, complete: consoleCompletion(a, () => undefined) });
    await terminal.start(a.core);
    // One write per keystroke group, as a terminal sends them (readline takes a Tab inside pasted text literally).
    for (const keys of ['/memb', '\t', ' list PMG', '\r']) {
      input.write(keys);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 50));
    await terminal.idle();
    expect(shown.split('PMG of Kosovo 2014: 5 member organisations.').length - 1).toBe(1);
    input.write('\u001b[A\r');
    await new Promise((r) => setTimeout(r, 50));
    await terminal.idle();
    expect(shown.split('PMG of Kosovo 2014: 5 member organisations.').length - 1).toBe(2);
    await terminal.stop();
  });
});
