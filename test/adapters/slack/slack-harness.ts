import { SlackAdapter } from '../../../adapters/slack/slack-adapter';
import type { CommandOutcome, Core, InboundCommand } from '../../../src/core/ports';
import { OutboxSender } from '../../../src/delivery/sender';
import { silentLogger } from '../../../src/logger';
import { TemplateRenderer } from '../../../src/render/renderer';
import { COORDINATOR, TEMPLATES, createTestApp, type TestApp } from '../../helpers/app';
import { FakeSlack, postSigned, waitFor, type Args, type PostOptions, type PostResult } from './fake-slack';

export const SECRET = 'test-signing-secret';

/** Slack users of the tests and the e-mail Slack reports for each. */
export const USERS = {
  coordinator: { id: 'UCOORD', email: COORDINATOR },
  kas: { id: 'UKAS', email: 'focal@kas.example.org' },
  unhcr: { id: 'UUNHCR', email: 'focal@unhcr.example.org' },
  jips: { id: 'UJIPS', email: 'support@jips.example.org' },
  stranger: { id: 'USTRANGER', email: 'someone@elsewhere.example.org' },
} as const;

let triggers = 0;

export interface SlackHarness {
  app: TestApp;
  fake: FakeSlack;
  slack: SlackAdapter;
  /** The outbox sender with e-mail (in memory) and the real Slack adapter. */
  sender: OutboxSender;
  /** Every command that reached the core, and what it answered. */
  seen: { command: InboundCommand; outcome: CommandOutcome }[];
  url: string;
  post(body: string, o?: Partial<PostOptions>): Promise<PostResult>;
  /** A slash command as Slack posts it; returns the trigger id (also the response_url's id). */
  slash(userId: string, command: string, text: string, o?: { channel?: string; trigger?: string } & Partial<PostOptions>): Promise<PostResult & { trigger: string }>;
  /** An interaction (`payload=` JSON) as Slack posts it. */
  interact(payload: Args, o?: Partial<PostOptions>): Promise<PostResult>;
  event(event: Args): Promise<PostResult>;
  /** The first reply posted to a response_url id. */
  reply(id: string): Promise<Args>;
  close(): Promise<void>;
}

/**
 * The real Bolt app of the adapter on 127.0.0.1:0, the fake Web API, the real core on a temp SQLite
 * file. With `socketUrl`, the adapter runs in Socket Mode and connects there (apps.connections.open).
 */
export async function startSlackHarness(o: { socketUrl?: string } = {}): Promise<SlackHarness> {
  const app = createTestApp();
  const fake = await FakeSlack.start();
  fake.socketUrl = o.socketUrl ?? null;
  for (const u of Object.values(USERS)) fake.users.set(u.id, u.email);
  const seen: SlackHarness['seen'] = [];
  const core: Core = {
    async handle(command) {
      const outcome = await app.core.handle(command);
      seen.push({ command, outcome });
      return outcome;
    },
    words: (request) => app.core.words(request),
    home: (request) => app.core.home(request),
  };
  const slack = new SlackAdapter({
    botToken: 'xoxb-test', apiUrl: fake.apiUrl, port: 0, host: '127.0.0.1', logger: silentLogger,
    ...(o.socketUrl ? { appToken: 'xapp-test' } : { signingSecret: SECRET }),
  });
  await slack.start(core);
  const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email, slack], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
  const url = `http://127.0.0.1:${slack.port()}/slack/events`;
  const post = (body: string, o: Partial<PostOptions> = {}) => postSigned(url, body, { secret: SECRET, ...o });
  const h: SlackHarness = {
    app, fake, slack, sender, seen, url, post,
    async slash(userId, command, text, o = {}) {
      const fields = slashCommand({ userId, command, text, fake, ...o });
      return { ...(await post(new URLSearchParams(fields).toString(), o)), trigger: fields.trigger_id };
    },
    interact(payload, o = {}) {
      return post(`payload=${encodeURIComponent(JSON.stringify(payload))}`, o);
    },
    event(event) {
      return post(JSON.stringify(eventCallback(event)), { contentType: 'application/json' });
    },
    reply: (id) => waitFor(() => fake.responsesTo(id)[0]?.body),
    async close() {
      await slack.stop();
      await fake.close();
      app.close();
    },
  };
  return h;
}

