import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main';
import { ROOT } from '../helpers/app';
import { captureIo, tamper } from './cycle';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sandbox() {
  dir = mkdtempSync(join(tmpdir(), 'convene-backup-'));
  return { DATABASE_PATH: join(dir, 'convene.sqlite'), OUTBOX_DIR: join(dir, 'outbox'), BACKUP_DIR: join(dir, 'backups') };
}

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(env);
  const code = await main(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** The Kosovo example with an endorsement request E1 open. */
async function exercise(env: Record<string, string>): Promise<void> {
  expect((await cli(['init', '--example', 'kosovo'], env)).code).toBe(0);
  expect((await cli(['--now', '2026-11-22T09:00:00Z', '/endorse open PWG Terms of Reference version:v1'], env)).code).toBe(0);
}

/** What a person would ask of a database; two databases that answer these alike hold the same record. */
async function answers(env: Record<string, string>): Promise<string[]> {
  const ask = async (text: string) => (await cli(['--now', '2026-11-22T11:00:00Z', text], env)).out;
  return [await ask('/endorse status E1'), await ask('/members list'), (await cli(['verify'], env)).out];
}

describe('convene backup and convene restore', () => {
  it('back up while another process casts votes; each copy verifies and restores to a database that gives the same answers', async () => {
    const env = sandbox();
    await exercise(env);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/audit/fixtures/busy-writer.ts'), env.DATABASE_PATH, env.OUTBOX_DIR, '150'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), stdout.includes('started') && resolve())));
    const during: string[] = [];
    while (!stdout.includes('done') && during.length < 5) {
      const taken = await cli(['backup', '--to', join(dir, 'during')], env);
      expect(taken.err).toBe('');
      expect(taken.code).toBe(0);
      expect(taken.out).toMatch(/^Backed up to .*\.sqlite: SQLite's integrity check is ok and the record verifies \(1 exercise, \d+ audit entries, every chain intact\)\.\n$/);
      during.push(/Backed up to (.*\.sqlite):/.exec(taken.out)![1]!);
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(during.length).toBeGreaterThan(0);

    // A copy taken mid-run restores to a database that verifies.
    const midway = { ...env, DATABASE_PATH: join(dir, 'midway.sqlite') };
    expect((await cli(['restore', during[0]!], midway)).code).toBe(0);
    expect((await cli(['verify'], midway)).code).toBe(0);

    // Once the other process is done, a backup restores to a database that answers as the original does.
    const last = await cli(['backup'], env);
    const file = /Backed up to (.*\.sqlite):/.exec(last.out)![1]!;
    const restored = { ...env, DATABASE_PATH: join(dir, 'restored.sqlite') };
    const put = await cli(['restore', file], restored);
    expect(put.out).toMatch(new RegExp(`^Restored .*restored\\.sqlite from .* \\(1 exercise, \\d+ audit entries, every chain intact\\)\\. If the bot was running, start it again\\.\\n$`));
    const original = await answers(env);
    expect(original[0]).toMatch(/KAS: (endorse|object) .*replaces \d+ earlier votes/);
    expect(await answers(restored)).toEqual(original);
  }, 120_000);

  it('restore refuses a copy that does not verify, and never replaces a database without --force', async () => {
    const env = sandbox();
    await exercise(env);
    const file = /Backed up to (.*\.sqlite):/.exec((await cli(['backup'], env)).out)![1]!;
    const forged = join(dir, 'forged.sqlite');
    copyFileSync(file, forged);
    tamper(forged, `UPDATE audit_log SET actor = 'someone else' WHERE id = 2`);
    const refused = await cli(['restore', forged, '--force'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Not restored: The record in .*forged\.sqlite does not verify: kosovo-2014: Entry 2 \(.*\) was changed after it was written: its content \(the command, who acted, the outcome, the details or the rows it recorded\) no longer matches its hash\. Nothing was changed\.\n$/);

    const without = await cli(['restore', file], env);
    expect(without.code).toBe(1);
    expect(without.err).toBe(`Not restored: ${env.DATABASE_PATH} exists and restoring would replace it. Stop the bot, then add --force to replace it (a copy of it is kept in ${env.BACKUP_DIR} first).\n`);

    expect((await cli(['--now', '2026-11-22T10:00:00Z', '--as', 'focal@kas.example.org', '/endorse vote E1 object'], env)).code).toBe(0);
    expect((await answers(env))[0]).toContain('KAS: object');
    const forced = await cli(['restore', file, '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/The database it replaced is kept as .*before-restore-.*\.sqlite\./);
    expect((await answers(env))[0]).toContain('Votes (0 of 10 organisations)');
    expect(readdirSync(env.BACKUP_DIR).filter((f) => f.startsWith('before-restore-'))).toHaveLength(1);
  });

  it('backup names a database that is not there, and restore a file that is not there, in one sentence', async () => {
    const env = sandbox();
    expect(await cli(['backup'], env)).toEqual({ code: 2, out: '', err: `There is no database at ${env.DATABASE_PATH} (DATABASE_PATH or --db).\n` });
    const missing = await cli(['restore', join(dir, 'nothing.sqlite')], env);
    expect(missing).toEqual({ code: 1, out: '', err: `Not restored: There is no file ${join(dir, 'nothing.sqlite')}. Nothing was changed.\n` });
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });
});
