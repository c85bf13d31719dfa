import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/app';
import { FOCAL } from '../helpers/endorsements';
import { ok } from '../helpers/meetings';
import { meetingUnderWay, tickAt } from '../helpers/minutes';
import { formOf, linkFor, linksIn, startWeb, type WebHarness } from '../helpers/web';
import { actionById } from '../../src/store/action-items';
import { auditOf } from '../../src/store/audit';
import { ensurePerson } from '../../src/store/members';
import { outboxOfExercise, type OutboxEntry } from '../../src/store/outbox';

let web: WebHarness;

/** M1 (PWG, key meeting tor) noticed, held and minuted with A1 for KAS, due 2026-12-15; the clock on 13 Dec, when A1's reminder went. */
beforeEach(async () => {
  web = await startWeb({});
  const app = web.app;
  await meetingUnderWay(app);
  ok(app, '/minutes note M1 UNHCR presented the **draft TOR**.');
  ok(app, '/minutes decision M1 The TOR are agreed.');
  ok(app, '/minutes action M1 KAS 2026-12-15 Share the 2011 census sampling frame');
  ok(app, '/meeting schedule PMG 2026-12-20 10:00 PMG workplan');
  await tickAt(app, '2026-12-01T11:00:00Z');
  app.clock.set('2026-12-07T09:00:00Z');
  ok(app, '/minutes publish M1');
  await tickAt(app, '2026-12-13T08:00:00Z');
});
afterEach(() => web.close());

const mails = (kind: string, to: string): OutboxEntry[] =>
  outboxOfExercise(web.app.db, 1).filter((m) => m.kind === kind && m.medium === 'email' && m.address === to);
const linkOf = (kind: string, to: string, path: string): string => {
  const found = linksIn(mails(kind, to).at(-1)!.payload.text).find((l) => l.includes(path));
  if (!found) throw new Error(`no ${path} link in ${kind} to ${to}`);
  return found;
};
const sign = (purpose: Parameters<typeof linkFor>[1], email: string, target: number) => linkFor(web, purpose, email, target);

