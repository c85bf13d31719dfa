import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../helpers/app';
import { FOCAL, ok, OPENED_AT } from '../helpers/endorsements';
import { checkLink, csrfFor, csrfMatches, LINK_PURPOSES, signLink, type LinkClaim } from '../../src/web/links';
import { openLink } from '../../src/web/open-link';
import { issueLink, personalLinks } from '../../src/web/personal-links';
import { showLink } from '../../src/web/pages/show';
import { linkSecret, revokeLinks } from '../../src/store/links';
import { personByEmail } from '../../src/store/members';

const secret = randomBytes(32);
const now = new Date('2026-11-22T09:00:00Z');
const claim: LinkClaim = { purpose: 'vote', exerciseId: 1, personId: 7, target: 3, issuedAt: now, expiresAt: new Date('2026-11-29T09:00:00Z') };

describe('signing a link', () => {
  it('reads back what it names', () => {
    const token = signLink(secret, claim);
    expect(token).toMatch(/^vote\.1\.7\.3\.[0-9a-z]+\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(checkLink(secret, token, now)).toEqual({ ok: true, claim });
  });

  it('detects a change to any part, and another installation\'s secret', () => {
    const token = signLink(secret, claim);
    const parts = token.split('.');
    const changed = [
      ['done', ...parts.slice(1)],
      [parts[0], '2', ...parts.slice(2)],
      [...parts.slice(0, 2), '8', ...parts.slice(3)],
      [...parts.slice(0, 3), '4', ...parts.slice(4)],
      [...parts.slice(0, 4), (parseInt(parts[4]!, 36) + 86400).toString(36), ...parts.slice(5)],
      [...parts.slice(0, 5), (parseInt(parts[5]!, 36) + 1).toString(36), parts[6]],
      [...parts.slice(0, 6), `${parts[6]!.slice(0, -1)}${parts[6]!.endsWith('A') ? 'B' : 'A'}`],
    ].map((p) => p.join('.'));
    for (const t of changed) expect(checkLink(secret, t, now)).toEqual({ ok: false, reason: 'tampered' });
    expect(checkLink(randomBytes(32), token, now)).toEqual({ ok: false, reason: 'tampered' });
    for (const junk of ['', 'vote', `${token}.x`, token.slice(0, -1), token.replace('vote', 'VOTE')]) expect(checkLink(secret, junk, now).ok).toBe(false);
  });

  it('works until the second before its expiry, not at it', () => {
    const token = signLink(secret, claim);
    expect(checkLink(secret, token, new Date(claim.expiresAt.getTime() - 1000)).ok).toBe(true);
    expect(checkLink(secret, token, claim.expiresAt)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('every purpose signs and checks', () => {
    for (const purpose of LINK_PURPOSES) expect(checkLink(secret, signLink(secret, { ...claim, purpose }), now)).toMatchObject({ ok: true, claim: { purpose } });
  });

  it('a CSRF value is bound to the link and to the browser', () => {
    const token = signLink(secret, claim);
    const value = csrfFor(secret, token, 'nonce-a');
    expect(csrfMatches(secret, token, 'nonce-a', value)).toBe(true);
    expect(csrfMatches(secret, token, 'nonce-b', value)).toBe(false);
    expect(csrfMatches(secret, signLink(secret, { ...claim, target: 4 }), 'nonce-a', value)).toBe(false);
    expect(csrfMatches(secret, token, 'nonce-a', '')).toBe(false);
  });
});

describe('links against the record', () => {
  let app: TestApp;
  const settings = { baseUrl: 'https://convene.example.org', localOnly: false };
  beforeEach(() => {
    app = createTestApp({ now: OPENED_AT });
  });
  afterEach(() => app.close());
  const kas = () => personByEmail(app.db, FOCAL.KAS)!;
  const tokenOf = (url: string) => url.split('/l/')[1]!.split('?')[0]!;

  it('the installation secret is generated once and kept', () => {
    const first = linkSecret(app.db, OPENED_AT);
    expect(first).toHaveLength(32);
    expect(linkSecret(app.db, '2027-01-01T00:00:00Z').equals(first)).toBe(true);
    expect(() => app.db.prepare(`UPDATE web_secret SET secret = 'x'`).run()).toThrow(/kept/);
  });

  it('revocation refuses the links issued before it, not those issued after', () => {
    const old = tokenOf(issueLink(app.db, settings, { purpose: 'home', exerciseId: 1, personId: kas().id, target: 0, now: app.clock.now() }));
    app.clock.advance(60_000);
    revokeLinks(app.db, { exerciseId: 1, personId: kas().id, at: app.clock.now().toISOString(), reason: 'test' });
    app.clock.advance(1);
    const fresh = tokenOf(issueLink(app.db, settings, { purpose: 'home', exerciseId: 1, personId: kas().id, target: 0, now: app.clock.now() }));
    expect(openLink(app.db, old, app.clock.now())).toMatchObject({ ok: false, refusal: { status: 403, title: 'This link was withdrawn' } });
    expect(openLink(app.db, fresh, app.clock.now()).ok).toBe(true);
  });

  it('vote links end at the deadline; none are written once it has passed', () => {
    const deadlineAt = '2026-11-29T09:00:00.000Z';
    const links = personalLinks(app.db, settings, 1, kas().id, { vote: { id: 1, deadlineAt } }, app.clock.now());
    expect(links.endorse).toMatch(/^https:\/\/convene\.example\.org\/l\/vote\.1\./);
    const opened = openLink(app.db, tokenOf(links.endorse!), app.clock.now());
    expect(opened.ok && opened.holder.claim.expiresAt.toISOString()).toBe(deadlineAt);
    expect(personalLinks(app.db, settings, 1, kas().id, { vote: { id: 1, deadlineAt } }, new Date(deadlineAt)).endorse).toBeUndefined();
  });

  it('showing any page never changes the record', () => {
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    const coordinator = personByEmail(app.db, 'coordinator@unhcr.example.org')!;
    const reading = { renderer: app.renderer, settings: app.settings };
    const before = snapshot(app.db);
    for (const [purpose, personId, target] of [['vote', kas().id, 1], ['done', kas().id, 1], ['meeting', kas().id, 1], ['minutes', kas().id, 1], ['home', kas().id, 0], ['overview', coordinator.id, 0]] as const) {
      const token = tokenOf(issueLink(app.db, settings, { purpose, exerciseId: 1, personId, target, now: app.clock.now() }));
      const opened = openLink(app.db, token, app.clock.now());
      expect(opened.ok).toBe(true);
      if (opened.ok) showLink(app.db, opened.holder, app.clock.now(), { choice: 'endorse' }, reading);
    }
    // Signing needed the secret, which the first link created; nothing else may change.
    const after = JSON.parse(snapshot(app.db)) as [string, unknown[]][];
    const was = JSON.parse(before) as [string, unknown[]][];
    expect(after.filter(([t]) => t !== 'web_secret')).toEqual(was.filter(([t]) => t !== 'web_secret'));
  });
});
