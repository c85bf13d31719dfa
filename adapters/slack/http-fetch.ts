import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { webApi } from '@slack/bolt';

/** Fetch follows at most 20 redirects. */
const MAX_REDIRECTS = 20;

/**
 * The `fetch` of the Slack Web API client, of Bolt's `respond()` and of the adapter's own
 * response_url posts, over node:http and node:https (their default agents keep connections alive).
 * Node's global fetch is its bundled undici, whose HTTP parser is compiled from WebAssembly: a
 * bot that had posted a few hundred messages through it kept 8–20 MB more resident once idle
 * (measured: docs/performance.md). These requests are small POSTs with a string body; a multipart
 * body (a file upload, which the adapter never makes) still goes through the global fetch.
 */
export const httpFetch: webApi.FetchFunction = (url, init = {}) => {
  if (init.body !== undefined && typeof init.body !== 'string') return fetch(url, init);
  return send(new URL(url), init.method ?? 'GET', init.headers ?? {}, init.body, init, 0);
};

type Init = Parameters<webApi.FetchFunction>[1] & {};
type FetchResponse = Awaited<ReturnType<webApi.FetchFunction>>;
type FetchHeaders = FetchResponse['headers'];

async function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, init: Init, redirects: number): Promise<FetchResponse> {
  const res = await exchange(url, method, headers, body, init.signal);
  const location = res.headers.location;
  if (res.statusCode && [301, 302, 303, 307, 308].includes(res.statusCode) && location !== undefined) {
    res.resume();
    // As fetch: 'error' refuses a redirect, 'manual' hands it back, 'follow' (the default) follows it.
    if (init.redirect === 'error') throw new TypeError(`fetch failed: ${method} ${url.href} was redirected (${res.statusCode})`);
    if (init.redirect !== 'manual') {
      if (redirects >= MAX_REDIRECTS) throw new TypeError(`fetch failed: too many redirects from ${url.href}`);
      // 303, and 301/302 after a POST, continue as a GET without the body; 307 and 308 repeat the request.
      const asGet = res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST');
      const next = new URL(location, url);
      // As fetch: credentials (the bot token) never follow a redirect to another origin.
      const sameOrigin = next.origin === url.origin;
      const nextHeaders = withoutHeaders(headers, (name) => (asGet && /^content-/i.test(name)) || (!sameOrigin && CREDENTIALS.test(name)));
      return send(next, asGet ? 'GET' : method, nextHeaders, asGet ? undefined : body, init, redirects + 1);
    }
  }
  const cutOff = () => (init.signal?.aborted ? init.signal.reason : new TypeError('fetch failed: the response was cut off'));
  return response(url, res, await readBody(res, cutOff));
}

/** One request, answered with the response's head; its body is still to be read. */
function exchange(url: URL, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const requestHeaders: Record<string, string | number> = { ...headers };
    if (body !== undefined) requestHeaders['content-length'] = Buffer.byteLength(body);
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers: requestHeaders });
    const abort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('The request was aborted.'));
    signal?.addEventListener('abort', abort, { once: true });
    req.once('response', (res) => {
      res.once('close', () => signal?.removeEventListener('abort', abort));
      resolve(res);
    });
    req.once('error', (err) => {
      signal?.removeEventListener('abort', abort);
      reject(signal?.aborted ? signal.reason : new TypeError(`fetch failed: ${err.message}`, { cause: err }));
    });
    req.end(body);
  });
}

/** A response's whole body; `cutOff` says why when it closes before its end (the connection lost, or aborted). */
export function readBody(res: IncomingMessage, cutOff: () => unknown): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', () => resolve(Buffer.concat(chunks)));
    res.once('close', () => {
      if (!res.complete) reject(cutOff());
    });
  });
}

function response(url: URL, res: IncomingMessage, raw: Buffer): FetchResponse {
  const body = decoded(raw, res.headers['content-encoding']);
  const status = res.statusCode ?? 0;
  const headers = fetchHeaders(res.headers);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    url: url.href,
    headers,
    arrayBuffer: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer),
    text: () => Promise.resolve(body.toString('utf8')),
    json: () => Promise.resolve().then(() => JSON.parse(body.toString('utf8')) as unknown),
  };
}

/** Fetch decodes a compressed body itself (no Accept-Encoding is sent, but a server may compress anyway). */
export function decoded(raw: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(raw);
    case 'deflate':
      return inflateSync(raw);
    case 'br':
      return brotliDecompressSync(raw);
    default:
      return raw;
  }
}

/** Header names are case-insensitive; a repeated header's values are joined with ", ". */
function fetchHeaders(incoming: IncomingHttpHeaders): FetchHeaders {
  const list: [string, string][] = Object.entries(incoming)
    .filter((e): e is [string, string | string[]] => e[1] !== undefined)
    .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]);
  list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    get: (name) => list.find(([n]) => n === name.toLowerCase())?.[1] ?? null,
    entries: () => list[Symbol.iterator](),
  };
}

const CREDENTIALS = /^(authorization|proxy-authorization|cookie)$/i;

function withoutHeaders(headers: Record<string, string>, drop: (name: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop(name)));
}
