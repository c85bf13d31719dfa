import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { DEFAULT_DEADLINE, emailedTo, FOCAL, messages, OBSERVER, ok, SECOND_UNHCR, SECOND_UNICEF } from '../../helpers/endorsements';
import { endorsementById } from '../../../src/store/endorsements';
import { jobsFor } from '../../../src/store/jobs';
import { linkIdentity, personByEmail } from '../../../src/store/members';
import { bindChannel } from '../../../src/store/channels';
import { decodeIntent, intentCommand } from '../../../src/chat/intent';
import { buildRegistry } from '../../../src/use-cases/index';

let app: TestApp;
afterEach(() => app?.close());

const COORD = 'coordinator@unhcr.example.org';
const everyPwgMember = [...Object.values(FOCAL), SECOND_UNHCR, SECOND_UNICEF, COORD, OBSERVER].sort();

describe('/endorse open', () => {
  it('opens with the defaults: consensus, quorum more than half, seven days at the minute of opening', () => {
    app = createTestApp();
    const reply = ok(app, '/endorse open PWG Terms of Reference of the PWG version:v1 link:https://drive.example.org/tor-v1');
    expect(reply).toContain(`Opened E1: the PWG's endorsement of "Terms of Reference of the PWG" (version v1), by consensus, quorum 6 of 10 organisations, until 2026-11-29 10:00 Europe/Belgrade.`);
    expect(reply).toContain('The request went to 14 members, 14 messages (14 e-mail).');
    expect(endorsementById(app.db, 1, 1)).toMatchObject({
      group: 'PWG', title: 'Terms of Reference of the PWG', version: 'v1', link: 'https://drive.example.org/tor-v1', rule: 'consensus', quorum: 6,
      deadlineAt: DEFAULT_DEADLINE, status: 'open', outcome: null, urgentReason: null,
    });
    expect(jobsFor(app.db, 'endorsement:1').map((j) => [j.kind, j.dueAt])).toEqual([
      ['endorsement-reminder', '2026-11-27T09:00:00.000Z'],
      ['endorsement-reminder', '2026-11-28T09:00:00.000Z'],
      ['endorsement-close', DEFAULT_DEADLINE],
    ]);
  });

  it('counts the messages it queued by medium, and the group channels, instead of claiming chat for everyone', () => {
    app = createTestApp();
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    expect(ok(app, '/endorse open PWG Terms of Reference')).toContain('The request went to 13 members, 13 messages (13 e-mail).');
    linkIdentity(app.db, { medium: 'slack', userId: 'UKAS', personId: personByEmail(app.db, FOCAL.KAS)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    linkIdentity(app.db, { medium: 'discord', userId: '42', personId: personByEmail(app.db, FOCAL.MCR)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    linkIdentity(app.db, { medium: 'slack', userId: 'UJIPS', personId: personByEmail(app.db, OBSERVER)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    bindChannel(app.db, { exerciseId: 1, group: 'PWG', medium: 'slack', channelId: 'CPWG', at: '2026-11-01T00:00:00Z' });
    const reply = ok(app, '/endorse open PWG Methodology');
    expect(reply).toContain('The request went to 13 members, 16 messages (13 e-mail, 1 discord, 2 slack), and 1 group channel.');
    expect(reply).not.toContain('by e-mail and chat');
    const queued = messages(app, 'endorsement-request', 'endorsement:2').filter((m) => m.address !== 'slack:channel:CPWG');
    expect(queued).toHaveLength(16);
  });

  it('announces to every member of the group by e-mail: focal points with how to vote, the others for information', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    expect(emailedTo(app, 'endorsement-request')).toEqual(everyPwgMember);
    const toKas = messages(app, 'endorsement-request').find((m) => m.address === FOCAL.KAS)!;
    expect(toKas.payload.subject).toBe('[PWG] Endorsement sought: Terms of Reference (version v1), vote by 2026-11-29 10:00 Europe/Belgrade');
    expect(toKas.payload.text).toContain('You vote for KAS.');
    expect(toKas.payload.text).toContain('/endorse vote E1 object <why>');
    const toJips = messages(app, 'endorsement-request').find((m) => m.address === OBSERVER)!;
    expect(toJips.payload.text).toContain('You receive this for information');
    expect(toJips.payload.text).not.toContain('You vote for');
  });

  it('shows each person the deadline in their own time zone too', () => {
    app = createTestApp();
    app.db.prepare(`UPDATE people SET time_zone = 'Europe/London' WHERE email = ?`).run(FOCAL.DRC);
    ok(app, '/endorse open PWG Terms of Reference');
    const toDrc = messages(app, 'endorsement-request').find((m) => m.address === FOCAL.DRC)!;
    expect(toDrc.payload.text).toContain('Deadline:  2026-11-29 10:00 Europe/Belgrade (2026-11-29 09:00 Europe/London for you)');
  });

  it("offers Endorse / Object / Abstain buttons in chat, whose values name the request and the choice but never an organisation", () => {
    app = createTestApp();
    linkIdentity(app.db, { medium: 'slack', userId: 'UKAS', personId: personByEmail(app.db, FOCAL.KAS)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    linkIdentity(app.db, { medium: 'slack', userId: 'UJIPS', personId: personByEmail(app.db, OBSERVER)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    bindChannel(app.db, { exerciseId: 1, group: 'PWG', medium: 'slack', channelId: 'CPWG', at: '2026-11-01T00:00:00Z' });
    ok(app, '/endorse open PWG Terms of Reference');
    const chat = messages(app, 'endorsement-request').filter((m) => m.medium === 'slack');
    expect(chat.map((m) => m.address).sort()).toEqual(['slack:channel:CPWG', 'slack:person:UJIPS', 'slack:person:UKAS']);
    const kas = chat.find((m) => m.address === 'slack:person:UKAS')!;
    expect(kas.payload.actions!.map((a) => [a.label, intentCommand(buildRegistry(), decodeIntent(a.value)!)])).toEqual([
      ['Endorse', '/endorse vote E1 endorse'],
      ['Object', '/endorse vote E1 object'],
      ['Abstain', '/endorse vote E1 abstain'],
    ]);
    for (const a of kas.payload.actions!) {
      expect(a.value).not.toMatch(/KAS|UNHCR|MCR/);
      expect(decodeIntent(a.value)).toMatchObject({ command: 'endorse vote', args: { id: 'E1', choice: a.label.toLowerCase() } });
    }
    expect(chat.find((m) => m.address === 'slack:channel:CPWG')!.payload.actions).toHaveLength(3);
    expect(chat.find((m) => m.address === 'slack:person:UJIPS')!.payload.actions).toBeUndefined();
    expect(decodeIntent('/endorse vote E1 endorse; /members add-org X')).toBeNull();
  });

  it('puts a PMG request to the five PMG organisations only', () => {
    app = createTestApp();
    expect(ok(app, '/endorse open PMG Workplan')).toContain('quorum 3 of 5 organisations');
    const to = emailedTo(app, 'endorsement-request');
    expect(to).toContain(SECOND_UNHCR);
    expect(to).not.toContain(FOCAL.KAS);
    expect(to).toHaveLength(8); // 6 focal points, the coordinator, the observer
  });

  it('takes a quorum and a rule, within the size of the group', () => {
    app = createTestApp();
    expect(app.run('/endorse open PMG Workplan quorum:6')).toMatchObject({ status: 'refused', reply: 'The quorum must be between 1 and 5, the number of the PMG\'s organisations.' });
    expect(app.run('/endorse open PMG Workplan quorum:0').status).toBe('refused');
    expect(ok(app, '/endorse open PMG Workplan quorum:5 rule:majority')).toContain('by majority, quorum 5 of 5');
  });

  it('refuses a deadline under 72 hours unless urgent, naming the earliest date, and keeps the reason', () => {
    app = createTestApp();
    const before = snapshot(app.db);
    expect(app.run('/endorse open PWG Terms of Reference deadline:2026-11-24').reply).toBe(
      'A deadline of 2026-11-24 10:00 Europe/Belgrade is 48 hours away; members get at least 72 hours to vote. The earliest deadline is 2026-11-25 (at 10:00). Add urgent:"<reason>" for a shorter one.',
    );
    expect(app.run('/endorse open PWG Terms of Reference deadline:2026-11-22 urgent:"now"').reply).toContain('leaves no time to vote');
    expect(app.run('/endorse open PWG Terms of Reference deadline:2026-11-30 urgent:"donor meeting"').reply).toContain('urgent:"..." is for a deadline under 72 hours');
    expect(app.run('/endorse open PWG Terms of Reference deadline:2026-02-30').reply).toBe('2026-02-30 is not a date: February 2026 has 28 days.');
    expect(app.run('/endorse open PWG Terms of Reference deadline:2029-01-01').reply).toContain('more than 366 days away');
    expect(snapshot(app.db)).toBe(before);

    expect(ok(app, '/endorse open PWG Terms of Reference deadline:2026-11-25')).toContain('until 2026-11-25 10:00 Europe/Belgrade');
    ok(app, '/endorse open PWG Methodology deadline:2026-11-24 urgent:"The donor meets on Wednesday"');
    expect(endorsementById(app.db, 1, 2)).toMatchObject({ urgentReason: 'The donor meets on Wednesday', deadlineAt: '2026-11-24T09:00:00.000Z' });
    expect(messages(app, 'endorsement-request', 'endorsement:2')[0]!.payload.text).toContain('Urgent:    The donor meets on Wednesday');
    // 24 hours out only: the 48-hour reminder would fall before the opening.
    expect(jobsFor(app.db, 'endorsement:2').map((j) => j.kind)).toEqual(['endorsement-reminder', 'endorsement-close']);
  });

  it('closes the open request for the same document as superseded when a new version is opened', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse vote E1 object Section IV is unclear', FOCAL.KAS);
    app.clock.advance(3600_000);
    const reply = ok(app, '/endorse open PWG  terms of  reference version:v2');
    expect(reply).toContain('It replaces E1, now closed as superseded.');
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'superseded', closedHow: 'new-version', supersededBy: 2 });
    expect(jobsFor(app.db, 'endorsement:1').every((j) => j.status === 'cancelled')).toBe(true);
    const result = messages(app, 'endorsement-result').find((m) => m.address === FOCAL.KAS)!;
    expect(result.payload.subject).toBe('[PWG] Endorsement result: Terms of Reference (version v1): superseded');
    expect(result.payload.text).toContain('request E1 for "Terms of Reference" (version v1) closed on 2026-11-22 11:00 Europe/Belgrade as superseded by E2 (version v2).');
    expect(result.payload.text).toContain('KAS: object (Valon Morina, 2026-11-22 10:00 Europe/Belgrade): "Section IV is unclear"');
    expect(app.run('/endorse vote E1 endorse', FOCAL.KAS).reply).toBe(
      'E1 was closed on 2026-11-22 11:00 Europe/Belgrade as superseded by E2 (version v2); votes are no longer taken.',
    );
    expect(ok(app, '/endorse status E1').split('\n')[0]).toBe('E1 · PWG · "Terms of Reference" (version v1) · closed on 2026-11-22 11:00 Europe/Belgrade as superseded by E2 (version v2)');
    expect(app.run('/endorse close E1').reply).toBe('E1 is already closed on 2026-11-22 11:00 Europe/Belgrade as superseded by E2 (version v2).');
  });

  it('refuses the same version twice, and leaves another group alone', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    expect(app.run('/endorse open PWG Terms of Reference version:V1').reply).toContain('E1 already seeks the PWG\'s endorsement of "Terms of Reference" (version v1)');
    ok(app, '/endorse open PMG Terms of Reference version:v2');
    expect(endorsementById(app.db, 1, 1)!.status).toBe('open');
  });

  it('ties a request to a key meeting, which names the document', () => {
    app = createTestApp();
    expect(app.run('/endorse open PWG Terms of Reference meeting:M9').reply).toBe('There is no meeting M9 in Kosovo 2014. /meeting list shows the meetings.');
    ok(app, '/meeting schedule PWG 2026-12-10 10:00 Agree the TOR milestone:tor');
    ok(app, '/endorse open PWG Terms of Reference meeting:M1');
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ meetingId: 1, document: 'tor' });
    expect(ok(app, '/endorse status E1')).toContain('Prepared for the PWG meeting M1 "Agree the TOR" on Thu 10 Dec 2026, 10:00 (Europe/Belgrade).');
    ok(app, '/endorse open PWG Data collection tools document:tools');
    expect(endorsementById(app.db, 1, 2)!.document).toBe('tools');
  });

  it('refuses a link that is not a web address', () => {
    app = createTestApp();
    expect(app.run('/endorse open PWG TOR link:javascript:alert(1)').reply).toContain('The link must be a web address');
    expect(app.run('/endorse open PWG TOR link:"https://x.example.org/a b"').status).toBe('refused');
  });

  it('names the organisations the request cannot reach: they can vote only by proxy', () => {
    app = createTestApp();
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    app.db.prepare(`UPDATE people SET email_status = 'bounced' WHERE email = ?`).run(FOCAL.OSCE);
    expect(ok(app, '/endorse open PWG Terms of Reference')).toContain('SCR, OSCE have no focal point with a working e-mail: they can vote only through /endorse proxy');
  });
});
