import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, webPages, type App } from '../../adapters/compose';
import { BotHttpServer } from '../../adapters/http-server';
import { FixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { actionById } from '../../src/store/action-items';
import { auditOf } from '../../src/store/audit';
import { currentVoteOf } from '../../src/store/endorsements';
import { organisationByAcronym } from '../../src/store/members';
import { loadExample } from '../../src/use-cases/exercise/load-example';
import { EXAMPLES, ROOT } from '../helpers/app';
import { LoopbackSmtp } from '../helpers/smtp';

/** Where the screenshots go, to be looked at: test/e2e/screenshots/ (git-ignored). .ci/run installs the browser. */
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const smtp = new LoopbackSmtp();
let dir: string;
let app: App;
let http: BotHttpServer;
let browser: Browser;
let clock: FixedClock;
let handler: RequestListener = (_req, res) => res.end();

/** Runs a command as the first coordinator (or `as`), through the real core. */
function run(text: string, as?: string): string {
  const r = app.core.handleSync({ text, actor: { kind: 'local', ...(as ? { email: as } : {}) } });
  if (r.status !== 'accepted') throw new Error(`${text}: ${r.reply}`);
  return r.reply;
}

/** The link of a kind in the newest e-mail to `to` whose subject matches, as it arrived over SMTP. */
async function linkFromMail(to: string, subject: RegExp, path: string): Promise<string> {
  const mails = (await smtp.parsed()).filter((m) => JSON.stringify(m.to).includes(to) && subject.test(m.subject ?? ''));
  const text = mails.at(-1)?.text ?? '';
  const found = text.match(new RegExp(`http://127\\.0\\.0\\.1:\\d+/l/${path}[^\\s>]*`))?.[0];
  if (!found) throw new Error(`no ${path} link in the e-mail "${String(subject)}" to ${to}`);
  return found;
}

/** Delivers everything due now: a drain kicked by the last command may still be under way. */
async function settle(): Promise<void> {
  const due = () => (app.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status NOT IN ('sent', 'failed') AND next_attempt_at <= ?`).get(clock.now().toISOString()) as { n: number }).n;
  for (let i = 0; i < 200 && due() > 0; i++) {
    await app.sender.drain();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, size] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage: true });
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await smtp.start();
  http = new BotHttpServer({ web: (req, res) => handler(req, res) });
  const port = await http.listen(0, '127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'convene-e2e-'));
  const loaded = loadConfig(
    {
      DATABASE_PATH: join(dir, 'convene.sqlite'),
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      EMAIL_FROM: 'Convene <convene@pwg.example.org>',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      LOG_LEVEL: 'silent',
    },
    '',
  );
  if (!loaded.ok) throw new Error(loaded.problems.join(' '));
  clock = new FixedClock('2026-11-10T09:00:00Z');
  app = createApp({ config: loaded.config, clock, logger: silentLogger });
  const example = loadExample(app.db, EXAMPLES, 'kosovo', clock.now(), 'e2e');
  if (!example.ok) throw new Error(example.message);
  handler = await webPages(app, { now: () => new Date() });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await http?.close();
  await app?.close();
  await smtp.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('in a real browser, from links that came by e-mail over SMTP', () => {
  it('a focal point objects with a reason, another endorses; the record shows both, cast on the web', async () => {
    run('/endorse open PWG Terms of Reference of the PWG version:v1 link:https://drive.example.org/pwg-tor-v1 document:tor');
    await settle();
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(await linkFromMail('focal@kas.example.org', /Endorsement sought/, 'vote\\.'));
    await expect.poll(() => page.textContent('body')).toContain('You act as Valon Morina, focal point of KAS');
    // The Object link chosen in the e-mail: the page is about an objection and shows nothing recorded yet.
    const objectLink = await linkFromMail('focal@kas.example.org', /Endorsement sought/, 'vote\\.[^\\s]*choice=object');
    await page.goto(objectLink);
    expect(await page.textContent('.intent')).toContain("You are about to record KAS's vote: Object.");
    expect(await page.isChecked('input[value="object"]')).toBe(true);
    await shoot(page, '1-vote-object');
    // Submitting without a reason is sent back with the question; with one, it is recorded.
    await page.click('button[type="submit"]');
    expect(await page.textContent('.problem')).toContain('An objection asks for its reason');
    await page.fill('textarea[name="comment"]', 'Section IV should name KAS as co-lead for the sampling frame.');
    await page.click('button[type="submit"]');
    expect(await page.textContent('h1')).toContain("KAS's vote on E1 is recorded");
    await shoot(page, '2-vote-recorded');
    const kas = organisationByAcronym(app.db, 1, 'KAS')!;
    expect(currentVoteOf(app.db, 1, kas.id)).toMatchObject({ choice: 'object', comment: 'Section IV should name KAS as co-lead for the sampling frame.' });
    expect(auditOf(app.db, 1).filter((a) => a.action === 'endorse vote').at(-1)).toMatchObject({ actor: 'focal@kas.example.org (web link)', outcome: 'accepted' });

    await page.goto(await linkFromMail('focal@mcr.example.org', /Endorsement sought/, 'vote\\.[^\\s]*choice=endorse'));
    await page.click('button[type="submit"]');
    expect(await page.textContent('.recorded')).toContain("Recorded: MCR's vote on E1");
    await page.close();
  }, 60_000);

  it('a focal point marks an action item done from its reminder', async () => {
    clock.set('2026-11-10T09:00:00Z');
    const scheduled = run('/meeting schedule PWG 2026-12-01 10:00 Agree the TOR milestone:tor where:"UNHCR office, Pristina"');
    const id = /Scheduled (M\d+)/.exec(scheduled)![1]!;
    run(`/meeting agenda ${id} add Review of the draft TOR`);
    run(`/meeting send ${id}`);
    await settle();
    clock.set('2026-12-01T09:30:00Z');
    run(`/minutes action ${id} KAS 2026-12-15 Share the 2011 census sampling frame with the PMG`);
    clock.set('2026-12-13T08:00:00Z');
    await app.scheduler.tick();
    await settle();
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(await linkFromMail('focal@kas.example.org', /Action item A1/, 'done\\.'));
    expect(await page.textContent('.intent')).toContain('You are about to mark A1 done for KAS');
    await shoot(page, '3-action');
    await page.click('button[type="submit"]');
    expect(await page.textContent('h1')).toContain('A1 is marked done');
    expect(actionById(app.db, 1, 1)).toMatchObject({ status: 'done', doneBy: { name: 'Valon Morina' } });
    await page.goto(await linkFromMail('focal@kas.example.org', /Invitation/, 'meeting\\.'));
    expect(await page.textContent('h1')).toContain('Agree the TOR');
    await shoot(page, '4-meeting');
    await page.goto(await linkFromMail('focal@kas.example.org', /Action item A1/, 'home\\.'));
    expect(await page.textContent('body')).toContain('Your meetings');
    await shoot(page, '5-home');
    await page.close();
  }, 60_000);

  it('the coordinator reads the overview: the timeline and the matrix drawn', async () => {
    clock.set('2026-12-14T09:00:00Z');
    const reply = run('/exercise status web');
    const url = /http:\/\/127\.0\.0\.1:\d+\/l\/overview\.\S+/.exec(reply)![0];
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(url);
    expect(await page.textContent('h1')).toContain('Overview of Kosovo 2014');
    expect(await page.isVisible('svg.tl-narrow')).toBe(true);
    expect(await page.isVisible('svg.tl-wide')).toBe(false);
    expect(await page.locator('table.matrix').first().locator('td').count()).toBeGreaterThan(9);
    await shoot(page, '6-overview');
    await page.locator('.tally').first().screenshot({ path: join(SHOTS, '7-tally.png') });
    await page.setViewportSize(DESKTOP);
    expect(await page.isVisible('svg.tl-wide')).toBe(true);
    expect(await page.isVisible('svg.tl-narrow')).toBe(false);
    await page.close();
  }, 60_000);

  it('with JavaScript off, a focal point chooses Serbian Cyrillic and New York time on their page; every page fits a phone in Serbian and Albanian', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    const home = await linkFromMail('focal@kas.example.org', /Action item A1/, 'home\\.');
    await page.goto(home);
    await page.selectOption('select[name="language"]', 'sr-Cyrl');
    await page.fill('input[name="zone"]', 'America/New_York');
    await page.click('form.settings button[type="submit"]');
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Cyrl');
    expect(await page.textContent('h1')).toBe('Ваша подешавања су сачувана');
    expect(auditOf(app.db, 1).slice(-2).map((a) => [a.action, a.actor])).toEqual([
      ['members language', 'focal@kas.example.org (web link)'],
      ['members timezone', 'focal@kas.example.org (web link)'],
    ]);
    run('/members language me sq');
    const pages = {
      home,
      meeting: await linkFromMail('focal@kas.example.org', /Invitation/, 'meeting\\.'),
      overview: /http:\/\/127\.0\.0\.1:\d+\/l\/overview\.\S+/.exec(run('/exercise status web'))![0],
    };
    for (const language of ['sr-Cyrl', 'sq'] as const) {
      if (language === 'sq') {
        await page.goto(home);
        await page.selectOption('select[name="language"]', 'sq');
        await page.click('form.settings button[type="submit"]');
        expect(await page.textContent('h1')).toBe('Cilësimet tuaja u ruajtën');
      }
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        expect(await page.getAttribute('html', 'lang'), name).toBe(name === 'overview' ? 'sq' : language);
        for (const size of [PHONE, DESKTOP]) {
          await page.setViewportSize(size);
          // Nothing wider than the screen: long words wrap, wide tables scroll inside their own box.
          // (Evaluated as text: the tests are compiled without the DOM's types.)
          expect(await page.evaluate<number>('document.documentElement.scrollWidth'), `${language} ${name} ${size.width}`).toBeLessThanOrEqual(size.width);
          // No label of a drawn timeline runs past the picture's edge.
          const cut = await page.evaluate<string[]>(`[...document.querySelectorAll('svg.timeline')]
            .filter((svg) => getComputedStyle(svg).display !== 'none')
            .flatMap((svg) => [...svg.querySelectorAll('text')]
              .filter((t) => t.getBBox().x + t.getBBox().width > svg.viewBox.baseVal.width + 1)
              .map((t) => t.textContent))`);
          expect(cut, `${language} ${name} ${size.width}`).toEqual([]);
        }
        await page.setViewportSize(PHONE);
        await page.screenshot({ path: join(SHOTS, `8-${language}-${name}-phone.png`), fullPage: true });
      }
    }
    await context.close();
  }, 90_000);
});
