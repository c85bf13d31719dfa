import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { httpFetch } from '../../../adapters/slack/http-fetch';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A loopback server that records each request and answers it with `answer` (which may leave it hanging). */
async function serve(answer: (req: Seen, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      answer(s, res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('httpFetch (the Slack client\'s fetch over node:http)', () => {
  it('posts the string body with its headers and gives the answer as fetch does', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('X-OAuth-Scopes', 'chat:write,commands');
      res.setHeader('Vary', ['Accept', 'Origin']);
      res.end(JSON.stringify({ ok: true, text: 'Größe ✓' }));
    });
    const body = 'channel=C1&text=Gr%C3%B6%C3%9Fe';
    const res = await httpFetch(`${url}/api/chat.postMessage`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' }, body });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/chat.postMessage', body });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-1', 'content-length': String(Buffer.byteLength(body)) });
    expect(res).toMatchObject({ ok: true, status: 200, statusText: 'OK', url: `${url}/api/chat.postMessage` });
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write,commands');
    expect(res.headers.get('X-OAuth-Scopes')).toBe('chat:write,commands');
    expect(res.headers.get('vary')).toBe('Accept, Origin');
    expect(res.headers.get('retry-after')).toBeNull();
    expect(Object.fromEntries(res.headers.entries())).toMatchObject({ 'content-type': 'application/json; charset=utf-8', vary: 'Accept, Origin' });
    expect(await res.json()).toEqual({ ok: true, text: 'Größe ✓' });
    expect(await res.text()).toBe(JSON.stringify({ ok: true, text: 'Größe ✓' }));
    expect(new TextDecoder().decode(await res.arrayBuffer())).toBe(JSON.stringify({ ok: true, text: 'Größe ✓' }));
  });

  it('resolves with a refusal (not ok) and its body, and rejects a body that is not JSON only when json() is asked', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(429, 'Too Many Requests', { 'Retry-After': '30' });
      res.end('slow down');
    });
    const res = await httpFetch(`${url}/api/users.info`, { method: 'POST', body: 'user=U1' });
    expect(res).toMatchObject({ ok: false, status: 429, statusText: 'Too Many Requests' });
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.text()).toBe('slow down');
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('decodes a gzip-encoded answer', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' });
      res.end(gzipSync(JSON.stringify({ ok: true })));
    });
    expect(await (await httpFetch(`${url}/api/auth.test`, { method: 'POST', body: '' })).json()).toEqual({ ok: true });
  });

  it("refuses a redirect with redirect: 'error' (the Web API client's setting), and follows one by default", async () => {
    const { url, seen } = await serve((req, res) => {
      if (req.url === '/moved') res.writeHead(307, { Location: '/here' }).end();
      else if (req.url === '/other') res.writeHead(303, { Location: '/here' }).end();
      else res.end(`${req.method} ${req.body}`);
    });
    await expect(httpFetch(`${url}/moved`, { method: 'POST', body: 'a=1', redirect: 'error' })).rejects.toThrow(TypeError);
    expect(await (await httpFetch(`${url}/moved`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' })).text()).toBe('POST {"a":1}');
    const after303 = await httpFetch(`${url}/other`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    expect(await after303.text()).toBe('GET ');
    expect(after303.url).toBe(`${url}/here`);
    expect(seen.at(-1)!.headers['content-type']).toBeUndefined();
  });

  it('keeps the bot token on a redirect within the origin and drops it on one to another origin', async () => {
    const elsewhere: Seen[] = [];
    const other = createServer((req, res) => {
      elsewhere.push({ method: req.method!, url: req.url!, headers: req.headers, body: '' });
      res.end('elsewhere');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const { url, seen } = await serve((req, res) => {
        if (req.url === '/same') res.writeHead(307, { Location: '/here' }).end();
        else if (req.url === '/away') res.writeHead(307, { Location: `${otherUrl}/there` }).end();
        else res.end('here');
      });
      const auth = { Authorization: 'Bearer xoxb-secret', 'Content-Type': 'application/json' };
      expect(await (await httpFetch(`${url}/same`, { method: 'POST', headers: auth, body: '{}' })).text()).toBe('here');
      expect(seen.at(-1)!.headers.authorization).toBe('Bearer xoxb-secret');
      expect(await (await httpFetch(`${url}/away`, { method: 'POST', headers: auth, body: '{}' })).text()).toBe('elsewhere');
      expect(elsewhere).toHaveLength(1);
      expect(elsewhere[0]!.headers.authorization).toBeUndefined();
      expect(elsewhere[0]!.headers['content-type']).toBe('application/json');
    } finally {
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it("rejects with the signal's reason when it aborts before the answer, and sends nothing when it aborted already", async () => {
    const { url, seen } = await serve(() => undefined);
    const controller = new AbortController();
    const pending = httpFetch(`${url}/api/chat.postMessage`, { method: 'POST', body: 'a=1', signal: controller.signal });
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    const reason = new Error('gave up waiting');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(httpFetch(`${url}/again`, { method: 'POST', body: 'a=1', signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(seen).toHaveLength(1);
  });

  it('rejects with a TypeError when nothing listens', async () => {
    const { url } = await serve((_req, res) => res.end());
    server!.close();
    await new Promise((r) => server!.once('close', r));
    server = undefined;
    await expect(httpFetch(`${url}/api/auth.test`, { method: 'POST', body: '' })).rejects.toThrow(/fetch failed/);
  });
});
