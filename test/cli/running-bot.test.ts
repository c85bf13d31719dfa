import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main';
import { claimDatabase, markerFile, runningBot } from '../../adapters/cli/running-bot';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

const NOW = new Date('2026-12-01T10:00:00Z');
let n = 0;
const freshPath = () => `${box.dir}/db-${++n}.sqlite`;

/** A marker as another bot would have left it. */
function leave(path: string, marker: { pid: number; host?: string }): void {
  writeFileSync(markerFile(path), JSON.stringify({ pid: marker.pid, host: marker.host ?? hostname(), since: '2026-12-01T08:00:00.000Z' }));
}

/** The process id of a process that has ended. */
function endedPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

// The test runner's parent process is alive, on this machine, and not this process: a bot as far as the marker can tell.
const LIVE = process.ppid;

describe('one bot per database: the .running marker', () => {
  it('is written with this process and released again; a second claim from another live process is refused', () => {
    const path = freshPath();
    const claim = claimDatabase(path, NOW);
    expect(claim.ok).toBe(true);
    expect(JSON.parse(readFileSync(markerFile(path), 'utf8'))).toEqual({ pid: process.pid, host: hostname(), since: '2026-12-01T10:00:00.000Z' });
    if (claim.ok) claim.release();
    expect(existsSync(markerFile(path))).toBe(false);

    leave(path, { pid: LIVE });
    const refused = claimDatabase(path, NOW);
    expect(refused).toEqual({ ok: false, bot: { pid: LIVE, host: hostname(), since: '2026-12-01T08:00:00.000Z', file: markerFile(path) } });
    // The other bot's marker is left as it was.
    expect(JSON.parse(readFileSync(markerFile(path), 'utf8')).pid).toBe(LIVE);
  });

  it('replaces a marker left by a bot that died, one from another machine, and one that cannot be read', () => {
    for (const left of [() => leave(freshPath(), { pid: endedPid() }), () => leave(freshPath(), { pid: LIVE, host: 'another-machine' }), () => writeFileSync(markerFile(freshPath()), '{"pid": "half-writ')]) {
      left();
      const path = `${box.dir}/db-${n}.sqlite`;
      expect(runningBot(path)).toBeNull();
      const claim = claimDatabase(path, NOW);
      expect(claim.ok).toBe(true);
      expect(JSON.parse(readFileSync(markerFile(path), 'utf8')).pid).toBe(process.pid);
    }
  });

  it('release leaves alone a marker that a later bot wrote after this one was taken for dead', () => {
    const path = freshPath();
    const claim = claimDatabase(path, NOW);
    leave(path, { pid: LIVE });
    if (claim.ok) claim.release();
    expect(JSON.parse(readFileSync(markerFile(path), 'utf8')).pid).toBe(LIVE);
  });
});

describe('npm start and convene restore with a bot running', () => {
  it('a second start on the same database is refused in one sentence, before anything is created', async () => {
    const path = freshPath();
    leave(path, { pid: LIVE });
    let said = '';
    const io = { stdout: (t: string) => void (said += t), stderr: (t: string) => void (said += t), env: { ...box.env, DATABASE_PATH: path }, terminal: { input: new PassThrough(), output: new PassThrough() } };
    expect(await main(['start'], io)).toBe(1);
    expect(said).toBe(`Not started: A Convene bot is running on this database (process ${LIVE}, started 2026-12-01T08:00:00.000Z). Stop it first (Ctrl-C in its terminal, or SIGTERM). If no bot runs, delete ${markerFile(path)}.\n`);
    expect(existsSync(path)).toBe(false);
  });

  it('a bot marks its database while it runs and unmarks it when it stops', async () => {
    const path = freshPath();
    const input = new PassThrough();
    const output = new PassThrough();
    let seen: unknown = null;
    output.on('data', () => {
      if (seen === null && existsSync(markerFile(path))) seen = JSON.parse(readFileSync(markerFile(path), 'utf8')).pid;
    });
    const bot = main(['start'], { stdout: () => undefined, stderr: () => undefined, env: { ...box.env, DATABASE_PATH: path }, terminal: { input, output } });
    input.end('/help\nquit\n');
    expect(await bot).toBe(0);
    expect(seen).toBe(process.pid);
    expect(existsSync(markerFile(path))).toBe(false);
  });

  it('restore is refused under a running bot, even with --force, and nothing is changed', async () => {
    const env = { ...box.env, DATABASE_PATH: freshPath(), BACKUP_DIR: `${box.dir}/kept` };
    expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], env)).code).toBe(0);
    const backup = await runCli(['backup', '--to', `${box.dir}/copies`], env);
    expect(backup.code).toBe(0);
    const copy = `${box.dir}/copies/${readdirSync(`${box.dir}/copies`)[0]}`;
    leave(env.DATABASE_PATH, { pid: LIVE });
    const before = statSync(env.DATABASE_PATH).mtimeMs;
    const r = await runCli(['restore', copy, '--force'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Not restored: A Convene bot is running on this database (process ${LIVE}, started 2026-12-01T08:00:00.000Z). Stop it first (Ctrl-C in its terminal, or SIGTERM). If no bot runs, delete ${markerFile(env.DATABASE_PATH)}. Nothing was changed.\n`);
    expect(statSync(env.DATABASE_PATH).mtimeMs).toBe(before);
    expect(existsSync(env.BACKUP_DIR)).toBe(false);
    // Once the bot has stopped (its marker names a process that has ended), the same restore goes ahead.
    leave(env.DATABASE_PATH, { pid: endedPid() });
    expect((await runCli(['restore', copy, '--force'], env)).code).toBe(0);
  });
});
