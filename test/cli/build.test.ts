import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main';
import { ROOT } from '../helpers/app';
import { cliSandbox, runCli, runCliProcess } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

describe('the build', () => {
  it('is made by npm install and npm ci (prepare), kept out of git, and run by bin/convene.mjs without tsx', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('node scripts/build.mjs');
    expect(pkg.scripts.start).toBe('node bin/convene.mjs start');
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('dist/');
    expect(readFileSync(join(ROOT, 'bin', 'convene.mjs'), 'utf8')).not.toMatch(/from ['"]tsx|tsx\/esm|\.ts['"]/);
    const compiled = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.mjs'));
    expect(compiled).toContain('convene.mjs');
    for (const f of compiled) expect(readFileSync(join(ROOT, 'dist', f), 'utf8')).not.toMatch(/from ["']tsx|\.ts["']\)/);
  });

  it('finds the templates and the example exercise from dist/, whatever folder it is run from', async () => {
    const init = await runCliProcess(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env, box.dir);
    expect(init.code).toBe(0);
    expect(init.stdout.trim().split('\n').at(-1)).toBe('kosovo-2014');
    const open = await runCliProcess(['--now', '2026-11-22T09:00:00Z', '/endorse open PWG Terms of Reference version:v1 link:https://drive.example.org/tor-v1'], box.env, box.dir);
    expect(open.code).toBe(0);
    expect(open.stdout).toContain('Opened E1');
    // The invitation e-mails were rendered from templates/.
    const mails = readdirSync(join(box.dir, 'outbox'));
    expect(mails.length).toBeGreaterThan(0);
    expect(readFileSync(join(box.dir, 'outbox', mails[0]!), 'utf8')).toContain('Terms of Reference');
  });
});

describe('convene start', () => {
  it('shows the prompt before it runs what fell due, then runs it', async () => {
    const pending = () => {
      const db = new Database(box.env.DATABASE_PATH!, { readonly: true });
      try {
        return (db.prepare(`SELECT count(*) AS n FROM jobs WHERE status = 'pending' AND due_at <= '2026-12-30'`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect((await runCli(['--now', '2026-11-22T10:00:00Z', '/endorse open PMG Workplan version:v1 link:https://drive.example.org/wp'], box.env)).code).toBe(0);
    const due = pending();
    expect(due).toBeGreaterThan(0);
    const input = new PassThrough();
    let dueAtPrompt: number | null = null;
    // Looks at the database the moment the prompt is written.
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (dueAtPrompt === null && chunk.toString().includes('convene> ')) {
          dueAtPrompt = pending();
          input.end('quit\n');
        }
        done();
      },
    });
    let said = '';
    const code = await main(['start', '--now', '2026-12-30T09:00:00Z'], { stdout: (t) => void (said += t), stderr: (t) => void (said += t), env: box.env, terminal: { input, output } });
    expect(code).toBe(0);
    expect(said).toContain('Convene is running.');
    expect(dueAtPrompt).toBe(due);
    expect(pending()).toBe(0);
  });
});
