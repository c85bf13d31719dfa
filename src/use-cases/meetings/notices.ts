import { z } from 'zod';
import { shownAddress } from '../../chat/address';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { deadlinePassed, isOnTime } from '../../domain/notice';
import { formatInZone, formatLong } from '../../domain/time';
import { noticesOf, type MeetingNotice, type NoticeMessage } from '../../store/meeting-notices';
import { describeMeeting, findMeeting, meetingLabel } from './lookups';
import { reachOf, reachSummary, type OrganisationReach, type PersonReach } from './reach';

export const NOTICE_KIND_NAMES: Record<MeetingNotice['kind'], string> = {
  invitation: 'invitation',
  amendment: 'amended agenda',
  postponement: 'postponement',
  cancellation: 'cancellation',
};

export const showNotices = defineCommand({
  path: 'meeting notices',
  params: [{ name: 'id', lookup: 'meeting' }],
  schema: z.object({ id: idArg('M', 'meeting') }),
  summary: 'Show who was reached, when and how, and who was not: per organisation and person, each channel, on time or late.',
  details: 'Organisations that the notice did not reach by the deadline come first. "On time" means handed over to the provider (the mail server, Slack, Discord) by the notice deadline minute.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const zone = ctx.requireExercise().timeZone;
    const found = findMeeting(ctx, args.id);
    if (!found.ok) return refused('not-found', found.message);
    const m = found.value;
    const id = meetingLabel(m);
    const notices = noticesOf(ctx.db, m.id);
    const head = [
      `Notices of ${describeMeeting(m, zone)}${m.status === 'cancelled' ? ' (cancelled)' : ''}.`,
      `Notice deadline: ${formatLong(m.noticeDeadline, zone)}.${m.urgentReason ? ` Short notice: ${m.urgentReason}.` : ''}`,
    ];
    if (notices.length === 0) {
      const missed = deadlinePassed(m.noticeDeadline, ctx.now);
      head.push(`Nothing was sent yet${missed ? ': the notice deadline has passed' : ''}. The coordinator sends it with /meeting send ${id}.`);
      return accepted(head.join('\n'));
    }
    head.push(`Sent: ${notices.map((n) => `v${n.version} ${NOTICE_KIND_NAMES[n.kind]} ${formatInZone(n.sentAt, zone)}${n.late ? ' (late)' : ''}`).join('; ')}.`);
    const reach = reachOf(ctx, m);
    const past = deadlinePassed(m.noticeDeadline, ctx.now);
    head.push(`${reachSummary(reach)}.`);
    const catchUp = m.status === 'noticed' && m.startsAt.getTime() > ctx.now.getTime();
    const missing = reach.organisations.filter((o) => !o.onTime);
    const reached = reach.organisations.filter((o) => o.onTime);
    const lines = [...head];
    if (missing.length) {
      lines.push('', `${past ? 'Not reached by the deadline' : 'Not reached yet'} (${missing.length}):`);
      for (const o of missing) lines.push(...organisationLines(o, zone, catchUp));
    }
    if (reached.length) {
      lines.push('', `Reached on time (${reached.length}):`);
      for (const o of reached) lines.push(...organisationLines(o, zone, catchUp));
    }
    if (reach.others.length) {
      lines.push('', 'Coordinators, observers and former members:');
      for (const p of reach.others) lines.push(...personLines(p, zone, '  ', catchUp));
    }
    return accepted(lines.join('\n'));
  },
});

function organisationLines(o: OrganisationReach, zone: string, catchUp: boolean): string[] {
  const acronym = o.organisation.acronym;
  let state: string;
  if (o.onTime) state = `reached ${formatInZone(o.firstReachedAt!, zone)}`;
  else if (o.firstReachedAt) state = `reached late, ${formatInZone(o.firstReachedAt, zone)}`;
  else if (!o.hasFocalPoint && o.people.every((p) => p.messages.length === 0)) state = 'no focal point: nobody to send it to';
  else state = 'not reached';
  const lines = [`${acronym}: ${state}`];
  if (!o.hasFocalPoint && o.people.length > 0) lines.push('  (no active focal point now)');
  for (const p of o.people) lines.push(...personLines(p, zone, '  ', catchUp));
  return lines;
}

function personLines(p: PersonReach, zone: string, indent: string, catchUp: boolean): string[] {
  const who = `${indent}${p.person.name} <${p.person.email}>${p.role === 'focal' ? '' : ` (${p.role})`}${p.person.emailStatus === 'bounced' ? ' [e-mail bounced]' : ''}`;
  if (p.messages.length === 0)
    return [who, `${indent}  nothing sent to them: they joined after it went out${catchUp ? '; the next tick sends them the current notice' : ''}`];
  return [who, ...p.messages.map((msg) => `${indent}  ${messageLine(msg, zone)}`)];
}

/** One delivery, as proof: which notice, which channel, handed over when, on time or late, and the provider's id; or why not. */
export function messageLine(msg: NoticeMessage, zone: string): string {
  const channel = msg.medium === 'email' ? `e-mail ${msg.address}` : shownAddress(msg.medium, msg.address);
  const what = `v${msg.version} ${NOTICE_KIND_NAMES[msg.kind]}${msg.catchUp ? ' (sent on joining)' : ''}, ${channel}`;
  if (msg.status === 'sent' && msg.handedOverAt) {
    const timing = msg.kind === 'cancellation' ? '' : isOnTime(msg.handedOverAt, msg.noticeDeadline) ? ', on time' : ', late';
    return `${what}: handed over ${formatInZone(msg.handedOverAt, zone)}${timing}, id ${msg.providerId ?? 'none'}`;
  }
  if (msg.status === 'failed') return `${what}: not delivered, permanent error: ${msg.lastError ?? 'no detail'}`;
  if (msg.lastError) return `${what}: pending, retrying after: ${msg.lastError}`;
  return `${what}: pending since ${formatInZone(msg.createdAt, zone)}`;
}
