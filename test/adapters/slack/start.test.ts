import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/app';
import { cliSandbox, runCli } from '../../helpers/cli';
import { freePort } from '../../helpers/free-port';
import { FakeSlack, postSigned, waitFor } from './fake-slack';

const SECRET = 'start-test-secret';
let child: ChildProcessWithoutNullStreams | undefined;
let fake: FakeSlack | undefined;
let dir: string | undefined;

afterEach(async () => {
  child?.kill('SIGKILL');
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = fake = dir = undefined;
});

describe('npm start with Slack configured', () => {
  it('runs the console and Slack at once, and keeps serving Slack after the console input ends', async () => {
    const box = cliSandbox();
    dir = box.dir;
    expect((await runCli(['init', '--example', 'kosovo'], box.env)).code).toBe(0);
    fake = await FakeSlack.start();
    fake.users.set('UCOORD', 'coordinator@unhcr.example.org');
    const port = await freePort();
    const env = { ...box.env, SLACK_BOT_TOKEN: 'xoxb-start', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) };
    child = spawn(process.execPath, [join(ROOT, 'bin', 'convene.mjs'), 'start'], { env, cwd: box.dir });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    await waitFor(() => out.includes('Slack is connected.'), 20_000);
    expect(fake.callsTo('auth.test')).toHaveLength(1);

    child.stdin.end('/members list PMG\n');
    await waitFor(() => out.includes('PMG of Kosovo 2014: 5 member organisations.'), 10_000);
    await waitFor(() => out.includes('the bot keeps running for chat'), 10_000);

    const body = new URLSearchParams({
      team_id: 'T1', channel_id: 'CPWG', user_id: 'UCOORD', command: '/exercise', text: 'channel PWG',
      response_url: fake.responseUrl('start-1'), trigger_id: 'start-1', api_app_id: 'A1',
    }).toString();
    const r = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET });
    expect(r.status).toBe(200);
    const reply = await waitFor(() => fake!.responsesTo('start-1')[0]?.body);
    expect(reply).toMatchObject({ response_type: 'in_channel', text: "The PWG's announcements for Kosovo 2014 will be posted in this channel." });

    const exited = new Promise<number | null>((resolve) => child!.on('close', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says so and stops when Slack refuses the token', async () => {
    const box = cliSandbox();
    dir = box.dir;
    fake = await FakeSlack.start();
    fake.failNext('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const env = { ...box.env, SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) };
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      child = spawn(process.execPath, [join(ROOT, 'bin', 'convene.mjs'), 'start'], { env, cwd: box.dir });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Slack could not start: An API error occurred: invalid_auth');
  });
});
