import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/app';
import { FOCAL, ok, OPENED_AT } from '../helpers/endorsements';
import { formOf, linksIn, startWeb, type WebHarness } from '../helpers/web';
import { auditOf } from '../../src/store/audit';
import { currentVoteOf, endorsementById } from '../../src/store/endorsements';
import { organisationByAcronym, personByEmail, setPersonTimeZone } from '../../src/store/members';
import { outboxByRef } from '../../src/store/outbox';
import { createLogger } from '../../src/logger';

let web: WebHarness;
beforeEach(async () => {
  web = await startWeb({ now: OPENED_AT });
  ok(web.app, '/endorse open PWG Terms of Reference of the PWG version:v1 link:https://drive.example.org/tor-v1 document:tor');
});
afterEach(() => web.close());

/** The vote links in the request e-mailed to a person. */
function voteLinks(email: string): { endorse: string; object: string; abstain: string; page: string } {
  const mail = outboxByRef(web.app.db, 'endorsement:1').find((m) => m.kind === 'endorsement-request' && m.medium === 'email' && m.address === email)!;
  const links = linksIn(mail.payload.text);
  const pick = (choice: string) => links.find((l) => l.endsWith(`?choice=${choice}`))!;
  return { endorse: pick('endorse'), object: pick('object'), abstain: pick('abstain'), page: links.find((l) => !l.includes('?') && l.includes('/l/home.'))! };
}

const kasVote = () => currentVoteOf(web.app.db, 1, organisationByAcronym(web.app.db, 1, 'KAS')!.id);

