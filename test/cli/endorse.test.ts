import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, runCli } from '../helpers/cli';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));
const at = (now: string, ...args: string[]) => runCli(['--now', now, ...args], box.env);

describe('endorsements from the one-shot CLI', () => {
  beforeAll(async () => {
    expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
  });

  it('opens, votes, shows the status and closes at the deadline with `tick`, with exit codes for scripts', async () => {
    const open = await at('2026-11-22T09:00:00Z', '/endorse open PWG Terms of Reference version:v1 link:https://drive.example.org/tor-v1');
    expect(open.code).toBe(0);
    expect(open.stdout).toContain('Opened E1');
    expect(open.stderr).toContain('messages: 14 sent');

    const objection = await at('2026-11-22T10:00:00Z', '--as', 'focal@kas.example.org', '/endorse', 'vote', 'E1', 'object', 'Section IV is unclear');
    expect(objection.code).toBe(0);
    expect(objection.stdout).toContain("Recorded: KAS's vote on E1");

    expect((await at('2026-11-22T10:00:00Z', '--as', 'support@jips.example.org', '/endorse vote E1 endorse')).code).toBe(1);
    expect((await at('2026-11-22T10:00:00Z', '/endorse vote E1 endorse')).code).toBe(1);
    expect((await at('2026-11-22T10:00:00Z', '/endorse vote E1 maybe')).code).toBe(1);
    expect((await at('2026-11-22T10:00:00Z', '/endorse frobnicate E1')).code).toBe(2);

    const status = await at('2026-11-22T11:00:00Z', '--as', 'focal@unfpa.example.org', '/endorse status E1');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('- KAS: object (Valon Morina, 2026-11-22 11:00 Europe/Belgrade): "Section IV is unclear"');

    const late = await at('2026-11-29T09:00:00Z', '--as', 'focal@mcr.example.org', '/endorse vote E1 endorse');
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('Voting on E1 closed at its deadline');

    const tick = await runCli(['tick', '--now', '2026-11-29T09:00:30Z'], box.env);
    expect(tick.code).toBe(0);
    expect(tick.stdout).toContain('endorsement-close endorsement:1: E1 closed at its deadline: no quorum');
    const again = await runCli(['tick', '--now', '2026-11-29T09:01:00Z'], box.env);
    expect(again.stdout).toContain('0 due jobs run');

    const results = readdirSync(join(box.dir, 'outbox')).filter((f) => readFileSync(join(box.dir, 'outbox', f), 'utf8').includes('Endorsement result'));
    expect(results).toHaveLength(14);
    expect((await at('2026-11-29T10:00:00Z', '/endorse list closed')).stdout).toContain('E1 PWG "Terms of Reference" (version v1): closed 2026-11-29 10:00 Europe/Belgrade: no quorum');
  });
});