/** A slash command's fields, as Slack sends them (form-encoded over HTTP, a JSON payload over Socket Mode). */
export function slashCommand(o: { userId: string; command: string; text: string; channel?: string; trigger?: string; fake: FakeSlack }): Record<string, string> & { trigger_id: string } {
  const trigger = o.trigger ?? `${++triggers}.trigger`;
  return {
    token: 'legacy', team_id: 'T1', team_domain: 'convene-test', channel_id: o.channel ?? 'CGENERAL', channel_name: 'general',
    user_id: o.userId, user_name: o.userId.toLowerCase(), command: o.command, text: o.text, api_app_id: 'A1', is_enterprise_install: 'false',
    response_url: o.fake.responseUrl(trigger), trigger_id: trigger,
  };
}

/** An event callback's body, as Slack sends it. */
export function eventCallback(event: Args): Args {
  return {
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${++triggers}`, event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }], event,
  };
}

/** A click on one of our buttons in a channel message, as Slack posts it. */
export function buttonClick(o: { userId: string; value: string; actionId?: string; channel?: string; messageTs?: string; actionTs?: string; responseId?: string; fake: FakeSlack }): Args {
  const trigger = `${++triggers}.click`;
  const channel = o.channel ?? 'CPWG';
  const messageTs = o.messageTs ?? '1795000000.000001';
  return {
    type: 'block_actions',
    user: { id: o.userId, username: o.userId.toLowerCase(), name: o.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: trigger,
    team: { id: 'T1', domain: 'convene-test' },
    channel: { id: channel, name: 'pwg' },
    message: { type: 'message', ts: messageTs, text: 'Endorsement sought', user: 'UBOT', bot_id: 'BBOT' },
    response_url: o.fake.responseUrl(o.responseId ?? trigger),
    actions: [{
      type: 'button', block_id: 'convene-actions', action_id: o.actionId ?? `0:${o.value.split(':')[1]}`,
      text: { type: 'plain_text', text: 'Vote' }, value: o.value, action_ts: o.actionTs ?? `${Date.now() / 1000}`,
    }],
  };
}

/** A form submission, as Slack posts it. */
export function viewSubmission(o: { userId: string; view: Args; viewId?: string; values: Args }): Args {
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'convene-test' },
    user: { id: o.userId, username: o.userId.toLowerCase(), name: o.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `${++triggers}.submit`,
    view: {
      ...o.view, id: o.viewId ?? 'VFORM1', team_id: 'T1', app_id: 'A1', bot_id: 'BBOT', hash: '1795000000.abc',
      state: { values: o.values }, root_view_id: o.viewId ?? 'VFORM1', previous_view_id: null, clear_on_close: false, notify_on_close: false,
    },
    response_urls: [],
  };
}

/** A click on one of our buttons on the App Home, as Slack posts it: a view container, no channel, no response_url. */
export function homeClick(o: { userId: string; button: Args; blockId: string; viewId?: string; actionTs?: string }): Args {
  const viewId = o.viewId ?? `VHOME${o.userId}`;
  return {
    type: 'block_actions',
    user: { id: o.userId, username: o.userId.toLowerCase(), name: o.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'view', view_id: viewId },
    trigger_id: `${++triggers}.home`,
    team: { id: 'T1', domain: 'convene-test' },
    view: { id: viewId, type: 'home', team_id: 'T1', app_id: 'A1', bot_id: 'BBOT', blocks: [], private_metadata: '', callback_id: '', hash: '1', state: { values: {} } },
    actions: [{
      type: 'button', block_id: o.blockId, action_id: o.button.action_id, text: o.button.text, value: o.button.value,
      action_ts: o.actionTs ?? `${Date.now() / 1000}`,
    }],
  };
}
