import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { linkIdentity, personByEmail } from '../../src/store/members';
import { buildRegistry } from '../../src/use-cases/index';

/**
 * Who may do what, written from SPEC §1 (not read from the definitions): C coordinator only,
 * M every member, F focal points, A anyone (even an unlinked chat user).
 */
const EXPECTED: Record<string, { access: 'C' | 'M' | 'F' | 'A'; sample: string }> = {
  help: { access: 'A', sample: '/help' },
  'meeting schedule': { access: 'C', sample: '/meeting schedule PWG 2027-01-20 10:00 Agree the TOR' },
  'meeting agenda': { access: 'C', sample: '/meeting agenda M1 add Any other business' },
  'meeting send': { access: 'C', sample: '/meeting send M1' },
  'meeting postpone': { access: 'C', sample: '/meeting postpone M1 2027-01-27 10:00 room not free' },
  'meeting cancel': { access: 'C', sample: '/meeting cancel M1 no quorum expected' },
  'meeting list': { access: 'M', sample: '/meeting list' },
  'meeting show': { access: 'M', sample: '/meeting show M1' },
  'meeting notices': { access: 'M', sample: '/meeting notices M1' },
  'endorse open': { access: 'C', sample: '/endorse open PWG Terms of Reference version:v1' },
  'endorse vote': { access: 'F', sample: '/endorse vote E1 endorse' },
  'endorse proxy': { access: 'C', sample: '/endorse proxy E1 KAS endorse by phone' },
  'endorse status': { access: 'M', sample: '/endorse status E1' },
  'endorse close': { access: 'C', sample: '/endorse close E1' },
  'endorse list': { access: 'M', sample: '/endorse list' },
  'minutes note': { access: 'C', sample: '/minutes note M1 Opening remarks' },
  'minutes decision': { access: 'C', sample: '/minutes decision M1 The TOR is agreed' },
  'minutes action': { access: 'C', sample: '/minutes action M1 KAS 2027-02-01 Share the sampling frame' },
  'minutes attendance': { access: 'C', sample: '/minutes attendance M1 MCR UNHCR' },
  'minutes edit': { access: 'C', sample: '/minutes edit M1 note 1 Opening remarks' },
  'minutes remove': { access: 'C', sample: '/minutes remove M1 note 1' },
  'minutes show': { access: 'M', sample: '/minutes show M1' },
  'minutes publish': { access: 'C', sample: '/minutes publish M1' },
  'minutes correct': { access: 'C', sample: '/minutes correct M1 Item 2 was moved' },
  'minutes actions': { access: 'M', sample: '/minutes actions' },
  'minutes done': { access: 'M', sample: '/minutes done A1' },
  'members list': { access: 'M', sample: '/members list' },
  'members add-org': { access: 'C', sample: '/members add-org WFP World Food Programme' },
  'members add-focal': { access: 'C', sample: '/members add-focal KAS second@kas.example.org Second Person' },
  'members remove-focal': { access: 'C', sample: '/members remove-focal UNICEF data@unicef.example.org' },
  'members add-observer': { access: 'C', sample: '/members add-observer visitor@example.org A Visitor' },
  'members role': { access: 'C', sample: '/members role guest@example.org coordinator' },
  'members check': { access: 'M', sample: '/members check' },
  'members language': { access: 'M', sample: '/members language me sq' },
  'members timezone': { access: 'M', sample: '/members timezone me America/New_York' },
  'members link': { access: 'A', sample: '/members link focal@kas.example.org' },
  'members verify': { access: 'A', sample: '/members verify 123456' },
  'exercise status': { access: 'M', sample: '/exercise status' },
  'exercise list': { access: 'A', sample: '/exercise list' },
  'exercise dissolve': { access: 'C', sample: '/exercise dissolve' },
  'exercise export': { access: 'C', sample: '/exercise export' },
  'exercise channel': { access: 'C', sample: '/exercise channel PWG' },
  'exercise language': { access: 'C', sample: '/exercise language sq' },
};

type Who = 'coordinator' | 'focal' | 'observer' | 'stranger' | 'unlinked';
const ALLOWED: Record<'C' | 'M' | 'F' | 'A', Who[]> = {
  C: ['coordinator'],
  M: ['coordinator', 'focal', 'observer'],
  F: ['focal'],
  A: ['coordinator', 'focal', 'observer', 'stranger', 'unlinked'],
};

let app: TestApp;
beforeAll(() => {
  app = createTestApp();
  // Chat identities for each kind of person, so the matrix runs through identity resolution.
  const link = (email: string, userId: string) =>
    linkIdentity(app.db, { medium: 'slack', userId, personId: personByEmail(app.db, email)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
  link('coordinator@unhcr.example.org', 'UCOORD');
  link('focal@kas.example.org', 'UFOCAL');
  link('support@jips.example.org', 'UOBS');
  app.run('/members add-observer guest@example.org A Guest');
  app.run('/members add-observer stranger@elsewhere.example.org Stranger');
  app.run('/members role stranger@elsewhere.example.org observer');
  // A person known to the bot but not a member of this exercise any more.
  app.db.prepare(`UPDATE memberships SET active = 0 WHERE person_id = (SELECT id FROM people WHERE email = 'stranger@elsewhere.example.org')`).run();
  link('stranger@elsewhere.example.org', 'USTRANGER');
});

afterAll(() => app.close());

const users: Record<Who, string> = { coordinator: 'UCOORD', focal: 'UFOCAL', observer: 'UOBS', stranger: 'USTRANGER', unlinked: 'UNOBODY' };

describe('role matrix: every command × every kind of person', () => {
  it('covers every command in the registry', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(buildRegistry().all().map((d) => d.path).sort());
  });

  for (const [path, { access, sample }] of Object.entries(EXPECTED)) {
    for (const who of Object.keys(users) as Who[]) {
      const allowed = ALLOWED[access].includes(who);
      it(`${who} ${allowed ? 'may' : 'may not'} use /${path}`, async () => {
        const outcome = await app.runChat(sample, 'slack', users[who]);
        if (allowed) expect(outcome.status === 'accepted' || (outcome.status === 'refused' && outcome.code !== 'forbidden')).toBe(true);
        else expect(outcome).toMatchObject({ status: 'refused', code: 'forbidden' });
      });
    }
  }

  it('tells an unlinked chat user how to link', async () => {
    const r = await app.runChat('/members list', 'slack', 'UNOBODY');
    expect(r.reply).toContain('/members link');
  });
});
