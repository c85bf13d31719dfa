import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/app';
import { cliSandbox, runCliProcess } from '../helpers/cli';
import { freePort } from '../helpers/free-port';
import { FakeSlack, postSigned, waitFor } from '../adapters/slack/fake-slack';
import { FakeSocketMode } from '../adapters/slack/fake-socket';
import { slashCommand, USERS } from '../adapters/slack/slack-harness';

const box = cliSandbox();
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

const SECRET = 'compiled-signing-secret';

/** `convene start` from dist/ until its prompt shows; `stop` quits it. */
async function startBot(env: NodeJS.ProcessEnv): Promise<{ out: () => string; stop: () => Promise<void> }> {
  const bot = spawn(process.execPath, [join(ROOT, 'bin', 'convene.mjs'), 'start', '--now', '2026-11-22T09:00:00Z'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  bot.stdout.on('data', (c: Buffer) => void (out += c.toString()));
  bot.stderr.on('data', (c: Buffer) => void (out += c.toString()));
  const stop = async () => {
    bot.stdin.end('quit\n');
    await new Promise((resolve) => (bot.exitCode !== null ? resolve(null) : bot.once('exit', resolve)));
  };
  await waitFor(() => out.includes('convene> ') || bot.exitCode !== null, 20_000);
  if (bot.exitCode !== null) throw new Error(`the bot ended: ${out}`);
  return { out: () => out, stop };
}

// The Slack tests drive the adapter from its sources; the compiled bot bundles only the parts of
// Bolt the adapter uses (scripts/build.mjs), so the real process is checked here as well.
describe('the compiled bot with Slack (HTTP mode)', () => {
  it("bundles Bolt's App and HTTP receiver without Express, and leaves the Socket Mode client in node_modules", () => {
    const chunk = readdirSync(join(ROOT, 'dist')).find((f) => /^slack-adapter-.*\.mjs$/.test(f));
    expect(chunk).toBeDefined();
    const code = readFileSync(join(ROOT, 'dist', chunk!), 'utf8');
    expect(code).toContain('@slack/bolt/dist/App.js');
    expect(code).toContain('@slack/bolt/dist/receivers/HTTPReceiver.js');
    expect(code).not.toContain('@slack/bolt/dist/receivers/ExpressReceiver.js');
    expect(code).not.toMatch(/node_modules\/(express|undici)\//);
    expect(code).toMatch(/require\("@slack\/socket-mode"\)/);
  });

  it('acknowledges a signed slash command, answers on its response_url, and refuses a bad signature', async () => {
    expect((await runCliProcess(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
    const fake = await FakeSlack.start();
    fake.users.set(USERS.kas.id, USERS.kas.email);
    const port = await freePort();
    const env = { ...box.env, PORT: String(port), SLACK_BOT_TOKEN: 'xoxb-compiled', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl };
    const bot = await startBot(env);
    try {
      expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-compiled');
      const url = `http://127.0.0.1:${port}/slack/events`;
      const fields = slashCommand({ userId: USERS.kas.id, command: '/members', text: 'list PMG', fake });
      const body = new URLSearchParams(fields).toString();
      expect((await postSigned(url, body, { secret: SECRET })).status).toBe(200);
      const reply = await waitFor(() => fake.responsesTo(fields.trigger_id)[0]?.body, 20_000);
      expect(reply.text).toContain('5 member organisations');
      expect((await postSigned(url, body, { secret: 'not-the-secret' })).status).toBe(401);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });

  it('loads the Socket Mode receiver when SLACK_APP_TOKEN asks for it, and acknowledges an envelope', async () => {
    const fake = await FakeSlack.start();
    const socket = await FakeSocketMode.start();
    fake.socketUrl = socket.url;
    fake.users.set(USERS.kas.id, USERS.kas.email);
    const env = { ...box.env, PORT: String(await freePort()), SLACK_BOT_TOKEN: 'xoxb-compiled', SLACK_APP_TOKEN: 'xapp-compiled', SLACK_API_URL: fake.apiUrl };
    const bot = await startBot(env);
    try {
      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-compiled');
      await waitFor(() => socket.socket, 20_000);
      const fields = slashCommand({ userId: USERS.kas.id, command: '/members', text: 'list PMG', fake });
      expect((await socket.ack(socket.send('slash_commands', fields))).payload).toEqual({});
      expect((await waitFor(() => fake.responsesTo(fields.trigger_id)[0]?.body, 20_000)).text).toContain('5 member organisations');
    } finally {
      await bot.stop();
      await socket.close();
      await fake.close();
    }
  });
});
