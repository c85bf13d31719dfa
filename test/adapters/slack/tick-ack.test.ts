import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../../adapters/slack/slack-adapter';
import { foreground } from '../../../adapters/shared/foreground';
import { WorkThread } from '../../../adapters/worker/work-thread';
import { OutboxSender } from '../../../src/delivery/sender';
import { silentLogger } from '../../../src/logger';
import { Scheduler } from '../../../src/scheduler/tick';
import { jobsFor } from '../../../src/store/jobs';
import { buildJobHandlers } from '../../../src/use-cases/index';
import { TEMPLATES, createTestApp } from '../../helpers/app';
import { meetingWithAgenda } from '../../helpers/meetings';
import { FakeSlack, postSigned } from './fake-slack';
import { SECRET, USERS, slashCommand } from './slack-harness';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The bot as `npm start` wires it: the real Bolt app on 127.0.0.1, commands and the tick's jobs in the work thread. */
async function bot() {
  const app = createTestApp({ now: '2026-11-10T09:00:00Z' });
  cleanup.push(() => app.close());
  meetingWithAgenda(app, '2026-12-01', '10:00');
  const fake = await FakeSlack.start();
  cleanup.push(() => fake.close());
  for (const u of Object.values(USERS)) fake.users.set(u.id, u.email);
  const slack = new SlackAdapter({ botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, host: '127.0.0.1', logger: silentLogger });
  const pause = () => foreground.pause();
  const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email, slack], renderer: app.renderer, logger: silentLogger, pause });
  const thread = new WorkThread({
    databasePath: app.dbPath, templatesDir: TEMPLATES, logLevel: 'silent', settings: app.settings, clock: app.clock, logger: silentLogger, foreground: foreground.shared,
    onCommitted: () => sender.kick(),
  });
  cleanup.push(() => thread.stop());
  const scheduler = new Scheduler({
    db: app.db, clock: app.clock, handlers: buildJobHandlers(), renderer: app.renderer, settings: app.settings, sender, logger: silentLogger, pause,
    runDueJobs: thread.runDueJobs,
  });
  await slack.start(thread);
  cleanup.push(() => slack.stop());
  const url = `http://127.0.0.1:${slack.port()}/slack/events`;
  return { app, fake, thread, scheduler, url };
}

describe('a tick in progress', () => {
  it('does not hold the acknowledgement of a slash command: the ack comes while the tick\'s job waits, the job then runs, the command is answered', async () => {
    const { app, fake, thread, scheduler, url } = await bot();
    expect((await thread.handle({ text: '/help', actor: { kind: 'local' } })).status).toBe('accepted'); // the thread is up
    app.clock.set('2026-11-21T09:00:00Z'); // the notice reminder of M1 is due
    const reminder = () => jobsFor(app.db, 'meeting:1').find((j) => j.kind === 'meeting-notice-reminder')!.status;
    // Another connection holds the write lock, so the tick's job cannot finish until it is let go.
    const lock = new Database(app.dbPath);
    lock.exec('BEGIN IMMEDIATE');
    let tickDone = false;
    const ticking = scheduler.tick().then((report) => {
      tickDone = true;
      return report;
    });
    const fields = slashCommand({ userId: USERS.coordinator.id, command: '/members', text: 'list', fake });
    const ack = await postSigned(url, new URLSearchParams(fields).toString(), { secret: SECRET });
    expect(ack.status).toBe(200);
    expect(tickDone).toBe(false);
    expect(reminder()).toBe('pending');
    lock.exec('COMMIT');
    lock.close();
    const report = await ticking;
    expect(report.jobs.map((j) => j.kind)).toEqual(['meeting-notice-reminder']);
    expect(reminder()).toBe('done');
    // The command itself ran in the thread after the job, and was answered.
    await expect.poll(() => fake.responsesTo(fields.trigger_id).length).toBe(1);
    expect(JSON.stringify(fake.responsesTo(fields.trigger_id)[0]!.body)).toContain('Coordinator');
  });
});
