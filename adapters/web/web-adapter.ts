import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Clock } from '../../src/clock';
import type { CommandOutcome, Core, InboundCommand } from '../../src/core/ports';
import type { Db } from '../../src/store/db';
import type { Logger } from '../../src/logger';
import { linkSecret } from '../../src/store/links';
import { PageRenderer } from '../../src/render/pages';
import { csrfFor, csrfMatches } from '../../src/web/links';
import { openLink, refusalIn, type LinkHolder, type LinkRefusal } from '../../src/web/open-link';
import { showLink, calendarOf, type Reading, type Shown } from '../../src/web/pages/show';
import { afterAction, afterSettings, actionForm, type Acted } from '../../src/web/pages/act-page';
import { installationLanguage } from '../../src/store/exercises';
import { plainWords } from '../../src/web/pages/words';
import { settingsForm } from '../../src/web/settings';
import { SlidingWindowLimit } from './rate-limit';
import { securityHeaders } from './security';

export interface WebAdapterOptions {
  db: Db;
  core: Core;
  /** The bot's clock (`--now` in tests): expiry, deadlines, what a page shows. */
  clock: Clock;
  /** Real time, for rate limits. */
  wallClock: Clock;
  /** `templates/web`: pages, layout and style.css. */
  templatesDir: string;
  /** PUBLIC_URL is https: cookies are sent over https only. */
  secureCookies: boolean;
  logger: Logger;
  /** For the pages that reuse the core's summaries (the overview). */
  reading: Reading;
}

const CSRF_COOKIE = 'convene_csrf';
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const TOKEN_PATH = '/l/:token{[A-Za-z0-9._-]{1,200}}';

const STATUS_OF_REFUSAL: Record<string, 400 | 403 | 404 | 409 | 422 | 503> = {
  usage: 400, 'bad-argument': 422, forbidden: 403, 'not-found': 404, rule: 409, 'not-available': 503,
};

/**
 * The bot's pages behind personal links, as a hono app: GET shows (never acts), POST acts through
 * the core as the link's person (`medium: web`) after the CSRF check. Every request to a link is
 * rate-limited per client address; tokens are never logged (requests are not logged at all).
 */
/** A page about a failure must not fail itself (the database may be what failed). */
function safely<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

