import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatApi } from '../../../adapters/slack/chat-api';

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Which connection carried it (1 = the first the server accepted). */
  connection: number;
}

let server: Server | undefined;
let api: ChatApi | undefined;
afterEach(async () => {
  api?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A loopback Web API that records each call and answers it with `answer` (which may leave it hanging). */
async function serve(answer: (seen: Seen, res: ServerResponse) => void): Promise<{ apiUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  let connections = 0;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const connection = (req.socket as { convene?: number } & typeof req.socket).convene!;
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), connection };
      seen.push(s);
      answer(s, res);
    });
  });
  server.on('connection', (socket) => Object.assign(socket, { convene: ++connections }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, seen };
}

const json = (res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('ChatApi (chat.postMessage and chat.update without the WebClient)', () => {
  it('posts JSON with the bot token as a bearer token, answers with where the message went, and keeps the connection for the next call', async () => {
    const { apiUrl, seen } = await serve((s, res) => json(res, { ok: true, channel: 'DKAS', ts: `1795000000.00000${seen.length}` }));
    api = new ChatApi({ token: 'xoxb-1', apiUrl, timeoutMs: 5000, warn: () => undefined });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Größe ✓ &lt;!channel&gt;', verbatim: true } }];
    expect(await api.call('chat.postMessage', { channel: 'UKAS', text: 'Größe ✓', blocks, link_names: false })).toEqual({ kind: 'ok', channel: 'DKAS', ts: '1795000000.000001' });
    expect(await api.call('chat.update', { channel: 'DKAS', ts: '1795000000.000001', text: 'again' })).toEqual({ kind: 'ok', channel: 'DKAS', ts: '1795000000.000002' });
    expect(seen.map((s) => s.url)).toEqual(['/api/chat.postMessage', '/api/chat.update']);
    expect(seen[0]!.headers).toMatchObject({ authorization: 'Bearer xoxb-1', 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(seen[0]!.body)) });
    expect(JSON.parse(seen[0]!.body)).toEqual({ channel: 'UKAS', text: 'Größe ✓', blocks, link_names: false });
    expect(seen.map((s) => s.connection)).toEqual([1, 1]);
  });

  it("gives Slack's error code as a refusal, and its warnings to `warn`", async () => {
    const { apiUrl } = await serve((s, res) =>
      s.url.endsWith('chat.update')
        ? json(res, { ok: false, error: 'message_not_found' })
        : json(res, { ok: true, channel: 'C1', ts: '1.2', warning: 'missing_charset', response_metadata: { warnings: ['missing_charset', 'superfluous_charset'] } }),
    );
    const warned: [string[], string][] = [];
    api = new ChatApi({ token: 'xoxb-1', apiUrl, timeoutMs: 5000, warn: (w, method) => warned.push([w, method]) });
    expect(await api.call('chat.update', { channel: 'C1', ts: '1.1' })).toEqual({ kind: 'refused', error: 'message_not_found' });
    expect(warned).toEqual([]);
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'ok', channel: 'C1', ts: '1.2' });
    expect(warned).toEqual([[['missing_charset', 'missing_charset', 'superfluous_charset'], 'chat.postMessage']]);
  });

  it('hands back a 429 with its Retry-After in seconds (none when the header is missing or not a number), without retrying', async () => {
    const headers: Record<string, string>[] = [{ 'retry-after': '30' }, {}, { 'retry-after': 'soon' }];
    const { apiUrl, seen } = await serve((_s, res) => json(res, { ok: false, error: 'ratelimited' }, 429, headers[seen.length - 1]));
    api = new ChatApi({ token: 'xoxb-1', apiUrl, timeoutMs: 5000, warn: () => undefined });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'rate-limited', retryAfterS: 30 });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'rate-limited' });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'rate-limited' });
    expect(seen).toHaveLength(3);
  });

  it('gives any other status as an HTTP answer, a redirect or a body that is not the Web API\'s as unreachable, and decodes a gzip body', async () => {
    const answers: ((res: ServerResponse) => void)[] = [
      (res) => res.writeHead(503, 'Service Unavailable').end('down'),
      (res) => res.writeHead(302, { location: 'https://elsewhere.example/' }).end(),
      (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy login</html>'),
      (res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify({ ok: true, channel: 'C1', ts: '1.3' }))),
    ];
    const { apiUrl, seen } = await serve((_s, res) => answers[seen.length - 1]!(res));
    api = new ChatApi({ token: 'xoxb-1', apiUrl, timeoutMs: 5000, warn: () => undefined });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'http', status: 503, statusText: 'Service Unavailable' });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'unreachable', reason: 'redirected (HTTP 302)' });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'unreachable', reason: 'the answer was not a Web API answer' });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'ok', channel: 'C1', ts: '1.3' });
    expect(seen).toHaveLength(4);
  });

  it('gives up on a call that is not answered in time or is abandoned, and on a port nobody listens on', async () => {
    const { apiUrl, seen } = await serve(() => undefined);
    api = new ChatApi({ token: 'xoxb-1', apiUrl, timeoutMs: 200, warn: () => undefined });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toEqual({ kind: 'unreachable', reason: 'no answer within 0.2 s' });
    const abandoned = new AbortController();
    const call = api.call('chat.postMessage', { channel: 'C1' }, abandoned.signal);
    while (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    abandoned.abort();
    expect(await call).toEqual({ kind: 'unreachable', reason: 'the attempt was abandoned' });
    expect(await api.call('chat.postMessage', { channel: 'C1' }, abandoned.signal)).toEqual({ kind: 'unreachable', reason: 'the attempt was abandoned' });
    expect(seen).toHaveLength(2);
    api.close();
    const closed = await serve(() => undefined);
    const port = new URL(closed.apiUrl).port;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    api = new ChatApi({ token: 'xoxb-1', apiUrl: `http://127.0.0.1:${port}/api/`, timeoutMs: 5000, warn: () => undefined });
    expect(await api.call('chat.postMessage', { channel: 'C1' })).toMatchObject({ kind: 'unreachable', reason: expect.stringContaining('ECONNREFUSED') });
  });
});
