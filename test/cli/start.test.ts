import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/app';
import { cliSandbox } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

/** `npm start` is `node bin/convene.mjs start`: run it with typed lines on stdin, as a newcomer would. */
function start(lines: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'convene.mjs'), 'start'], { env: box.env, cwd: box.dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

describe('npm start', () => {
  it('on an empty database says how to begin, loads the example, answers commands, and stops at the end of input', async () => {
    const r = await start(['/members list', 'init --example kosovo', '/members list PMG', '/members add-org KAS Again', 'quit']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No exercise is set up yet. Type one of:');
    expect(r.out).toContain('init --example kosovo');
    // A command before init says how to begin, in words that work in this terminal too.
    expect(r.out).toContain("typed in the bot's terminal, or from a shell as bin/convene.mjs init ... in Convene's folder.");
    expect(r.out).toContain('Created the exercise "Kosovo 2014" (slug: kosovo-2014)');
    expect(r.out).toContain('PMG of Kosovo 2014: 5 member organisations.');
    expect(r.out).toContain('KAS is already a member organisation');
    expect(r.err).not.toMatch(/Error|at .*:\d+:\d+/);
    expect(existsSync(box.env.DATABASE_PATH!)).toBe(true);
  });

  it('on the next start lists the exercises and keeps the state', async () => {
    const r = await start(['/members list']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Exercises: Kosovo 2014 (kosovo-2014).');
    expect(r.out).toContain('PWG of Kosovo 2014: 10 member organisations.');
  });
});
