import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/app';
import { cliSandbox, runCli } from '../../helpers/cli';
import { freePort } from '../../helpers/free-port';
import { FakeSlack, waitFor } from '../slack/fake-slack';
import { APPLICATION_ID, FakeDiscord, GUILD_ID, snowflake } from './fake-discord';

let child: ChildProcessWithoutNullStreams | undefined;
let discord: FakeDiscord | undefined;
let slack: FakeSlack | undefined;
let dir: string | undefined;

afterEach(async () => {
  child?.kill('SIGKILL');
  await discord?.close();
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = discord = slack = dir = undefined;
});

function start(env: NodeJS.ProcessEnv, cwd: string): { out: () => string; exited: Promise<number | null> } {
  let out = '';
  child = spawn(process.execPath, [join(ROOT, 'bin', 'convene.mjs'), 'start'], { env, cwd });
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child!.on('close', (code) => resolve(code)));
  return { out: () => out, exited };
}

describe('npm start with Discord configured', () => {
  it('connects to Discord next to Slack, says so, and answers a slash command there', async () => {
    const box = cliSandbox();
    dir = box.dir;
    expect((await runCli(['init', '--example', 'kosovo'], box.env)).code).toBe(0);
    discord = await FakeDiscord.start();
    slack = await FakeSlack.start();
    const env = {
      ...box.env,
      DISCORD_TOKEN: 'bot-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: discord.api,
      SLACK_BOT_TOKEN: 'xoxb-start', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, PORT: String(await freePort()),
    };
    const bot = start(env, box.dir);
    await waitFor(() => bot.out().includes('Discord is connected.') && bot.out().includes('Slack is connected.'), 20_000);

    discord.dispatch('INTERACTION_CREATE', {
      id: snowflake(), application_id: APPLICATION_ID, type: 2, token: 'start-1', version: 1, guild_id: GUILD_ID, channel_id: '1400000000000000001',
      channel: { id: '1400000000000000001', type: 0, guild_id: GUILD_ID, name: 'general' },
      member: { user: { id: '1500000000000000077', username: 'someone', discriminator: '0', avatar: null, global_name: null }, roles: [], joined_at: '2026-11-01T00:00:00.000Z', permissions: '0', deaf: false, mute: false, flags: 0 },
      data: { id: snowflake(), name: 'meeting', type: 1, options: [{ type: 1, name: 'list', options: [] }] },
      app_permissions: '0', locale: 'en-US', entitlements: [], authorizing_integration_owners: {}, context: 0,
    });
    const edit = await waitFor(() => discord!.callsTo('PATCH', /\/start-1\/messages\/@original$/)[0], 10_000);
    expect(String(edit.body.content)).toContain('not linked to a member yet');

    child!.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('says so and stops when Discord refuses the token', async () => {
    const box = cliSandbox();
    dir = box.dir;
    discord = await FakeDiscord.start();
    discord.failNext('GET', /^\/gateway\/bot$/, { status: 401, body: { code: 0, message: '401: Unauthorized' } });
    const bot = start({ ...box.env, DISCORD_TOKEN: 'bad', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: discord.api }, box.dir);
    expect(await bot.exited).toBe(1);
    expect(bot.out()).toContain('Discord could not start: Discord refused the login');
    expect(bot.out()).toContain('Check DISCORD_TOKEN');
    expect(bot.out()).not.toMatch(/\n\s+at /);
  });

  it('says Discord could not be reached, not that the token is wrong, when nothing answers at DISCORD_API_URL', async () => {
    const box = cliSandbox();
    dir = box.dir;
    const api = `http://127.0.0.1:${await freePort()}/api`;
    const bot = start({ ...box.env, DISCORD_TOKEN: 'fine', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: api }, box.dir);
    expect(await bot.exited).toBe(1);
    expect(bot.out()).toContain(`Discord could not start: Discord could not be reached (`);
    expect(bot.out()).toContain(`Check the network and DISCORD_API_URL (${api}).`);
    expect(bot.out()).not.toContain('Check DISCORD_TOKEN');
    expect(bot.out()).not.toMatch(/\n\s+at /);
  });
});
