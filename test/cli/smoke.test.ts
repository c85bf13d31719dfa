import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox, runCliProcess } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

// The other CLI tests drive main(argv, io) in-process; these few run bin/convene.mjs as a script or cron would.
describe('bin/convene.mjs as a real process', () => {
  it('initialises, answers a command, and exits 0, 1 and 2 as documented', async () => {
    const init = await runCliProcess(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env);
    expect(init.code).toBe(0);
    expect(init.stdout.trim().split('\n').at(-1)).toBe('kosovo-2014');
    const list = await runCliProcess(['/members list PMG'], box.env);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain('PMG of Kosovo 2014: 5 member organisations.');
    const refused = await runCliProcess(['/members add-org KAS Again'], box.env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('KAS is already a member organisation');
    const usage = await runCliProcess(['--loud', '/members list'], box.env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown flag --loud');
  });

  it('says in one sentence, without a stack trace, when DATABASE_PATH is not a database', async () => {
    const r = await runCliProcess(['/members list'], { ...box.env, DATABASE_PATH: box.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`DATABASE_PATH ${box.dir} cannot be opened as a SQLite database`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