describe('a vote link from the endorsement request', () => {
  it('is in the e-mail of each focal point, with Reply-To the coordinator; observers get no vote link', () => {
    const links = voteLinks(FOCAL.KAS);
    expect(links.endorse).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/l\/vote\.1\.\d+\.1\./);
    expect(links.page).toBeDefined();
    const mail = outboxByRef(web.app.db, 'endorsement:1').find((m) => m.address === FOCAL.KAS && m.medium === 'email')!;
    expect(mail.payload.replyTo).toBe('coordinator@unhcr.example.org');
    const observer = outboxByRef(web.app.db, 'endorsement:1').find((m) => m.address === 'support@jips.example.org')!;
    expect(linksIn(observer.payload.text).some((l) => l.includes('/l/vote.'))).toBe(false);
  });

  it('GET shows who acts, for which organisation, what is about to happen and the current state, and changes nothing', async () => {
    const before = snapshot(web.app.db);
    const page = await web.request(voteLinks(FOCAL.KAS).object);
    expect(page.status).toBe(200);
    expect(page.html).toContain('You act as <strong>Valon Morina, focal point of KAS</strong>, for <strong>KAS (Kosovo Agency for Statistics)</strong>');
    expect(page.html).toContain('You are about to record KAS&#39;s vote: Object.');
    expect(page.html).toContain('Terms of Reference of the PWG (version v1)');
    expect(page.html).toContain('not cast yet');
    expect(page.html).toContain('0 of 10 organisations have voted');
    expect(page.html).toMatch(/value="object" checked/);
    expect(snapshot(web.app.db)).toBe(before);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('script-src');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('POST records the vote through the core as the person: audit entry, receipts, and a result page saying what was recorded', async () => {
    const link = voteLinks(FOCAL.KAS).endorse;
    const page = await web.request(link);
    const form = formOf(page);
    const result = await web.request(link, { form: { csrf: form.csrf, choice: 'endorse', comment: '' }, cookie: form.cookie });
    expect(result.status).toBe(200);
    expect(result.html).toContain('KAS&#39;s vote on E1 is recorded');
    expect(result.html).toContain('Recorded: KAS&#39;s vote on E1');
    expect(kasVote()).toMatchObject({ choice: 'endorse', proxy: false, castBy: { email: FOCAL.KAS } });
    const entry = auditOf(web.app.db, 1).at(-1)!;
    expect(entry).toMatchObject({ action: 'endorse vote', actor: `${FOCAL.KAS} (web link)`, outcome: 'accepted' });
    expect(outboxByRef(web.app.db, 'endorsement:1').filter((m) => m.kind === 'endorsement-receipt' && m.address === FOCAL.KAS)).toHaveLength(1);
  });

  it('an objection asks for its reason on the page; with one, it is recorded with it', async () => {
    const link = voteLinks(FOCAL.KAS).object;
    const form = formOf(await web.request(link));
    const before = snapshot(web.app.db);
    const bare = await web.request(link, { form: { csrf: form.csrf, choice: 'object', comment: '  ' }, cookie: form.cookie });
    expect(bare.status).toBe(422);
    expect(bare.html).toContain('An objection asks for its reason');
    expect(snapshot(web.app.db)).toBe(before);
    const reasoned = await web.request(link, { form: { csrf: form.csrf, choice: 'object', comment: 'Section IV should name "KAS" as co-lead key:value' }, cookie: form.cookie });
    expect(reasoned.status).toBe(200);
    expect(kasVote()).toMatchObject({ choice: 'object', comment: 'Section IV should name "KAS" as co-lead key:value' });
  });

  it('POST without the CSRF value of the page, or without its cookie, changes nothing', async () => {
    const link = voteLinks(FOCAL.KAS).endorse;
    const form = formOf(await web.request(link));
    const before = snapshot(web.app.db);
    expect((await web.request(link, { form: { choice: 'endorse', comment: '' }, cookie: form.cookie })).status).toBe(403);
    expect((await web.request(link, { form: { csrf: form.csrf, choice: 'endorse', comment: '' } })).status).toBe(403);
    expect((await web.request(link, { form: { csrf: form.csrf, choice: 'endorse', comment: '' }, cookie: 'convene_csrf=AAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(403);
    expect(snapshot(web.app.db)).toBe(before);
  });

  it('a tampered link gets a plain 403 page, on GET and POST, and changes nothing', async () => {
    const link = voteLinks(FOCAL.KAS).endorse;
    const form = formOf(await web.request(link));
    const before = snapshot(web.app.db);
    // Another organisation's focal point id in the token, the signature unchanged.
    const other = link.replace(/\/l\/vote\.1\.(\d+)\./, (_m, id: string) => `/l/vote.1.${Number(id) + 1}.`);
    const got = await web.request(other);
    expect(got.status).toBe(403);
    expect(got.html).toContain('This link is not valid');
    expect(got.html).not.toContain('Valon');
    expect((await web.request(other, { form: { csrf: form.csrf, choice: 'endorse', comment: '' }, cookie: form.cookie })).status).toBe(403);
    expect((await web.request(`${link.split('?')[0]!.slice(0, -3)}xyz`)).status).toBe(403);
    expect(snapshot(web.app.db)).toBe(before);
  });

  it('expires at the vote deadline: 410 and nothing changed', async () => {
    const link = voteLinks(FOCAL.KAS).endorse;
    const form = formOf(await web.request(link));
    web.app.clock.set(endorsementById(web.app.db, 1, 1)!.deadlineAt);
    const before = snapshot(web.app.db);
    const got = await web.request(link);
    expect(got.status).toBe(410);
    expect(got.html).toContain('This link has expired');
    expect((await web.request(link, { form: { csrf: form.csrf, choice: 'endorse', comment: '' }, cookie: form.cookie })).status).toBe(410);
    expect(snapshot(web.app.db)).toBe(before);
  });

  it('/members remove-focal revokes the person\'s links at once', async () => {
    const link = voteLinks(FOCAL.KAS).endorse;
    const form = formOf(await web.request(link));
    expect(ok(web.app, `/members remove-focal KAS ${FOCAL.KAS}`)).toContain('the links in the e-mails they were sent no longer work');
    const before = snapshot(web.app.db);
    const got = await web.request(link);
    expect(got.status).toBe(403);
    expect(got.html).toContain('This link was withdrawn');
    expect(got.html).toContain('removed as a focal point of KAS');
    expect((await web.request(link, { form: { csrf: form.csrf, choice: 'endorse', comment: '' }, cookie: form.cookie })).status).toBe(403);
    expect(snapshot(web.app.db)).toBe(before);
    expect(kasVote()).toBeUndefined();
  });

  it("says why a link was withdrawn in the exercise's language, as the rest of its page", async () => {
    ok(web.app, '/exercise language sr-Latn');
    const link = voteLinks(FOCAL.KAS).endorse;
    ok(web.app, `/members remove-focal KAS ${FOCAL.KAS}`);
    const got = await web.request(link);
    expect(got.status).toBe(403);
    expect(got.html).toContain('(uklonjen/a kao kontakt osoba organizacije KAS)');
    expect(got.html).not.toContain('removed as a focal point');
  });

  it('a person who is no longer a focal point (now an observer) cannot vote with an old link', async () => {
    const link = voteLinks(FOCAL.KAS).endorse;
    const form = formOf(await web.request(link));
    ok(web.app, `/members role ${FOCAL.KAS} observer`);
    const before = snapshot(web.app.db);
    const got = await web.request(link);
    expect(got.status).toBe(403);
    expect(got.html).toContain('no longer a focal point');
    expect((await web.request(link, { form: { csrf: form.csrf, choice: 'endorse', comment: '' }, cookie: form.cookie })).status).toBe(403);
    expect(snapshot(web.app.db)).toBe(before);
  });

  it('a later vote from the same organisation replaces the earlier one, as in chat', async () => {
    const link = voteLinks(FOCAL.KAS).endorse;
    const form = formOf(await web.request(link));
    await web.request(link, { form: { csrf: form.csrf, choice: 'endorse', comment: '' }, cookie: form.cookie });
    const again = await web.request(link, { form: { csrf: form.csrf, choice: 'abstain', comment: 'on reflection' }, cookie: form.cookie });
    expect(again.html).toContain('replacing its earlier endorse');
    expect(kasVote()).toMatchObject({ choice: 'abstain', comment: 'on reflection' });
  });
});

describe('a vote link for a person with their own time zone', () => {
  it('shows the deadline in their zone first, with the exercise\'s beside it', async () => {
    setPersonTimeZone(web.app.db, personByEmail(web.app.db, FOCAL.KAS)!.id, 'America/New_York');
    const page = await web.request(voteLinks(FOCAL.KAS).endorse);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Open until Sun 29 Nov 2026, 04:00 (America/New_York) = 10:00 (Europe/Belgrade).');
  });
});

describe('the token of a link', () => {
  it('is never written to the log, even at debug level and when acting on it fails', async () => {
    const lines: string[] = [];
    const logged = await startWeb({ now: OPENED_AT, logger: createLogger('debug', (line) => lines.push(line)) });
    try {
      ok(logged.app, '/endorse open PWG Terms of Reference of the PWG version:v1 link:https://drive.example.org/tor-v1 document:tor');
      const mail = outboxByRef(logged.app.db, 'endorsement:1').find((m) => m.kind === 'endorsement-request' && m.address === FOCAL.KAS)!;
      const link = linksIn(mail.payload.text).find((l) => l.endsWith('?choice=object'))!;
      const token = /\/l\/([^?]+)/.exec(link)![1]!;
      const page = await logged.request(link);
      const form = formOf(page);
      logged.app.core.handle = () => Promise.reject(new Error('database is locked'));
      const failed = await logged.request(link, { form: { csrf: form.csrf, choice: 'object', comment: 'Section IV' }, cookie: form.cookie });
      expect(failed.status).toBe(409);
      await logged.request(`/l/${token.slice(0, -1)}A`);
      expect(lines.join('\n')).toContain('web command failed');
      expect(lines.join('\n')).not.toContain(token.slice(-22));
    } finally {
      await logged.close();
    }
  });
});