export function createWebApp(o: WebAdapterOptions): Hono {
  const pages = new PageRenderer(o.templatesDir);
  const css = readFileSync(join(o.templatesDir, 'style.css'), 'utf8');
  const logger = o.logger.child({ component: 'web' });
  const requests = new SlidingWindowLimit(120, 60_000, o.wallClock);
  const failures = new SlidingWindowLimit(10, 15 * 60_000, o.wallClock);
  const app = new Hono();
  app.use('*', securityHeaders);

  const html = (c: Context, status: number, name: string, view: Record<string, unknown>, language: LinkRefusal['language']) =>
    c.html(pages.render(name, view, language), status as 200);
  const refused = (c: Context, r: LinkRefusal | (Omit<LinkRefusal, 'status'> & { status: number })) =>
    html(c, r.status, 'refusal', { title: r.title, message: r.message }, r.language);
  /** A page for no one in particular (an unknown address, too many attempts): in the installation's language. */
  const plain = (status: number, key: string): Omit<LinkRefusal, 'status'> & { status: number } => ({
    ...refusalIn(plainWords(safely(() => installationLanguage(o.db), 'en')), 403, key),
    status,
  });
  const clientOf = (c: Context): string => {
    let peer: string;
    try {
      peer = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
    // Behind a reverse proxy on this machine every request comes from loopback, so the limit would
    // be shared by everyone: the client is the last X-Forwarded-For entry, the one the proxy added.
    if (!LOOPBACK.test(peer)) return peer;
    return c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || peer;
  };

  /** Verifies the link of this request, counting it against the client's limits. */
  const holderOf = (c: Context): { ok: true; holder: LinkHolder } | { ok: false; response: Response } => {
    const client = clientOf(c);
    if (requests.exceeded(client) || failures.exceeded(client))
      return { ok: false, response: refused(c, plain(429, 'tooMany')) };
    requests.record(client);
    const opened = openLink(o.db, c.req.param('token') ?? '', o.clock.now());
    if (!opened.ok) {
      failures.record(client);
      return { ok: false, response: refused(c, opened.refusal) };
    }
    return { ok: true, holder: opened.holder };
  };

  /** The browser's CSRF value, set in a same-site cookie the first time it opens a page with a form. */
  const browserNonce = (c: Context): string => {
    const existing = getCookie(c, CSRF_COOKIE);
    if (existing && /^[A-Za-z0-9_-]{22,64}$/.test(existing)) return existing;
    const nonce = randomBytes(18).toString('base64url');
    setCookie(c, CSRF_COOKIE, nonce, { path: '/l/', httpOnly: true, sameSite: 'Strict', secure: o.secureCookies });
    return nonce;
  };

  const secret = () => linkSecret(o.db, o.clock.now().toISOString());

  const render = (c: Context, holder: LinkHolder, shown: Shown) => {
    if (!shown.ok) return refused(c, shown.refusal);
    const view = shown.page.view['open'] ? { ...shown.page.view, csrf: csrfFor(secret(), holder.token, browserNonce(c)) } : shown.page.view;
    return html(c, shown.page.status, shown.page.template, view, shown.page.language);
  };

  app.get('/assets/style.css', (c) => c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  app.get('/', (c) => {
    const about = plain(200, 'about');
    return html(c, 200, 'refusal', { title: about.title, message: about.message }, about.language);
  });

  app.get(`${TOKEN_PATH}/calendar.ics`, (c) => {
    const h = holderOf(c);
    if (!h.ok) return h.response;
    const ics = calendarOf(o.db, h.holder, o.clock.now());
    if (!ics.ok) return refused(c, ics.refusal);
    return c.body(ics.content, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="${ics.filename}"` });
  });

  app.get(TOKEN_PATH, (c) => {
    const h = holderOf(c);
    if (!h.ok) return h.response;
    return render(c, h.holder, showLink(o.db, h.holder, o.clock.now(), { choice: c.req.query('choice') }, o.reading));
  });

  app.post(TOKEN_PATH, async (c) => {
    const h = holderOf(c);
    if (!h.ok) return h.response;
    const holder = h.holder;
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const nonce = getCookie(c, CSRF_COOKIE);
    if (!nonce || !csrfMatches(secret(), holder.token, nonce, field('csrf'))) return refused(c, refusalIn(holder.words, 403, 'csrf'));
    const now = o.clock.now();
    if (holder.claim.purpose === 'home') return settings(c, holder, { language: field('language'), zone: field('zone') });
    const planned = actionForm(o.db, holder, now, { choice: field('choice'), comment: field('comment') });
    if (!planned.ok) return render(c, holder, planned.shown);
    const outcome = await o.core.handle(planned.command).catch((err: unknown): CommandOutcome => {
      logger.error({ err, purpose: holder.claim.purpose }, 'web command failed');
      return { status: 'refused', code: 'rule', reply: holder.words.t('web-refusal.failed.message'), audience: 'person' };
    });
    return showOutcome(c, holder, planned.command, outcome);
  });

  /** The home page's form: the person's language and zone, through the core one command at a time; the first refusal stops it. */
  const settings = async (c: Context, holder: LinkHolder, form: { language: string; zone: string }) => {
    const planned = settingsForm(holder, form);
    if (!planned.ok) return refused(c, planned.refusal);
    for (const command of planned.commands) {
      const outcome = await o.core.handle(command).catch((err: unknown): CommandOutcome => {
        logger.error({ err, purpose: holder.claim.purpose }, 'web command failed');
        return { status: 'refused', code: 'rule', reply: holder.words.t('web-refusal.failed.message'), audience: 'person' };
      });
      if (outcome.status === 'refused') return showOutcome(c, holder, command, outcome);
    }
    const acted = afterSettings(o.db, holder, planned.commands.length > 0);
    return html(c, 200, 'result', acted.view, acted.language);
  };

  const showOutcome = (c: Context, holder: LinkHolder, command: InboundCommand, outcome: CommandOutcome) => {
    if (outcome.status === 'refused')
      return refused(c, { status: STATUS_OF_REFUSAL[outcome.code] ?? 409, title: holder.words.t('web-refusal.notRecorded.title'), message: outcome.reply, language: holder.words.language });
    const acted: Acted = afterAction(o.db, holder, o.clock.now(), command, outcome.reply);
    return html(c, 200, 'result', acted.view, acted.language);
  };

  app.notFound((c) => refused(c, plain(404, 'noPage')));
  app.onError((err, c) => {
    // The message and stack only: the URL carries a token and is never logged.
    logger.error({ err }, 'web page failed');
    return refused(c, plain(500, 'failed'));
  });
  return app;
}
