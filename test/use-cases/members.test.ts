import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../helpers/app';
import { auditOf } from '../../src/store/audit';
import { activeFocalPoints, organisationByAcronym, personByEmail, setEmailStatus } from '../../src/store/members';

let app: TestApp;
afterEach(() => app?.close());

describe('the Kosovo example', () => {
  it('holds the ten organisations of the TOR, five in the PMG, the coordinator hosted by UNHCR and JIPS as observer', () => {
    app = createTestApp();
    const pwg = app.run('/members list').reply;
    for (const a of ['MCR', 'UNHCR', 'DRC', 'UNDP', 'IOM', 'KAS', 'SCR', 'UNFPA', 'UNICEF', 'OSCE']) expect(pwg).toContain(`${a}`);
    expect(pwg).toContain('PWG of Kosovo 2014: 10 member organisations.');
    const pmg = app.run('/members list PMG').reply;
    expect(pmg).toContain('PMG of Kosovo 2014: 5 member organisations.');
    expect(pmg).not.toContain('KAS');
    expect(pwg).toContain('Coordinator: Profiling Coordinator <coordinator@unhcr.example.org>, UNHCR');
    expect(pwg).toContain('Observers: JIPS Technical Profiling Coordinator <support@jips.example.org>');
  });
});

describe('/members', () => {
  it('adds an organisation to the PWG, or to both groups with pmg, and records it in the audit log', () => {
    app = createTestApp();
    expect(app.run('/members add-org WFP World Food Programme').status).toBe('accepted');
    expect(app.run('/members add-org unops UN Office for Project Services pmg').reply).toBe(
      'Added UNOPS (UN Office for Project Services) to the PWG and the PMG. Name its focal point: /members add-focal UNOPS <email> <name>.',
    );
    expect(organisationByAcronym(app.db, 1, 'wfp')?.inPmg).toBe(false);
    expect(app.run('/members list PMG').reply).toContain('UNOPS');
    const last = auditOf(app.db, 1).at(-1)!;
    expect(last).toMatchObject({ action: 'members add-org', outcome: 'accepted', actor: 'coordinator@unhcr.example.org (local)' });
    expect(last.detail).toEqual({ organisation: 'UNOPS', name: 'UN Office for Project Services', pmg: true });
  });

  it('adds and removes focal points and warns when an organisation is left without one', () => {
    app = createTestApp();
    expect(app.run('/members add-focal KAS Second@KAS.example.org Drita Leka').reply).toBe('Drita Leka <second@kas.example.org> is now a focal point of KAS.');
    expect(activeFocalPoints(app.db, organisationByAcronym(app.db, 1, 'KAS')!.id)).toHaveLength(2);
    expect(app.run('/members remove-focal KAS second@kas.example.org').reply).not.toContain('no focal point');
    const last = app.run('/members remove-focal KAS focal@kas.example.org');
    expect(last.reply).toContain('KAS now has no focal point');
    expect(app.run('/members check').reply).toContain('KAS (PWG) has no focal point');
  });

  it('refuses a person speaking for two organisations', () => {
    app = createTestApp();
    const r = app.run('/members add-focal OSCE focal@kas.example.org Valon Morina');
    expect(r).toMatchObject({ status: 'refused', reply: expect.stringContaining('is a focal point of KAS') });
  });

  it('changes roles but never leaves the group without a coordinator', () => {
    app = createTestApp();
    expect(app.run('/members role coordinator@unhcr.example.org observer').reply).toContain('the only coordinator');
    expect(app.run('/members role support@jips.example.org coordinator').status).toBe('accepted');
    expect(app.run('/members role support@jips.example.org focal').reply).toContain('has no organisation');
    expect(app.run('/members role focal@drc.example.org observer').reply).toContain('is now an observer');
    expect(app.run('/members role focal@drc.example.org focal').reply).toContain('is now a focal point of DRC');
  });

  it('warns when a role change leaves an organisation without a focal point', () => {
    app = createTestApp();
    expect(app.run('/members role focal@osce.example.org coordinator').reply).toContain('OSCE now has no focal point');
    expect(app.run('/members role protection@unhcr.example.org observer').reply).not.toContain('no focal point');
  });

  it('reports organisations whose focal points all bounced', () => {
    app = createTestApp();
    setEmailStatus(app.db, personByEmail(app.db, 'focal@osce.example.org')!.id, 'bounced', '550 5.1.1 no such user');
    const r = app.run('/members check');
    expect(r.reply).toContain('OSCE (PWG) has no working e-mail: focal@osce.example.org bounced (550 5.1.1 no such user)');
    // UNHCR has two focal points: one bounced address is not a gap.
    setEmailStatus(app.db, personByEmail(app.db, 'focal@unhcr.example.org')!.id, 'bounced', '550');
    expect(app.run('/members check').reply).not.toContain('UNHCR');
    expect(app.run('/members list').reply).toContain('focal@unhcr.example.org> (e-mail bounced)');
  });

  it('says so when there is no gap', () => {
    app = createTestApp();
    expect(app.run('/members check').reply).toBe('Every member organisation of Kosovo 2014 has a focal point with a working e-mail.');
  });

  it('changes nothing when a command is refused', () => {
    app = createTestApp();
    const before = snapshot(app.db);
    app.run('/members add-org KAS Again');
    app.run('/members add-focal NOPE a@b.example.org Name');
    expect(snapshot(app.db)).toBe(before);
  });
});
