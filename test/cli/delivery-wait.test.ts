import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../adapters/cli/main';
import { consoleLocal } from '../../adapters/cli/console-local';
import { createApp } from '../../adapters/compose';
import { FixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { openDatabase } from '../../src/store/db';
import { outboxOfExercise } from '../../src/store/outbox';
import { PWG_PEOPLE } from '../helpers/meetings';
import { LoopbackSmtp, StalledSmtp } from '../helpers/smtp';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/**
 * The stalled server never answers, so delivery runs out of whatever time it is given: a one-shot
 * command's budget and the console's wait for `tick` are shortened from the product's 3 s to this.
 */
const STALLED_WAIT_MS = 50;

/** Runs the CLI in-process, as `convene <args>` would, with this environment. */
async function convene(args: string[], env: NodeJS.ProcessEnv, io: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { ...io, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

function sandbox(smtpPort: number): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'convene-cli-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return { DATABASE_PATH: join(dir, 'convene.sqlite'), SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, EMAIL_FROM: 'Convene <convene@pwg.example.org>' };
}

const at = ['--now', '2026-11-22T09:00:00Z'];
const shortBudget: Partial<CliIo> = { deliveryBudgetMs: STALLED_WAIT_MS };

/** The Kosovo example with M1 ready to send, its e-mail going to a server that never greets. */
async function exerciseWithStalledMail(): Promise<NodeJS.ProcessEnv> {
  const stalled = new StalledSmtp();
  await stalled.start();
  cleanup.push(() => stalled.stop());
  const env = sandbox(stalled.port);
  expect((await convene(['init', '--example', 'kosovo'], env, shortBudget)).code).toBe(0);
  for (const line of ['/meeting schedule PWG 2026-12-10 10:00 Agree the TOR', '/meeting agenda M1 add Review of the draft TOR'])
    expect((await convene([...at, line], env, shortBudget)).code).toBe(0);
  return env;
}

describe('a one-shot command and a mail server that stalls', () => {
  it('prints its reply, exits, says in one line what is left, and the next tick delivers it once the server answers', async () => {
    const env = await exerciseWithStalledMail();

    const sent = await convene([...at, '/meeting send M1'], env, shortBudget);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^Sent the invitation and agenda of M1/);
    expect(sent.stderr).toBe(`${PWG_PEOPLE} messages not delivered yet: the running bot or the next tick sends them.\n`);
    // A read delivers nothing and waits for nothing.
    const read = await convene([...at, '/members check'], env, shortBudget);
    expect(read.code).toBe(0);
    expect(read.stderr).toBe('');

    const db = openDatabase(env.DATABASE_PATH!);
    const rows = outboxOfExercise(db, 1);
    db.close();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(PWG_PEOPLE).fill(['pending', 0]));

    const good = new LoopbackSmtp();
    await good.start();
    cleanup.push(() => good.stop());
    const tick = await convene(['tick', ...at], { ...env, SMTP_URL: `smtp://127.0.0.1:${good.port}` });
    expect(tick.stdout).toContain(`messages: ${PWG_PEOPLE} sent, 0 to retry, 0 failed.`);
    expect(tick.stderr).toBe('');
    expect(good.received).toHaveLength(PWG_PEOPLE);
  }, 30_000);

  it('refuses a malformed EMAIL_FROM or an SMTP_URL without a server at start, in one sentence, changing nothing', async () => {
    const env = sandbox(25);
    for (const [name, value] of [['EMAIL_FROM', 'Convene convene@pwg.example.org'], ['EMAIL_FROM', 'a@pwg.example.org, b@pwg.example.org'], ['SMTP_URL', 'smtp://']]) {
      const r = await convene(['/members list'], { ...env, [name!]: value });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${name} `);
      expect(r.stderr).not.toContain('    at ');
    }
  });

  it('tick typed in the console answers while delivery goes on behind the prompt', async () => {
    const env = await exerciseWithStalledMail();
    expect((await convene([...at, '/meeting send M1'], env, shortBudget)).code).toBe(0);
    const loaded = loadConfig(env, '');
    if (!loaded.ok) throw new Error(loaded.problems.join(' '));
    const app = createApp({ config: loaded.config, clock: new FixedClock('2026-11-22T09:00:00Z'), logger: silentLogger });
    cleanup.push(() => app.close());
    const answer = await consoleLocal(app, () => null, () => undefined, STALLED_WAIT_MS)('tick');
    expect(answer).toBe('Running what is due; delivery is slow, so it goes on in the background and what it did is printed here when it is done.');
  }, 30_000);
});
