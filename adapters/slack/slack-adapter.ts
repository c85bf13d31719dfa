import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import { systemClock, type Clock } from '../../src/clock';
import type { ChatPort, Core, DeliveryResult, OutboundMessage, SendOptions } from '../../src/core/ports';
import type { Logger } from '../../src/logger';
import type { SlackDeps } from './bridge';
import { registerCommands } from './commands';
import { deliverToSlack } from './delivery';
import { registerHome } from './home';
import { SlackDirectory } from './identity';
import { registerInteractions } from './interactions';
import { RecentRequests } from '../shared/recent';
import { AfterAck } from '../shared/after-ack';
import { foreground } from '../shared/foreground';
import type { Registry } from '../../src/commands/registry';
import { buildRegistry } from '../../src/use-cases/index';
import { GuardedHttpReceiver } from './receiver';
import { httpFetch } from './http-fetch';
import { chatApiFor, type ChatApi, type SlackPosting } from './chat-api';

export interface SlackAdapterOptions {
  botToken: string;
  /** HTTP mode: Slack posts to /slack/events, signed with this secret. */
  signingSecret?: string;
  /** Socket Mode (an `xapp-` token): Slack is reached over a WebSocket, no public URL needed. */
  appToken?: string;
  /** Web API base URL (default Slack's); tests and proxies point it elsewhere. */
  apiUrl?: string;
  /** HTTP mode: where to listen (unless `sharedServer`). */
  port: number;
  /** HTTP mode: the bot's shared HTTP server serves Slack's requests through `requestListener()`. */
  sharedServer?: boolean;
  host?: string;
  logger: Logger;
  /** The command registry (default: every command of this version). */
  registry?: Registry;
  /**
   * Real time, for the protocol: request timestamps (Slack signs with its clock, not with a
   * simulated `--now`), caches and the double-click window.
   */
  wallClock?: Clock;
}

/** No hidden retries: the outbox is the one place that retries, so nothing is posted twice. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Convene in a Slack workspace: slash commands, buttons, forms and the App Home in, through
 * the core as the Slack user; outbox messages out, as Block Kit posts (ChatPort).
 */
export class SlackAdapter implements ChatPort {
  readonly medium = 'slack' as const;
  readonly mode: 'http' | 'socket';
  private readonly app: App;
  /** The outbox's posts and updates: called directly, not through the WebClient (chat-api.ts). */
  private readonly chat: ChatApi;
  private readonly apiUrl: string | undefined;
  private readonly receiver: GuardedHttpReceiver | null = null;
  private readonly logger: Logger;
  private readonly wallClock: Clock;
  private started = false;

  constructor(private readonly options: SlackAdapterOptions) {
    this.logger = options.logger.child({ component: 'slack' });
    this.wallClock = options.wallClock ?? systemClock;
    const logger = boltLogger(this.logger);
    const apiUrl = (this.apiUrl = options.apiUrl ? (options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`) : undefined);
    this.chat = chatApiFor(this.threadPosting(), this.logger);
    const clientOptions: webApi.WebClientOptions = {
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: REQUEST_TIMEOUT_MS,
      // Bolt's respond() posts with it too.
      fetch: httpFetch,
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    };
    // `convoStore: false`: Bolt's conversation store is not used (the core keeps all state), and its
    // default middleware costs every request an Error ('Conversation not found', with its stack).
    const common = { token: options.botToken, clientOptions, logger, deferInitialization: true, convoStore: false } as const;
    if (options.appToken) {
      this.mode = 'socket';
      // Bolt builds its Socket Mode receiver itself (so the compiled bot loads it only in this mode:
      // scripts/build.mjs). The Socket Mode client opens its connection with apps.connections.open on
      // its own Web API client: the same base URL, but its own retries (it retries the opening, never a post).
      this.app = new App({
        ...common,
        appToken: options.appToken,
        socketMode: true,
        installerOptions: { clientOptions: { ...(clientOptions.slackApiUrl ? { slackApiUrl: clientOptions.slackApiUrl } : {}), timeout: REQUEST_TIMEOUT_MS, fetch: httpFetch } },
      });
    } else {
      if (!options.signingSecret) throw new Error('The Slack adapter needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).');
      this.mode = 'http';
      this.receiver = new GuardedHttpReceiver({ signingSecret: options.signingSecret, logger, sharedServer: options.sharedServer ?? false }, this.wallClock);
      this.app = new App({ ...common, receiver: this.receiver });
    }
  }

  /** Checks the token with Slack (auth.test), then listens: HTTP on the port, or the Socket Mode connection. */
  async start(core: Core): Promise<void> {
    const deps: SlackDeps = {
      core,
      registry: this.options.registry ?? buildRegistry(),
      directory: new SlackDirectory(this.app.client, this.wallClock, this.logger),
      recent: new RecentRequests(this.wallClock),
      afterAck: new AfterAck((err) => this.logger.error({ err }, 'slack work after the acknowledgement failed'), () => foreground.pause()),
      client: this.app.client,
      logger: this.logger,
    };
    registerCommands(this.app, deps);
    registerInteractions(this.app, deps);
    registerHome(this.app, deps);
    this.app.error(async (err) => {
      this.logger.error({ err }, 'slack listener failed');
    });
    await this.app.init();
    if (this.mode === 'http') await this.app.start({ port: this.options.port, host: this.options.host });
    else await this.app.start();
    this.started = true;
    this.logger.info({ mode: this.mode, port: this.mode === 'http' ? this.port() : undefined }, 'slack adapter listening');
  }

  /** HTTP mode: the handler of Slack's requests, for the shared server. */
  requestListener(): ((req: IncomingMessage, res: ServerResponse) => void) | undefined {
    return this.receiver?.handle;
  }

  /** HTTP mode: the port actually bound (useful after listening on port 0). */
  port(): number | undefined {
    return this.receiver?.port();
  }

  /** How the work thread posts the outbox's messages as this bot (`npm start`: adapters/worker/thread-delivery.ts). */
  threadPosting(): SlackPosting {
    return { botToken: this.options.botToken, timeoutMs: REQUEST_TIMEOUT_MS, ...(this.apiUrl ? { apiUrl: this.apiUrl } : {}) };
  }

  send(message: OutboundMessage, options?: SendOptions): Promise<DeliveryResult> {
    return deliverToSlack(this.chat, message, options);
  }

  async stop(): Promise<void> {
    this.chat.close();
    if (!this.started) return;
    this.started = false;
    await this.app.stop();
  }
}

/** Bolt's logger interface over ours: one JSON log for the whole bot. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => logger.debug(line(msg)),
    info: (...msg: unknown[]) => logger.info(line(msg)),
    warn: (...msg: unknown[]) => logger.warn(line(msg)),
    error: (...msg: unknown[]) => logger.error(line(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
