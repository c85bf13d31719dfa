import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/app';
import { runCliProcess } from '../helpers/cli';

// An installation somewhere else than the checkout, used from folders that are not it (cron, a script, another project).
const base = mkdtempSync(join(tmpdir(), 'convene-install-'));
const installation = join(base, 'opt', 'convene');
const elsewhere = join(base, 'home', 'docs');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('an installation used from another folder', () => {
  it('keeps its database and outbox in its own data/ folder, reads its own .env, and says when it creates the database', async () => {
    for (const part of ['bin', 'dist', 'templates', join('data', 'examples'), 'package.json']) cpSync(join(ROOT, part), join(installation, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(installation, 'node_modules'));
    writeFileSync(join(installation, '.env'), 'NOTICE_DAYS=5\nOUTBOX_DIR=data/mail\n');
    mkdirSync(elsewhere, { recursive: true });
    const env = { PATH: process.env.PATH, HOME: join(base, 'home'), LOG_LEVEL: 'warn' };
    const bin = join(installation, 'bin', 'convene.mjs');

    const first = await runCliProcess(['/members list'], env, elsewhere, bin);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`Created a new database: ${join(installation, 'data', 'convene.sqlite')}`);
    expect(first.stderr).toContain(`Start with: ${bin} init --example kosovo`);
    expect(existsSync(join(elsewhere, 'data'))).toBe(false);

    const init = await runCliProcess(['init', '--example', 'kosovo'], env, elsewhere, bin);
    expect(init.code).toBe(0);
    expect(init.stderr).not.toContain('Created a new database');
    const chad = await runCliProcess(['init', '--exercise', 'Chad 2028', '--timezone', 'Africa/Ndjamena', '--coordinator', 'coord@chad.example.org'], env, elsewhere, bin);
    expect(chad.stdout).toContain('notice 5 days');
    const list = await runCliProcess(['--exercise', 'kosovo-2014', '/members list PMG'], env, base, bin);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('PMG of Kosovo 2014: 5 member organisations.');
    expect(existsSync(join(elsewhere, 'data'))).toBe(false);
    expect(existsSync(join(base, 'data'))).toBe(false);
    // A relative path in the installation's .env is next to it: the invitations of an opened vote land there.
    const vote = await runCliProcess(['--exercise', 'kosovo-2014', '/endorse open PWG Terms of Reference version:v1 link:https://drive.example.org/tor'], env, elsewhere, bin);
    expect(vote.code).toBe(0);
    expect(readdirSync(join(installation, 'data', 'mail')).length).toBeGreaterThan(0);
    expect(existsSync(join(elsewhere, 'data'))).toBe(false);
  });
});
