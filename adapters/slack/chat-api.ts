import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { z } from 'zod';
import { decoded, readBody } from './http-fetch';

/** Slack's Web API, where the bot's token is accepted as a bearer token and bodies may be JSON. */
export const SLACK_API_URL = 'https://slack.com/api/';

/** What a call of `chat.postMessage` or `chat.update` came to: Slack's answer, or why there was none. */
export type ChatAnswer =
  | { kind: 'ok'; channel?: string; ts?: string }
  /** HTTP 200 with `ok: false`: Slack's own error code (`channel_not_found`, `invalid_auth`, …). */
  | { kind: 'refused'; error: string }
  /** HTTP 429: `retryAfterS` from its Retry-After header (seconds), when it had a usable one. */
  | { kind: 'rate-limited'; retryAfterS?: number }
  /** Any status but 200 and 429: Slack's Web API uses no other meaningful status codes. */
  | { kind: 'http'; status: number; statusText: string }
  /** No answer: the connection failed, timed out or was aborted, or the body was not Slack's JSON. */
  | { kind: 'unreachable'; reason: string };

/** Slack's answer body: `ok`, its error code, and where the message went. Other fields are ignored. */
const answerBody = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
  warning: z.string().optional(),
  response_metadata: z.object({ warnings: z.array(z.string()).optional() }).optional(),
});

/** What another thread needs to post as the bot (adapters/worker/thread-delivery.ts): plain values. */
export interface SlackPosting {
  botToken: string;
  /** Base URL of the Web API, ending in `/` (default Slack's). */
  apiUrl?: string;
  timeoutMs: number;
}

/** The `ChatApi` that posts as the bot described by `posting`; Slack's warnings go to `logger`. */
export function chatApiFor(posting: SlackPosting, logger: { warn(fields: object, message: string): void }): ChatApi {
  return new ChatApi({
    token: posting.botToken, timeoutMs: posting.timeoutMs, ...(posting.apiUrl ? { apiUrl: posting.apiUrl } : {}),
    warn: (warnings, method) => logger.warn({ method, warnings }, 'slack warned about a call'),
  });
}

export interface ChatApiOptions {
  token: string;
  /** Base URL of the Web API, ending in `/` (default Slack's). */
  apiUrl?: string;
  /** An unanswered call is abandoned after this many milliseconds. */
  timeoutMs: number;
  /** Slack's warnings about a call that still succeeded (a deprecated argument, a missing fallback). */
  warn: (warnings: string[], method: string) => void;
}

/**
 * The two Web API methods the outbox delivers with, called directly: a JSON POST with the bot's
 * token as a bearer token over a connection kept alive, and Slack's answer read as a value.
 * The SDK's WebClient does the same through a request queue, a retry wrapper, form encoding and
 * debug strings built whether or not they are logged: about twice the CPU per post on the loop that
 * acknowledges Slack's requests (measured: docs/performance.md). Nothing here retries, so nothing is
 * posted twice behind the outbox's back; a 429 is handed back with its Retry-After.
 */
export class ChatApi {
  private readonly base: URL;
  private readonly agent: HttpAgent;
  private readonly headers: Record<string, string>;

  constructor(private readonly options: ChatApiOptions) {
    this.base = new URL(options.apiUrl ?? SLACK_API_URL);
    this.agent = this.base.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    this.headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json; charset=utf-8', 'user-agent': 'convene' };
  }

  /** Calls `method` with `args` (a JSON object); never rejects. `signal` abandons the call. */
  call(method: 'chat.postMessage' | 'chat.update', args: Record<string, unknown>, signal?: AbortSignal): Promise<ChatAnswer> {
    if (signal?.aborted) return Promise.resolve({ kind: 'unreachable', reason: 'the attempt was abandoned' });
    const body = JSON.stringify(args);
    return new Promise<ChatAnswer>((resolve) => {
      const url = new URL(method, this.base);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method: 'POST', agent: this.agent, headers: { ...this.headers, 'content-length': Buffer.byteLength(body) } });
      let settled = false;
      const settle = (answer: ChatAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', abandon);
        resolve(answer);
      };
      const giveUp = (reason: string) => {
        settle({ kind: 'unreachable', reason });
        req.destroy();
      };
      const abandon = () => giveUp('the attempt was abandoned');
      const timer = setTimeout(() => giveUp(`no answer within ${this.options.timeoutMs / 1000} s`), this.options.timeoutMs);
      signal?.addEventListener('abort', abandon, { once: true });
      req.once('error', (err) => settle({ kind: 'unreachable', reason: err.message }));
      req.once('response', (res) => {
        readBody(res, () => new Error('the answer was cut off')).then(
          (raw) => settle(this.answer(method, res, raw)),
          (err: Error) => settle({ kind: 'unreachable', reason: err.message }),
        );
      });
      req.end(body);
    });
  }

  private answer(method: string, res: IncomingMessage, raw: Buffer): ChatAnswer {
    const status = res.statusCode ?? 0;
    if (status === 429) {
      const retryAfterS = Number.parseInt(String(res.headers['retry-after'] ?? ''), 10);
      return Number.isNaN(retryAfterS) ? { kind: 'rate-limited' } : { kind: 'rate-limited', retryAfterS };
    }
    // A redirect is not followed (a token must not follow it elsewhere): as a connection that failed.
    if (status >= 300 && status < 400) return { kind: 'unreachable', reason: `redirected (HTTP ${status})` };
    if (status !== 200) return { kind: 'http', status, statusText: res.statusMessage ?? '' };
    let parsed: z.infer<typeof answerBody>;
    try {
      parsed = answerBody.parse(JSON.parse(decoded(raw, res.headers['content-encoding']).toString('utf8')));
    } catch {
      return { kind: 'unreachable', reason: 'the answer was not a Web API answer' };
    }
    const warnings = [...(parsed.warning ? [parsed.warning] : []), ...(parsed.response_metadata?.warnings ?? [])];
    if (warnings.length > 0) this.options.warn(warnings, method);
    if (!parsed.ok) return { kind: 'refused', error: parsed.error ?? 'unknown_error' };
    return { kind: 'ok', ...(parsed.channel ? { channel: parsed.channel } : {}), ...(parsed.ts ? { ts: parsed.ts } : {}) };
  }

  /** Closes the connections kept alive. */
  close(): void {
    this.agent.destroy();
  }
}
