import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Clock } from '../src/clock';
import type { Config } from '../src/config';
import { createLogger, type Logger } from '../src/logger';
import { openDatabase, type Db } from '../src/store/db';
import { storageProblem } from '../src/store/failure';
import { TemplateRenderer } from '../src/render/renderer';
import { ConveneCore } from '../src/core/core';
import type { ChatPort, Core, DeliveryPort } from '../src/core/ports';
import type { Settings } from '../src/core/context';
import { OutboxSender } from '../src/delivery/sender';
import type { Delivery } from '../src/delivery/delivery';
import { systemClock } from '../src/clock';
import { Scheduler } from '../src/scheduler/tick';
import { foreground } from './shared/foreground';
import { giveMemoryBack } from './shared/give-memory-back';
import { buildJobHandlers, buildRegistry } from '../src/use-cases/index';
import type { Registry } from '../src/commands/registry';
import { createEmailAdapter, type EmailAdapter, type SmtpOptions } from './email/email-adapter';
import type { RequestListener } from 'node:http';
import type { LinkSettings } from '../src/web/personal-links';
import { WorkThread } from './worker/work-thread';
import { SplitDelivery } from './worker/split-delivery';
import type { SlackPosting } from './slack/chat-api';

/** The project's own folder (templates, examples), wherever the command is run from. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface App {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  registry: Registry;
  renderer: TemplateRenderer;
  core: ConveneCore;
  /** What the running bot's adapters hand commands to: the work thread when `workThread` is set, else `core`. */
  commands: Core;
  /** With the work thread, e-mail and Slack are delivered there and the rest here (`SplitDelivery`); else one `OutboxSender`. */
  sender: Delivery;
  scheduler: Scheduler;
  /** With the work thread: if the bot is quiet (no thread running, no delivery), gives back the memory the last work grew (`giveMemoryBack`); the thread's end after its quiet spell calls it too. */
  settle(): void;
  email: EmailAdapter;
  settings: Settings;
  examplesDir: string;
  /** Stops delivery (attempts under way are abandoned and their messages given back), then closes. */
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  clock: Clock;
  logger?: Logger;
  /** Chat adapters that deliver (Slack, Discord, console); e-mail is always added. */
  chatPorts?: DeliveryPort[];
  /**
   * Wall-clock milliseconds each delivery run may take: a one-shot command must exit, and leaves
   * what it could not deliver to the next tick or the running bot. Without it, runs go on.
   */
  deliveryBudgetMs?: number;
  /**
   * Run commands and the tick's jobs in a worker thread with its own connection (`npm start`), so
   * the event loop that acknowledges Slack and Discord only reads, acks and does network I/O.
   */
  workThread?: boolean;
}

/** A problem that stops the bot from starting, in one sentence for whoever runs it. */
export class StartupError extends Error {}

function openOrExplain(path: string): Db {
  try {
    return openDatabase(path);
  } catch (err) {
    const named = storageProblem(err, path);
    if (named) throw new StartupError(named);
    const reason = err instanceof Error ? err.message : String(err);
    throw new StartupError(`DATABASE_PATH ${path} cannot be opened as a SQLite database (${reason}). Point it at a new or existing Convene database file.`);
  }
}

/** The composition root: the one place that builds adapters and wires them to the core. */
export function createApp(options: AppOptions): App {
  const { config, clock } = options;
  // The bot's start on its clock: both senders try a medium paused before it once at once (its settings may be new).
  const startedAt = clock.now();
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const db = openOrExplain(config.DATABASE_PATH);
  const renderer = new TemplateRenderer(config.TEMPLATES_DIR ?? join(PROJECT_ROOT, 'templates'));
  const registry = buildRegistry();
  const settings: Settings = {
    noticeDays: config.NOTICE_DAYS,
    minutesDays: config.MINUTES_DAYS,
    exportsDir: config.EXPORTS_DIR,
    chatPlatforms: configuredChatPlatforms(config),
    links: linkSettings(config),
  };
  const emailOptions = {
    from: config.EMAIL_FROM ?? 'Convene <convene@convene.invalid>',
    ...(config.REPLY_TO ? { replyTo: config.REPLY_TO } : {}),
    ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL, smtp: smtpTimeouts(config.SMTP_TIMEOUT_SECONDS) } : { outboxDir: config.OUTBOX_DIR }),
  };
  const email = createEmailAdapter({ ...emailOptions, now: () => clock.now() });
  const chatPorts = options.chatPorts ?? [];
  // With the work thread, e-mail and Slack's posts go out from there: no message is claimed,
  // rendered, sent or recorded on the loop that acknowledges requests.
  const slackPosting = options.workThread ? chatPorts.find(postsFromThread)?.threadPosting() : undefined;
  const stayingPorts = options.workThread ? chatPorts.filter((p) => !postsFromThread(p)) : [email, ...chatPorts];
  const thread = options.workThread
    ? new WorkThread({
      databasePath: config.DATABASE_PATH, templatesDir: config.TEMPLATES_DIR ?? join(PROJECT_ROOT, 'templates'), logLevel: config.LOG_LEVEL,
      settings, clock, logger, foreground: foreground.shared,
      // An idle bot gives the thread's memory back; the next command or due job starts it again.
      ...(config.WORK_THREAD_IDLE_SECONDS > 0 ? { idleMs: config.WORK_THREAD_IDLE_SECONDS * 1000 } : {}),
      // ...and the memory the last burst of work grew on this side.
      onIdle: () => settle(),
      // The drain starts once no acknowledgement waits and the thread is not writing.
      onCommitted: () => void pause().then(() => sender.kick()),
      delivery: { email: emailOptions, ...(slackPosting ? { slack: slackPosting } : {}), systemClock: clock === systemClock, startedAt: startedAt.toISOString() },
      onNotice: (sentence) => split?.notice(sentence),
    })
    : null;
  // Background work gives way to requests a chat platform is waiting on (adapters/shared/foreground.ts)
  // and, with the work thread, to the thread's writes (WorkThread.quiet).
  const pause = () => foreground.pause().then(() => thread?.quiet());
  let closed = false;
  let settling = false;
  const quiet = () => !sender.busy && !thread?.running && !closed;
  const settle = () => {
    if (!quiet() || settling) return;
    settling = true;
    giveMemoryBack(db, quiet)
      .catch((err: unknown) => logger.warn({ err }, 'giving memory back failed'))
      .finally(() => (settling = false));
  };
  const here = new OutboxSender({
    db, clock, ports: stayingPorts, renderer, logger, pause, startedAt,
    ...(options.deliveryBudgetMs !== undefined ? { budgetMs: options.deliveryBudgetMs } : {}),
  });
  const split = thread ? new SplitDelivery({ db, clock, logger, here, thread, threadMedia: ['email', ...(slackPosting ? (['slack'] as const) : [])] }) : null;
  const sender: Delivery = split ?? here;
  const core = new ConveneCore({ db, clock, registry, renderer, settings, logger, onCommitted: () => sender.kick() });
  const scheduler = new Scheduler({ db, clock, handlers: buildJobHandlers(), renderer, settings, sender, logger, pause, ...(thread ? { runDueJobs: thread.runDueJobs } : {}) });
  return {
    db, clock, config, logger, registry, renderer, core, commands: thread ?? core, sender, scheduler, email, settings,
    settle: () => (thread ? settle() : undefined),
    examplesDir: join(PROJECT_ROOT, 'data', 'examples'),
    async close() {
      closed = true;
      await sender.stop();
      await email.close();
      await thread?.stop();
      db.close();
    },
  };
}

