import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/* eslint-disable @typescript-eslint/no-explicit-any -- recorded REST bodies are whatever the SDK sent */
export type Json = Record<string, any>;

export interface RestCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  body: Json;
  at: number;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: Json;
}

export const APPLICATION_ID = '1100000000000000001';
export const BOT_USER_ID = '1100000000000000002';
export const GUILD_ID = '1200000000000000001';

let snowflakes = 1300000000000000000n;
export const snowflake = (): string => String(++snowflakes);

/**
 * Discord played on 127.0.0.1: the REST API under `/api/v10` and the gateway (a WebSocket on
 * `/gateway`) on one port. It records every REST call, answers what discord.js and the adapter
 * call, dispatches INTERACTION_CREATE to the connected bot, and can fail a route once (`failNext`).
 */
export class FakeDiscord {
  readonly calls: RestCall[] = [];
  /** DM channel id → the user it is with. */
  readonly dms = new Map<string, string>();
  /** Users the bot cannot DM (privacy settings): Discord answers 50007. */
  readonly closedDms = new Set<string>();
  /** Channels that exist; a post elsewhere gets 10003. Empty: every channel exists. */
  readonly channels = new Set<string>();
  private readonly failures: { method: string; path: RegExp; reply: FakeReply }[] = [];
  private readonly nonces = new Map<string, Json>();
  private socket: WebSocket | null = null;
  private seq = 0;
  private identified!: Promise<void>;
  private markIdentified!: () => void;

  private constructor(private readonly server: Server, private readonly wss: WebSocketServer, readonly url: string) {
    this.resetIdentified();
  }

  static async start(): Promise<FakeDiscord> {
    let fake: FakeDiscord | undefined;
    const server = createServer((req, res) => void fake!.handle(req, res));
    const wss = new WebSocketServer({ server, path: '/gateway' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeDiscord(server, wss, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    wss.on('connection', (ws) => fake!.onConnection(ws));
    return fake;
  }

  /** The REST base discord.js is given (`rest.api`). */
  get api(): string {
    return `${this.url}/api`;
  }

  /** Resolves once a bot has identified on the gateway. */
  ready(): Promise<void> {
    return this.identified;
  }

  failNext(method: string, path: RegExp, reply: FakeReply): void {
    this.failures.push({ method, path, reply });
  }

  callsTo(method: string, path: RegExp): RestCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Sends a gateway dispatch to the bot. */
  dispatch(t: string, d: Json): void {
    if (!this.socket) throw new Error('No bot is connected to the fake gateway.');
    this.socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private resetIdentified(): void {
    this.identified = new Promise((resolve) => {
      this.markIdentified = resolve;
    });
  }

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: Json };
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        ws.send(JSON.stringify({
          op: 0, t: 'READY', s: ++this.seq,
          d: {
            v: 10,
            user: { id: BOT_USER_ID, username: 'Convene', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: this.url.replace(/^http/, 'ws') + '/gateway',
            shard: [0, 1],
            application: { id: APPLICATION_ID, flags: 0 },
          },
        }));
        this.markIdentified();
      }
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const body = raw === '' ? {} : (JSON.parse(raw) as Json);
    this.calls.push({ method, path, body, at: Date.now() });
    const i = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    const reply = i >= 0 ? this.failures.splice(i, 1)[0]!.reply : this.answer(method, path, body);
    if (reply.body === undefined) {
      // Discord answers an interaction callback with 204 and no body; @discordjs/rest reads a
      // JSON content-type as JSON, so none is sent.
      res.writeHead(reply.status, reply.headers).end();
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
  }

  private answer(method: string, path: string, body: Json): FakeReply {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.url.replace(/^http/, 'ws') + '/gateway',
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(path)) && method === 'PATCH') {
      return { status: 200, body: this.message(snowflake(), body, m[3] === '@original' ? snowflake() : m[3]!) };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && method === 'POST') {
      return { status: 200, body: this.message(snowflake(), body) };
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const user = String(body.recipient_id);
      if (this.closedDms.has(user)) return discordError(403, 50007, 'Cannot send messages to this user');
      const existing = [...this.dms].find(([, u]) => u === user)?.[0];
      const id = existing ?? snowflake();
      this.dms.set(id, user);
      return { status: 200, body: { id, type: 1, last_message_id: null, recipients: [{ id: user, username: `user${user}`, discriminator: '0', avatar: null }] } };
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      const channel = m[1]!;
      const user = this.dms.get(channel);
      if (user && this.closedDms.has(user)) return discordError(403, 50007, 'Cannot send messages to this user');
      if (!user && this.channels.size > 0 && !this.channels.has(channel)) return discordError(404, 10003, 'Unknown Channel');
      // With enforce_nonce, a message re-sent with the same nonce returns the first one.
      const key = body.enforce_nonce && body.nonce ? `${channel}:${String(body.nonce)}` : null;
      if (key && this.nonces.has(key)) return { status: 200, body: this.nonces.get(key)! };
      const message = this.message(channel, body);
      if (key) this.nonces.set(key, message);
      return { status: 200, body: message };
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === 'PATCH') {
      return { status: 200, body: this.message(m[1]!, body, m[2]!) };
    }
    if ((m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path)) && method === 'PUT') {
      const commands = body as unknown as Json[];
      return { status: 200, body: commands.map((c) => ({ ...c, id: snowflake(), application_id: m![1], guild_id: m![2], version: snowflake() })) as unknown as Json };
    }
    return discordError(404, 0, `404: Not Found (${method} ${path})`);
  }

  private message(channelId: string, body: Json, id = snowflake()): Json {
    return {
      id,
      channel_id: channelId,
      type: 0,
      content: body.content ?? '',
      author: { id: BOT_USER_ID, username: 'Convene', discriminator: '0', avatar: null, bot: true },
      attachments: [],
      embeds: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body.flags ?? 0,
      components: body.components ?? [],
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
    };
  }
}

/** Discord's error body: `{ code, message }` with the HTTP status. */
export function discordError(status: number, code: number, message: string): FakeReply {
  return { status, body: { code, message } };
}

/** A 429 as Discord sends it: `retry_after` in the body (seconds) and the Retry-After header. */
export function rateLimited(retryAfterSeconds: number): FakeReply {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
  };
}
