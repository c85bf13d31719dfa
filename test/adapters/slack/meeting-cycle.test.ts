import { afterEach, describe, expect, it } from 'vitest';
import { outboxByRef } from '../../../src/store/outbox';
import type { Args } from './fake-slack';
import { USERS, startSlackHarness, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => h?.close());

/** A slash command as that Slack user, in the PWG channel; returns the reply and what the core decided. */
async function run(userId: string, command: string, text: string): Promise<{ reply: Args; status: string }> {
  const reply = await h.reply((await h.slash(userId, command, text, { channel: 'CPWG' })).trigger);
  return { reply, status: h.seen.at(-1)!.outcome.status };
}

const coordinator = (text: string) => run(USERS.coordinator.id, '/meeting', text);

/** The whole reply as drawn: section blocks of up to 3,000 characters each (`text` is only the notification, cut there). */
const shown = (reply: Args): string =>
  (reply.blocks as Args[]).filter((b) => b.type === 'section').map((b) => b.text.text as string).join('\n');

/** What Slack was asked to post to a channel or a user (a user id opens the direct message). */
const postsTo = (channel: string): string[] =>
  h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel).map((c) => JSON.stringify(c.args));

/** The Slack delivery of one notice kind to KAS's focal point: its outbox row. */
function toKas(kind: string) {
  return outboxByRef(h.app.db, 'meeting:1').find((e) => e.kind === kind && e.address === `slack:person:${USERS.kas.id}`);
}

describe('a whole meeting cycle from Slack, end to end', () => {
  it('schedules, builds the agenda, sends, postpones and cancels; each notice reaches the channel and the linked focal point, and /meeting notices shows the Slack message as the delivery id', async () => {
    h = await startSlackHarness(); // 2026-11-22 10:00 in Belgrade
    expect((await run(USERS.coordinator.id, '/exercise', 'channel PWG')).status).toBe('accepted');
    // KAS's focal point uses Slack once: linked by the e-mail Slack reports.
    expect((await run(USERS.kas.id, '/meeting', 'list')).status).toBe('accepted');

    const scheduled = await coordinator('schedule PWG 2026-12-10 10:00 Agree the TOR milestone:tor where:"UNHCR office, Pristina"');
    expect(scheduled.status).toBe('accepted');
    expect(scheduled.reply.response_type).toBe('ephemeral');
    expect(scheduled.reply.text).toContain('Scheduled M1: PWG meeting "Agree the TOR" on Thu 10 Dec 2026, 10:00 (Europe/Belgrade)');
    expect(scheduled.reply.text).toContain('Notice deadline: Thu 3 Dec 2026, 10:00 (Europe/Belgrade)');

    expect((await coordinator('agenda M1 add Review of the draft TOR')).status).toBe('accepted');
    expect((await coordinator('agenda M1 add Roles of the PWG and the PMG')).status).toBe('accepted');
    const agenda = await coordinator('agenda M1 show');
    expect(agenda.reply.text).toContain('1. Review of the draft TOR');
    expect(agenda.reply.text).toContain('2. Roles of the PWG and the PMG');

    // Send: e-mail to everyone, a direct message to each linked Slack account (KAS's focal point and
    // the coordinator, linked by their first command), a post in the channel.
    const sent = await coordinator('send M1');
    expect(sent.status).toBe('accepted');
    expect(sent.reply.text).toContain('Sent the invitation and agenda of M1');
    expect(sent.reply.text).toContain('to 14 people (12 focal points, 1 coordinator, 1 observer), 16 messages (14 e-mail, 2 slack)');
    await h.sender.drain();
    expect(postsTo('CPWG').some((p) => p.includes('Invitation: PWG meeting M1'))).toBe(true);
    const dm = postsTo(USERS.kas.id);
    expect(dm).toHaveLength(1);
    expect(dm[0]).toContain('Invitation: PWG meeting M1, Thu 10 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(dm[0]).toContain('Review of the draft TOR');

    // The proof: the Slack message (direct-message channel/ts) is the delivery id of that channel.
    const invitation = toKas('meeting-invitation')!;
    expect(invitation).toMatchObject({ status: 'sent', providerId: expect.stringMatching(/^DKAS\/1795000000\.\d{6}$/) });
    const notices = await run(USERS.kas.id, '/meeting', 'notices M1');
    expect(notices.status).toBe('accepted');
    expect(shown(notices.reply)).toContain('10 of 10 organisations reached by the deadline.');
    expect(shown(notices.reply)).toContain(`v1 invitation, slack:UKAS: handed over 2026-11-22 10:00 Europe/Belgrade, on time, id ${invitation.providerId}`);
    expect(shown(notices.reply)).toMatch(/v1 invitation, e-mail focal@kas\.example\.org: handed over 2026-11-22 10:00 Europe\/Belgrade, on time, id email-\d+/);

    // Postpone: the change goes to the same places, first in the text.
    h.app.clock.set('2026-11-23T09:00:00Z');
    const moved = await coordinator('postpone M1 2026-12-17 10:00 the room is not free');
    expect(moved.status).toBe('accepted');
    expect(moved.reply.text).toContain('M1 is moved from Thu 10 Dec 2026, 10:00 (Europe/Belgrade) to Thu 17 Dec 2026, 10:00 (Europe/Belgrade) (the room is not free).');
    await h.sender.drain();
    expect(postsTo('CPWG').some((p) => p.includes('Moved: PWG meeting M1'))).toBe(true);
    expect(postsTo(USERS.kas.id).at(-1)).toContain('Moved: PWG meeting M1');
    const postponement = toKas('meeting-postponed')!;
    expect(postponement.providerId).toMatch(/^DKAS\/1795000000\.\d{6}$/);
    expect(postponement.providerId).not.toBe(invitation.providerId);
    const afterMove = shown((await run(USERS.coordinator.id, '/meeting', 'notices M1')).reply);
    expect(afterMove).toContain('Notice deadline: Thu 10 Dec 2026, 10:00 (Europe/Belgrade).');
    expect(afterMove).toContain(`v2 postponement, slack:UKAS: handed over 2026-11-23 10:00 Europe/Belgrade, on time, id ${postponement.providerId}`);

    // Cancel.
    const cancelled = await coordinator('cancel M1 the donor withdrew');
    expect(cancelled.status).toBe('accepted');
    expect(cancelled.reply.text).toContain('Members were told and the event cancelled in their calendars');
    await h.sender.drain();
    expect(postsTo('CPWG').some((p) => p.includes('Cancelled: PWG meeting M1'))).toBe(true);
    expect(postsTo(USERS.kas.id)).toHaveLength(3);
    expect(postsTo(USERS.kas.id).at(-1)).toContain('Cancelled: PWG meeting M1');
    const cancellation = toKas('meeting-cancelled')!;
    const record = shown((await run(USERS.kas.id, '/meeting', 'notices M1')).reply);
    expect(record).toContain('(cancelled)');
    expect(record).toContain(`v3 cancellation, slack:UKAS: handed over 2026-11-23 10:00 Europe/Belgrade, id ${cancellation.providerId}`);
    expect((await run(USERS.kas.id, '/meeting', 'list all')).reply.text).toContain('cancelled (the donor withdrew)');

    // A focal point cannot change the meeting from Slack either.
    const refused = await run(USERS.kas.id, '/meeting', 'postpone M1 2026-12-24 10:00');
    expect(refused.status).toBe('refused');
  });
});
