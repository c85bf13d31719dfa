import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Clock } from '../../src/clock';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { listExercises } from '../../src/store/exercises';
import { ConsoleAdapter } from '../console/console-adapter';
import { chatPlatforms, createApp, webPages } from '../compose';
import { BotHttpServer } from '../http-server';
import type { SlackAdapter } from '../slack/slack-adapter';
import { systemClock } from '../../src/clock';
import type { CliInvocation } from './argv';
import { consoleCompletion, consoleLocal } from './console-local';
import { claimDatabase, runningSentence } from './running-bot';
import { startScheduledBackups, type ScheduledBackups } from './scheduled-backups';
import type { CliIo } from './main';

const TICK_MS = 30_000;
const STOP_GRACE_MS = 5000;

const GREETING_EMPTY = `No exercise is set up yet. Type one of:
  init --example kosovo        the example working group from the Kosovo TOR (ten organisations, five in the PMG)
  init --exercise "<name>" --timezone <IANA zone> --coordinator <email> [--coordinator-name "<name>"]`;

/** `npm start`: the console, the platforms that are configured, and a ticker that asks the database what is due. */
export async function runBot(config: Config, clock: Clock, inv: CliInvocation, io: CliIo): Promise<number> {
  let consoleAdapter: ConsoleAdapter | null = null;
  let quitting = false;
  const fresh = !existsSync(config.DATABASE_PATH);
  // Before anything connects or ticks: one bot per database.
  const claim = claimDatabase(config.DATABASE_PATH, systemClock.now());
  if (!claim.ok) {
    io.stderr(`Not started: ${runningSentence(claim.bot)}\n`);
    return 1;
  }
  const logger = createLogger(config.LOG_LEVEL, io.stderr);
  let platforms: Awaited<ReturnType<typeof chatPlatforms>>;
  let app: ReturnType<typeof createApp>;
  try {
    platforms = await chatPlatforms(config, logger);
    app = createApp({ config, clock, logger, chatPorts: platforms, workThread: true });
  } catch (err) {
    claim.release();
    throw err;
  }
  const where = config.SMTP_URL ? `SMTP (${new URL(config.SMTP_URL).host})` : `.eml files in ${config.OUTBOX_DIR}/`;

  const local = consoleLocal(app, () => consoleAdapter, () => {
    quitting = true;
    void consoleAdapter?.stop();
  });

  const done = new Promise<void>((resolve) => {
    consoleAdapter = new ConsoleAdapter({
      input: io.terminal?.input ?? process.stdin,
      output: io.terminal?.output ?? process.stdout,
      ...(inv.as ? { as: inv.as } : {}),
      ...(inv.exercise ? { exercise: inv.exercise } : {}),
      local,
      complete: consoleCompletion(app, () => consoleAdapter?.exerciseInUse),
      // With a chat platform running, the end of the terminal's input (a service has none) is not the end of the bot.
      onClose: () => (quitting || platforms.length === 0 ? resolve() : io.stdout('Console input ended; the bot keeps running for chat (stop it with Ctrl-C).\n')),
    });
  });

  // Replies never wait for delivery: the sender works in the background and says what it did.
  app.sender.onDrained((d) => {
    consoleAdapter?.notice(`(${d.sent} message${d.sent === 1 ? '' : 's'} handed over to ${where}${d.retrying ? `, ${d.retrying} to retry` : ''}${d.failed ? `, ${d.failed} failed` : ''})`);
  });
  app.sender.onNotice((sentence) => consoleAdapter?.notice(sentence));

  const exercises = listExercises(app.db);
  io.stdout(`Convene is running. Database: ${resolve(config.DATABASE_PATH)}${fresh ? ' (new, created now)' : ''}; e-mail: ${where}.\n`);
  const pick = exercises.length > 1 && !inv.exercise ? ' Pick one with /exercise use <slug>;' : '';
  io.stdout(exercises.length === 0 ? `${GREETING_EMPTY}\n` : `Exercises: ${exercises.map((e) => `${e.name} (${e.slug}${e.status === 'dissolved' ? ', dissolved' : ''})`).join(', ')}.${pick} Type /help for the commands, quit to stop.\n`);

  // One tick at a time; stop() waits for the one under way before it closes the database.
  let ticking: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    ticking = ticking.then(() => app.scheduler.tick()).then(() => undefined, (err: unknown) => app.logger.error({ err }, 'tick failed'));
  };
  const ticker = setInterval(tick, TICK_MS);
  let backups: ScheduledBackups | null = null;
  const onSignal = () => void stop().then(() => process.exit(0));

  let http: BotHttpServer | null = null;
  const stop = async () => {
    stopped = true;
    clearInterval(ticker);
    // Attempts under way get a moment to finish; what is left is given back for the next start.
    await app.sender.stop(STOP_GRACE_MS);
    await ticking;
    await backups?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await http?.close();
    await consoleAdapter?.stop();
    for (const p of platforms) await p.stop().catch((err: unknown) => app.logger.error({ err, medium: p.medium }, 'stop failed'));
    await app.close();
    claim.release();
  };
  // From here on a signal stops the bot cleanly, even while it is still connecting and opening its port.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  for (const p of platforms) {
    const name = p.medium.charAt(0).toUpperCase() + p.medium.slice(1);
    try {
      await p.start(app.commands);
      io.stdout(`${name} is connected.\n`);
    } catch (err) {
      io.stderr(`${name} could not start: ${err instanceof Error ? err.message : String(err)}\n`);
      await stop();
      return 1;
    }
  }
  // A type-only import: the Slack SDK is loaded only when Slack is configured.
  const slack = (platforms.find((p) => p.medium === 'slack') as SlackAdapter | undefined)?.requestListener();
  http = new BotHttpServer({ web: await webPages(app, systemClock), ...(slack ? { slack } : {}) });
  try {
    await http.listen(config.PORT);
    io.stdout(`${webLine(config.PUBLIC_URL, config.PORT)}\n`);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (slack) {
      io.stderr(`Port ${config.PORT} could not be opened for Slack and the web pages (${reason}). Set PORT to a free port.\n`);
      await stop();
      return 1;
    }
    // Without Slack the terminal still works; only the pages behind the e-mails' links are missing.
    http = null;
    io.stderr(`The web pages could not start on port ${config.PORT} (${reason}): the links in e-mails will not open until the bot runs with a free PORT.\n`);
  }
  await consoleAdapter!.start(app.commands);
  // What fell due while the bot was down runs only now, after the prompt is shown and the ports are open.
  tick();
  // Loading the SDKs grew V8's young generation (32 MB with Slack); a bot with nothing to do gives it back.
  void ticking.then(() => app.settle());
  try {
    backups = startScheduledBackups(app);
  } catch (err) {
    await stop();
    throw err;
  }

  await done;
  await stop();
  return 0;
}

/** Where the pages are, said once at start. */
function webLine(publicUrl: string | undefined, port: number): string {
  return publicUrl
    ? `Web pages on port ${port}, reached at ${publicUrl}.`
    : `Web pages: http://localhost:${port}/ (the links in e-mails point here and work on this machine only; set PUBLIC_URL to the address others reach).`;
}