describe('the pages behind the links in e-mails', () => {
  it('the invitation links the meeting page (agenda, when the notice reached you) and its .ics', async () => {
    const before = snapshot(web.app.db);
    const page = await web.request(linkOf('meeting-invitation', FOCAL.KAS, '/l/meeting.'));
    expect(page.status).toBe(200);
    expect(page.html).toContain('M1: ');
    expect(page.html).toContain('Notice sent</dt><dd>');
    expect(page.html).toMatch(/v1 invitation, e-mail: handed over/);
    expect(page.html).toContain('Add to your calendar (.ics)');
    const ics = await web.request(linkOf('meeting-invitation', FOCAL.KAS, '/calendar.ics'));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.html).toContain('UID:meeting-1-kosovo-2014@convene');
    expect(ics.html).toContain('focal@kas.example.org');
    expect(snapshot(web.app.db)).toBe(before);
  });

  it('the minutes e-mail links their page, Markdown shown as such and nothing raw', async () => {
    const page = await web.request(linkOf('minutes', FOCAL.KAS, '/l/minutes.'));
    expect(page.status).toBe(200);
    expect(page.html).toContain('<strong>draft TOR</strong>');
    expect(page.html).toContain('The TOR are agreed.');
    expect(page.html).toContain('Share the 2011 census sampling frame');
    expect(page.html).toContain('Version 1, published');
  });

  it('the action reminder\'s "Mark done" link shows the item, then marks it done through the core', async () => {
    const link = linkOf('action-reminder', FOCAL.KAS, '/l/done.');
    const before = snapshot(web.app.db);
    const page = await web.request(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('You are about to mark A1 done for KAS');
    expect(snapshot(web.app.db)).toBe(before);
    const form = formOf(page);
    const done = await web.request(link, { form: { csrf: form.csrf }, cookie: form.cookie });
    expect(done.status).toBe(200);
    expect(done.html).toContain('A1 is marked done');
    expect(actionById(web.app.db, 1, 1)).toMatchObject({ status: 'done', doneBy: { name: 'Valon Morina' } });
    expect(auditOf(web.app.db, 1).at(-1)).toMatchObject({ action: 'minutes done', actor: `${FOCAL.KAS} (web link)` });
    const again = await web.request(link, { form: { csrf: form.csrf }, cookie: form.cookie });
    expect(again.status).toBe(409);
    expect(again.html).toContain('A1 is already done');
  });

  it('the person\'s page lists their meetings, open votes, their organisation\'s open actions and the minutes, and nothing of the PMG for a PWG-only organisation', async () => {
    ok(web.app, '/endorse open PWG Methodology version:v2');
    ok(web.app, '/endorse open PMG Workplan');
    const home = await web.request(linkOf('action-reminder', FOCAL.KAS, '/l/home.'));
    expect(home.status).toBe(200);
    expect(home.html).toContain('Your meetings');
    expect(home.html).toContain('M1: ');
    expect(home.html).not.toContain('PMG workplan');
    expect(home.html).toContain('E1</strong> (PWG) Methodology (version v2): not voted yet');
    expect(home.html).not.toContain('E2</strong>');
    expect(home.html).not.toContain('Workplan');
    expect(home.html).toContain('A1</strong> (KAS, due 2026-12-15');
    expect(home.html).toContain('Published minutes');
    const mcr = await web.request(sign('home', FOCAL.MCR, 0));
    expect(mcr.html).toContain('PMG workplan');
    expect(mcr.html).toContain('E2</strong> (PMG) Workplan');
    expect(mcr.html).not.toContain('A1</strong>');
  });

  it('the overview is the coordinator\'s: timeline and matrix drawn, tallies, overdue items, gaps', async () => {
    ok(web.app, `/members remove-focal SCR ${FOCAL.SCR}`);
    ok(web.app, '/endorse open PWG Methodology version:v2');
    ok(web.app, `/endorse vote E1 object Needs the census figures`, FOCAL.KAS);
    web.app.clock.set('2026-12-16T09:00:00Z');
    const page = await web.request(sign('overview', 'coordinator@unhcr.example.org', 0));
    expect(page.status).toBe(200);
    expect(page.html).toContain('<svg class="timeline tl-wide"');
    expect(page.html).toMatch(/1\. Objectives and TOR<\/text>\s*<text class="small" x="\d+" y="\d+">M1, /);
    expect(page.html).toMatch(/2\. Methodology and tools<\/text>\s*<text class="small" x="\d+" y="\d+">not scheduled/);
    expect(page.html).toMatch(/<circle class="m-held"/);
    expect(page.html).toContain('<table class="matrix">');
    expect(page.html).toMatch(/KAS<\/th><td title="KAS, M1: on time/);
    expect(page.html).toMatch(/SCR<\/th><td title="SCR, M1: on time/);
    expect(page.html).toMatch(/KAS<\/th><td title="KAS, M1: on time.*<td title="KAS, M2: not in group/);
    expect(page.html).toMatch(/MCR<\/th><td title="MCR, M1: on time.*<td title="MCR, M2: not reached \(the notice was not sent\)/);
    expect(page.html).toContain('class="vote-object" title="KAS: object');
    expect(page.html).toContain('A1 KAS, due 2026-12-15');
    expect(page.html).toContain('overdue');
    expect(page.html).toContain('SCR (Serbian Commissariat for Refugees): no focal point');
    const focal = await web.request(sign('overview', FOCAL.KAS, 0));
    expect(focal.status).toBe(403);
    expect(focal.html).not.toContain('<table');
  });

  it('refuses a stranger, a wrong person, a link of a former member, with a plain page and nothing changed', async () => {
    const before = snapshot(web.app.db);
    ensurePerson(web.app.db, { email: 'stranger@example.com', name: 'A Stranger', at: '2026-12-13T08:00:00Z' });
    const afterStranger = snapshot(web.app.db);
    const stranger = await web.request(sign('home', 'stranger@example.com', 0));
    expect(stranger.status).toBe(403);
    expect(stranger.html).toContain('no longer a member');
    expect(stranger.html).not.toContain('M1');
    const wrong = await web.request(sign('done', FOCAL.UNICEF, 1));
    expect(wrong.status).toBe(403);
    expect(wrong.html).toContain('A1 belongs to KAS');
    const pmg = await web.request(sign('meeting', FOCAL.KAS, 2));
    expect(pmg.status).toBe(404);
    expect(pmg.html).not.toContain('PMG workplan');
    expect(snapshot(web.app.db)).toBe(afterStranger);
    expect(before).not.toBe(afterStranger);
  });

  it('limits failed link checks per client: after ten, even a good link gets 429', async () => {
    const good = linkOf('minutes', FOCAL.KAS, '/l/minutes.');
    for (let i = 0; i < 10; i++) expect((await web.request(`/l/home.1.1.0.zz.zz.AAAAAAAAAAAAAAAAAAAAA${i}`)).status).toBe(403);
    const limited = await web.request(good);
    expect(limited.status).toBe(429);
    expect(limited.html).toContain('Too many');
  });

  it('behind a reverse proxy on this machine, limits each client the proxy names, not the proxy', async () => {
    const good = linkOf('minutes', FOCAL.KAS, '/l/minutes.');
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    // The proxy appends the address it saw: a client cannot pose as another by sending the header itself.
    for (let i = 0; i < 10; i++) expect((await web.request(`/l/home.1.1.0.zz.zz.AAAAAAAAAAAAAAAAAAAAA${i}`, from(`198.51.100.9, 203.0.113.7`))).status).toBe(403);
    expect((await web.request(good, from('203.0.113.7'))).status).toBe(429);
    expect((await web.request(good, from('198.51.100.9'))).status).toBe(200);
    expect((await web.request(good, from('203.0.113.8'))).status).toBe(200);
  });

  it('unknown addresses get a plain 404 page; the stylesheet is served', async () => {
    expect((await web.request('/nothing/here')).status).toBe(404);
    const css = await web.request('/assets/style.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});
