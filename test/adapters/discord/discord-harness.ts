import { DiscordAdapter } from '../../../adapters/discord/discord-adapter';
import type { CommandOutcome, Core, InboundCommand } from '../../../src/core/ports';
import { OutboxSender } from '../../../src/delivery/sender';
import { silentLogger } from '../../../src/logger';
import { TemplateRenderer } from '../../../src/render/renderer';
import { linkIdentity, personByEmail } from '../../../src/store/members';
import { COORDINATOR, TEMPLATES, createTestApp, type TestApp } from '../../helpers/app';
import { waitFor } from '../slack/fake-slack';
import { APPLICATION_ID, BOT_USER_ID, FakeDiscord, GUILD_ID, snowflake, type Json } from './fake-discord';

/** Discord users of the tests; the linked ones act as the member with that e-mail. */
export const USERS = {
  coordinator: { id: '1500000000000000001', email: COORDINATOR },
  kas: { id: '1500000000000000002', email: 'focal@kas.example.org' },
  unhcr: { id: '1500000000000000003', email: 'focal@unhcr.example.org' },
  stranger: { id: '1500000000000000009', email: null },
} as const;

export const GENERAL = '1400000000000000001';
export const PWG_CHANNEL = '1400000000000000002';

export interface DiscordHarness {
  app: TestApp;
  fake: FakeDiscord;
  discord: DiscordAdapter;
  sender: OutboxSender;
  seen: { command: InboundCommand; outcome: CommandOutcome }[];
  /** Dispatches an interaction as the gateway does; returns its id and token. */
  interact(userId: string, type: number, data: Json, extra?: Json): { id: string; token: string };
  /** Every REST call made for this interaction token (callback, edits, follow-ups), in order. */
  answers(token: string): { method: string; path: string; body: Json }[];
  close(): Promise<void>;
}

/** Links the Discord users of USERS that have an e-mail to the Kosovo example's members. */
export function linkUsers(app: TestApp): void {
  for (const u of Object.values(USERS)) {
    if (!u.email) continue;
    const person = personByEmail(app.db, u.email)!;
    linkIdentity(app.db, { medium: 'discord', userId: u.id, personId: person.id, at: app.clock.now().toISOString(), by: 'test' });
  }
}

/** The real discord.js client of the adapter logged in to the fake gateway, the real core on a temp SQLite file. */
export async function startDiscordHarness(o: { link?: boolean; app?: TestApp } = {}): Promise<DiscordHarness> {
  const app = o.app ?? createTestApp();
  if (o.link !== false && !o.app) linkUsers(app);
  const fake = await FakeDiscord.start();
  const seen: DiscordHarness['seen'] = [];
  const core: Core = {
    async handle(command) {
      const outcome = await app.core.handle(command);
      seen.push({ command, outcome });
      return outcome;
    },
    suggest: (request) => app.core.suggest(request),
    words: (request) => app.core.words(request),
    home: (request) => app.core.home(request),
  };
  const discord = new DiscordAdapter({ token: 'bot-token', guildId: GUILD_ID, apiUrl: fake.api, logger: silentLogger });
  await discord.start(core);
  const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email, discord], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
  let tokens = 0;
  return {
    app, fake, discord, sender, seen,
    interact(userId, type, data, extra = {}) {
      const id = (extra['id'] as string | undefined) ?? snowflake();
      const token = (extra['token'] as string | undefined) ?? `token-${++tokens}`;
      const channelId = (extra['channel_id'] as string | undefined) ?? GENERAL;
      fake.dispatch('INTERACTION_CREATE', {
        id, application_id: APPLICATION_ID, type, token, version: 1, guild_id: GUILD_ID, channel_id: channelId,
        channel: { id: channelId, type: 0, guild_id: GUILD_ID, name: channelId === PWG_CHANNEL ? 'pwg' : 'general' },
        member: {
          user: { id: userId, username: `user${userId.slice(-2)}`, discriminator: '0', avatar: null, global_name: `User ${userId.slice(-2)}` },
          roles: [], joined_at: '2026-11-01T00:00:00.000Z', permissions: '0', deaf: false, mute: false, flags: 0,
        },
        data,
        app_permissions: '0', locale: 'en-US', guild_locale: 'en-US', entitlements: [], authorizing_integration_owners: {}, context: 0,
        ...extra,
      });
      return { id, token };
    },
    answers(token) {
      return fake.calls.filter((c) => c.path.includes(`/${token}/`) || c.path.endsWith(`/${token}`));
    },
    async close() {
      await discord.stop();
      await fake.close();
      app.close();
    },
  };
}

/** The message a button is under, as Discord sends it with a component interaction. */
export function botMessage(channelId: string): Json {
  return {
    id: snowflake(), channel_id: channelId, type: 0, content: 'Endorsement sought',
    author: { id: BOT_USER_ID, username: 'Convene', discriminator: '0', avatar: null, bot: true },
    attachments: [], embeds: [], mentions: [], mention_roles: [], pinned: false, mention_everyone: false, tts: false,
    timestamp: '2026-11-22T09:00:00.000Z', edited_timestamp: null, flags: 0, components: [],
  };
}

/** A click on a button (custom id) under a bot message in the channel. */
export function click(h: DiscordHarness, userId: string, customId: string, channelId: string, again?: { id: string; token: string }): { id: string; token: string } {
  return h.interact(userId, 3, { custom_id: customId, component_type: 2 }, { channel_id: channelId, message: botMessage(channelId), ...(again ?? {}) });
}

/** A slash command's `data`: `/meeting list which:all` → slash('meeting', 'list', { which: 'all' }). */
export function slash(command: string, sub: string | null, options: Record<string, string | boolean> = {}): Json {
  const values = Object.entries(options).map(([name, value]) => ({ name, type: typeof value === 'boolean' ? 5 : 3, value }));
  return { id: snowflake(), name: command, type: 1, guild_id: GUILD_ID, options: sub ? [{ type: 1, name: sub, options: values }] : values };
}

export { waitFor };