/** A chat port whose posts the work thread can make itself (Slack: plain HTTP calls with the bot's token). */
function postsFromThread(port: DeliveryPort): port is DeliveryPort & { threadPosting(): SlackPosting } {
  return 'threadPosting' in port && typeof port.threadPosting === 'function';
}

/** The chat platforms the configuration turns on: what messages may tell people to use. */
export function configuredChatPlatforms(config: Config): ('slack' | 'discord')[] {
  return [...(config.SLACK_BOT_TOKEN ? (['slack'] as const) : []), ...(config.DISCORD_TOKEN && config.DISCORD_GUILD_ID ? (['discord'] as const) : [])];
}

/** Connection and greeting timeouts of SMTP_TIMEOUT_SECONDS; a reply may take twice that. */
function smtpTimeouts(seconds: number): SmtpOptions {
  return { connectionTimeout: seconds * 1000, greetingTimeout: seconds * 1000, socketTimeout: 2 * seconds * 1000 };
}

/** How personal links are written: PUBLIC_URL, or this machine's address on PORT (e-mails then say so). */
export function linkSettings(config: Config): LinkSettings {
  return config.PUBLIC_URL
    ? { baseUrl: config.PUBLIC_URL.replace(/\/+$/, ''), localOnly: false }
    : { baseUrl: `http://localhost:${config.PORT}`, localOnly: true };
}

/** The web pages behind the personal links, as a request handler for the bot's HTTP server (loaded on demand, like the chat SDKs). */
export async function webPages(app: App, wallClock: Clock): Promise<RequestListener> {
  const [{ getRequestListener }, { createWebApp }] = await Promise.all([import('@hono/node-server'), import('./web/web-adapter')]);
  const web = createWebApp({
    db: app.db,
    core: app.commands,
    clock: app.clock,
    wallClock,
    templatesDir: join(app.config.TEMPLATES_DIR ?? join(PROJECT_ROOT, 'templates'), 'web'),
    secureCookies: app.config.PUBLIC_URL?.startsWith('https:') ?? false,
    logger: app.logger,
    reading: { renderer: app.renderer, settings: app.settings },
  });
  return getRequestListener(web.fetch);
}

/**
 * The chat platforms the configuration enables, for `npm start`: Slack when SLACK_BOT_TOKEN is set,
 * Discord when DISCORD_TOKEN is (with DISCORD_APPLICATION_ID and DISCORD_GUILD_ID); both can run at once.
 * Loaded on demand: the one-shot CLI does not pay for an SDK it does not use.
 */
export async function chatPlatforms(config: Config, logger: Logger): Promise<ChatPort[]> {
  const platforms: ChatPort[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const { SlackAdapter } = await import('./slack/slack-adapter');
    platforms.push(new SlackAdapter({
      botToken: config.SLACK_BOT_TOKEN,
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      apiUrl: config.SLACK_API_URL,
      port: config.PORT,
      sharedServer: true,
      logger,
    }));
  }
  if (config.DISCORD_TOKEN && config.DISCORD_GUILD_ID) {
    const { DiscordAdapter } = await import('./discord/discord-adapter');
    platforms.push(new DiscordAdapter({
      token: config.DISCORD_TOKEN,
      guildId: config.DISCORD_GUILD_ID,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      logger,
    }));
  }
  return platforms;
}
