import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/* eslint-disable @typescript-eslint/no-explicit-any -- recorded Web API arguments are whatever the SDK sent */
export type Args = Record<string, any>;

export interface ApiCall {
  method: string;
  args: Args;
  at: number;
  /** The bearer token the call carried (`xoxb-…` for the bot, `xapp-…` for apps.connections.open). */
  token?: string;
}

export interface PostedResponse {
  id: string;
  body: Args;
  at: number;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body: Args;
}

/**
 * Slack's Web API and response_url endpoints played on 127.0.0.1: answers what the adapter and
 * Bolt call, records every call, can be slow (`delayMs`) and can fail a method once (`failNext`).
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: PostedResponse[] = [];
  /** Slack user id → the e-mail users.info reports (null: no e-mail on the profile). */
  readonly users = new Map<string, string | null>();
  delayMs = 0;
  /** Socket Mode: the WebSocket URL apps.connections.open hands out. */
  socketUrl: string | null = null;
  private readonly failures = new Map<string, FakeReply[]>();
  private ts = 0;
  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => void fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeSlack(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${encodeURIComponent(id)}`;
  }

  failNext(method: string, reply: FakeReply): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), reply]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): PostedResponse[] {
    return this.responses.filter((r) => r.id === id);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const args = parseBody(raw, String(req.headers['content-type'] ?? ''));
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (path.startsWith('/response/')) {
      this.responses.push({ id: decodeURIComponent(path.slice('/response/'.length)), body: args, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, at: Date.now(), ...(bearer ? { token: bearer } : {}) });
    const failure = this.failures.get(method)?.shift();
    const reply = failure ?? this.answer(method, args);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
  }

  private answer(method: string, args: Args): FakeReply {
    switch (method) {
      case 'auth.test':
        return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Convene test', url: 'https://convene-test.slack.com/' } };
      case 'users.info': {
        const user = String(args.user);
        if (!this.users.has(user)) return { body: { ok: false, error: 'user_not_found' } };
        const email = this.users.get(user);
        return { body: { ok: true, user: { id: user, name: user.toLowerCase(), profile: email ? { email } : {} } } };
      }
      case 'chat.postMessage': {
        const channel = String(args.channel);
        // Posting to a user id lands in the direct-message channel with the bot.
        const where = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
        return { body: { ok: true, channel: where, ts: this.nextTs(), message: { text: args.text } } };
      }
      case 'chat.update':
        return { body: { ok: true, channel: args.channel, ts: args.ts, text: args.text } };
      case 'views.open':
        return { body: { ok: true, view: { id: `V${this.calls.length}`, ...(args.view ?? {}) } } };
      case 'views.publish':
        return { body: { ok: true, view: { id: 'VHOME' } } };
      case 'apps.connections.open':
        return this.socketUrl ? { body: { ok: true, url: this.socketUrl } } : { body: { ok: false, error: 'not_allowed_token_type' } };
      default:
        return { body: { ok: false, error: 'unknown_method' } };
    }
  }

  private nextTs(): string {
    this.ts += 1;
    return `1795000000.${String(this.ts).padStart(6, '0')}`;
  }
}

/** The SDK posts form fields, with objects (blocks, views) as JSON text; JSON bodies are read as such. */
function parseBody(raw: string, contentType: string): Args {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Args;
  const out: Args = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Slack's request signature: v0=HMAC_SHA256(secret, "v0:" + timestamp + ":" + raw body). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  retryNum?: number;
  contentType?: string;
}

export interface PostResult {
  status: number;
  text: string;
  ms: number;
}

/** Posts a body to the bot as Slack does: signed, with Slack's headers. */
export async function postSigned(url: string, body: string, o: PostOptions): Promise<PostResult> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': o.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(o.secret, timestamp, body),
      ...(o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | false, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
