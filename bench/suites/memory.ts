/**
 * The running bot's resident memory (issue 10: ≤ 100 MB idle): `convene start` (the compiled
 * bin/convene.mjs) at its prompt, then after a few commands (reads and a change) and a tick that
 * sends the minutes reminders of 190 held meetings, while its work thread still runs and once it
 * has ended after its quiet spell (what an idle bot that has done work keeps). Console with the
 * e-mail outbox as files, and the same with Slack configured (against a loopback fake Web API).
 * On a private copy of each generated database, at the fixed instant it was generated for.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/db';
import { FakeSlack } from '../../test/adapters/slack/fake-slack';
import { buildBot, residentMb } from '../lib/bot-process';
import { freePort } from '../../test/helpers/free-port';
import { generatedDatabase, NOW, planMinutesReminders } from '../lib/generate';
import type { BenchSuite } from '../lib/suite';

const GOAL_MB = 100;
/** WORK_THREAD_IDLE_SECONDS for the run (default 60): the memory after the thread ended does not depend on when it ended. */
const IDLE_SECONDS = 2;

interface Footprint {
  prompt: number;
  working: number;
  idle: number;
}

/** One bot: starts it, types `lines` one at a time (each answered before the next), measures at the three moments, quits. */
function footprint(bin: string, env: NodeJS.ProcessEnv, exercise: string, lines: string[]): Promise<Footprint> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'start', '--now', NOW.toISOString(), '--exercise', exercise], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let log = '';
    const seen: Partial<Footprint> = {};
    const rss = () => residentMb(child.pid!) ?? NaN;
    const until = (done: () => boolean) =>
      new Promise<void>((ok, fail) => {
        const poll = setInterval(() => {
          if (done()) {
            clearInterval(poll);
            ok();
          } else if (child.exitCode !== null) {
            clearInterval(poll);
            fail(new Error(`the bot ended early: ${out.slice(-300)}`));
          }
        }, 5);
      });
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (log += chunk.toString()));
    child.on('error', reject);
    const run = async () => {
      const prompts = () => out.split('convene> ').length - 1;
      await until(() => prompts() >= 1);
      seen.prompt = rss();
      for (const line of lines) {
        const before = prompts();
        child.stdin.write(`${line}\n`);
        await until(() => prompts() > before);
      }
      // The tick's answer comes once its jobs are done (or later, as a notice); then the drain's.
      await until(() => /due job\(s\) run/.test(out) && /handed over/.test(out));
      seen.working = rss();
      await until(() => log.includes('the work thread ends after a quiet spell'));
      // The thread exits, then the bot gives memory back (its second collection 6 s later); V8 unmaps what it freed in the background.
      await new Promise((ok) => setTimeout(ok, 9000));
      seen.idle = rss();
      child.stdin.end('quit\n');
      await new Promise((ok) => child.once('exit', ok));
      return seen as Footprint;
    };
    run().then(resolve, (err: unknown) => {
      child.kill();
      reject(err instanceof Error ? err : new Error(String(err)));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const suite: BenchSuite = {
  name: 'memory',
  async run({ scales, dir, root, report, quick }) {
    const bin = buildBot(root, report);
    if (!bin) return;
    const fake = await FakeSlack.start();
    fake.users.set('U0', 'coordinator.x1@example.org');
    const samples = quick ? 1 : 3;
    let n = 0;
    for (const scale of scales) {
      generatedDatabase(dir, scale, (p) => openDatabase(p)).db.close();
      for (const slack of [false, true]) {
        const runs: Footprint[] = [];
        for (let s = 0; s < samples; s++) {
          // A private copy: the run changes it (observers added, reminders sent).
          const path = join(dir, `memory-${scale}x.sqlite`);
          copyFileSync(join(dir, `generated-${scale}x.sqlite`), path);
          const db = openDatabase(path);
          planMinutesReminders(db, new Date(NOW.getTime() - 60_000), 1);
          db.close();
          const env: NodeJS.ProcessEnv = {
            ...process.env, DATABASE_PATH: path, OUTBOX_DIR: join(dir, 'memory-outbox'), LOG_LEVEL: 'debug', PORT: String(await freePort()),
            WORK_THREAD_IDLE_SECONDS: String(IDLE_SECONDS),
            ...(slack ? { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: fake.apiUrl } : {}),
          };
          n++;
          runs.push(await footprint(bin, env, 'exercise-1', ['/members list', '/help', `/members add-observer memory${n}@example.org Memory Guest`, '/members list', 'tick']));
        }
        const at = (k: keyof Footprint) => runs.map((r) => r[k]);
        const fmt = (xs: number[]) => `${median(xs).toFixed(0)} MB (max ${Math.max(...xs).toFixed(0)})`;
        const idle = at('idle');
        const met = Math.max(...idle) <= GOAL_MB;
        report.line(
          `resident memory, ${slack ? 'console + Slack (HTTP)' : 'console + e-mail as files'}, ${scale}× (n=${runs.length}): at the prompt ${fmt(at('prompt'))}; ` +
            `after 4 commands and a tick of 190 reminders, thread running ${fmt(at('working'))}; idle, thread ended ${fmt(idle)}` +
            `  goal ≤ ${GOAL_MB} MB idle: ${met ? 'met' : 'MISSED'}`,
        );
      }
    }
    report.line(`(WORK_THREAD_IDLE_SECONDS=${IDLE_SECONDS} for the run; the bot's default is 60)`);
    await fake.close();
  },
};

export default suite;
