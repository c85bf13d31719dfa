import { Client, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits } from 'discord.js';
import { systemClock, type Clock } from '../../src/clock';
import type { ChatPort, Core, DeliveryResult, OutboundMessage } from '../../src/core/ports';
import type { Logger } from '../../src/logger';
import type { Registry } from '../../src/commands/registry';
import { buildRegistry } from '../../src/use-cases/index';
import { DmChannels, deliverToDiscord } from './delivery';
import { registerInteractions } from './interactions';
import { restOptions } from './rest';

export interface DiscordAdapterOptions {
  /** The bot token (Developer Portal → Bot → Reset Token). */
  token: string;
  /** The server the bot serves; commands from other servers are not answered. */
  guildId: string;
  /** REST base (default Discord's); tests point it at a loopback fake. */
  apiUrl?: string;
  logger: Logger;
  /** The command grammar the slash commands were generated from (default: the built one). */
  registry?: Registry;
  /** Real time, for the protocol (caches, the double-click window), not a simulated `--now`. */
  wallClock?: Clock;
}

/** How long login may take before start() gives up with a sentence. */
const LOGIN_TIMEOUT_MS = 30_000;

/**
 * Why login failed, as the one sentence `npm start` prints: a token Discord refused (discord.js
 * turns the gateway lookup's 401 into TokenInvalid) is not a Discord that cannot be reached.
 */
export function loginProblem(err: unknown, apiUrl: string | undefined): string {
  const why = err instanceof Error ? err.message : String(err);
  if (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenInvalid) return `Discord refused the login (${why}). Check DISCORD_TOKEN.`;
  return `Discord could not be reached (${why}). Check the network${apiUrl ? ` and DISCORD_API_URL (${apiUrl})` : ''}.`;
}

/**
 * Convene in a Discord server: slash commands, buttons and modals in, through the core as the
 * Discord user; outbox messages out, as channel posts and DMs (ChatPort). The gateway asks for
 * the Guilds intent only: interactions arrive without it, and no message content is read.
 */
export class DiscordAdapter implements ChatPort {
  readonly medium = 'discord' as const;
  private readonly client: Client;
  private readonly dms: DmChannels;
  private readonly logger: Logger;
  private readonly wallClock: Clock;
  private started = false;

  constructor(private readonly options: DiscordAdapterOptions) {
    this.logger = options.logger.child({ component: 'discord' });
    this.wallClock = options.wallClock ?? systemClock;
    this.client = new Client({ intents: [GatewayIntentBits.Guilds], rest: restOptions(options.apiUrl) });
    // Delivery needs only REST: the token is set now, so the outbox can send before the gateway is up.
    this.client.rest.setToken(options.token);
    this.dms = new DmChannels(this.client.rest);
  }

  /** Logs in to the gateway and listens for interactions. */
  async start(core: Core): Promise<void> {
    registerInteractions(this.client, { core, registry: this.options.registry ?? buildRegistry(), logger: this.logger, clock: this.wallClock, guildId: this.options.guildId });
    this.client.on(Events.Error, (err) => this.logger.error({ err }, 'discord client error'));
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the Discord gateway within ${LOGIN_TIMEOUT_MS / 1000} s`)), LOGIN_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.client.login(this.options.token).then(() => ready), timeout]);
    } catch (err) {
      await this.client.destroy();
      throw new Error(loginProblem(err, this.options.apiUrl));
    } finally {
      clearTimeout(timer);
    }
    this.started = true;
    this.logger.info({ user: this.client.user?.id, guild: this.options.guildId }, 'discord adapter connected');
  }

  async send(message: OutboundMessage): Promise<DeliveryResult> {
    const result = await deliverToDiscord(this.client.rest, this.dms, message);
    // On a 401 discord.js's REST drops its token, and every later request would fail before it is
    // made; the outbox pauses Discord and probes it later, which must ask Discord again with the token.
    if (result.status === 'misconfigured') this.client.rest.setToken(this.options.token);
    return result;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.client.destroy();
  }
}
