import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { BotHttpServer } from '../../adapters/http-server';
import { createWebApp } from '../../adapters/web/web-adapter';
import { silentLogger, type Logger } from '../../src/logger';
import type { Clock } from '../../src/clock';
import { personByEmail } from '../../src/store/members';
import type { LinkPurpose } from '../../src/web/links';
import { issueLink } from '../../src/web/personal-links';
import { createTestApp, TEMPLATES, type TestApp, type TestAppOptions } from './app';

export interface WebHarness {
  app: TestApp;
  base: string;
  /** GET or POST on the bot's server; `cookie` is sent as is. */
  request(path: string, init?: { method?: string; form?: Record<string, string>; cookie?: string; headers?: Record<string, string> }): Promise<{ status: number; html: string; headers: Headers }>;
  close(): Promise<void>;
}

/** A test app whose messages carry personal links to a real web server on 127.0.0.1 (port chosen by the system). */
export async function startWeb(options: TestAppOptions & { wallClock?: Clock; logger?: Logger } = {}): Promise<WebHarness> {
  const app = createTestApp({ ...options, links: { baseUrl: 'http://127.0.0.1', localOnly: false } });
  const web = createWebApp({
    db: app.db,
    core: app.core,
    clock: app.clock,
    wallClock: options.wallClock ?? { now: () => new Date() },
    templatesDir: join(TEMPLATES, 'web'),
    secureCookies: false,
    logger: options.logger ?? silentLogger,
    reading: { renderer: app.renderer, settings: app.settings },
  });
  const server = new BotHttpServer({ web: getRequestListener(web.fetch) });
  const port = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  app.settings.links!.baseUrl = base;
  return {
    app,
    base,
    async request(path, init = {}) {
      const url = path.startsWith('http') ? path : `${base}${path}`;
      const headers: Record<string, string> = { ...init.headers };
      if (init.cookie) headers['cookie'] = init.cookie;
      let body: string | undefined;
      if (init.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(init.form).toString();
      }
      const res = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' });
      return { status: res.status, html: await res.text(), headers: res.headers };
    },
    async close() {
      await server.close();
      app.close();
    },
  };
}

/** The personal links in a message's text, by what they do. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+\/l\/[A-Za-z0-9._-]+(?:\/calendar\.ics)?(?:\?choice=[a-z]+)?/g)].map((m) => m[0]);
}

/** The hidden CSRF value and the cookie a page set, to post its form as a browser would. */
export function formOf(page: { html: string; headers: Headers }, cookie?: string): { csrf: string; cookie: string } {
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
  const set = page.headers.get('set-cookie');
  const fresh = set ? set.split(';')[0]! : '';
  return { csrf, cookie: fresh || cookie || '' };
}

/** A personal link of the Kosovo exercise for the person with this e-mail, signed now (the test app's clock). */
export function linkFor(web: WebHarness, purpose: LinkPurpose, email: string, target: number): string {
  const person = personByEmail(web.app.db, email);
  if (!person) throw new Error(`no person ${email}`);
  return issueLink(web.app.db, web.app.settings.links!, { purpose, exerciseId: 1, personId: person.id, target, now: web.app.clock.now() });
}
