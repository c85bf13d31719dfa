import { z } from 'zod';
import { shownAddress } from '../../chat/address';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { deadlinePassed, isOnTime } from '../../domain/notice';
import { noticesOf, type NoticeMessage } from '../../store/meeting-notices';
import { findMeeting, meetingLabel } from './lookups';
import { reachOf, reachSummary, type OrganisationReach, type PersonReach } from './reach';

export const showNotices = defineCommand({
  path: 'meeting notices',
  params: [{ name: 'id', lookup: 'meeting' }],
  schema: z.object({ id: idArg('M', 'meeting') }),
  summary: 'Show who was reached, when and how, and who was not: per organisation and person, each channel, on time or late.',
  details: 'Organisations that the notice did not reach by the deadline come first. "On time" means handed over to the provider (the mail server, Slack, Discord) by the notice deadline minute.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const found = findMeeting(ctx, args.id);
    if (!found.ok) return refused('not-found', found.message);
    const m = found.value;
    const id = meetingLabel(m);
    const say = sayNotices(ctx);
    const notices = noticesOf(ctx.db, m.id);
    const meeting = { id, group: m.group, title: m.title, when: ctx.whenLong(m.startsAt) };
    const head = [
      say(m.status === 'cancelled' ? 'headCancelled' : 'head', meeting),
      say(m.urgentReason ? 'deadlineShortNotice' : 'deadline', { deadline: ctx.whenLong(m.noticeDeadline), reason: m.urgentReason }),
    ];
    if (notices.length === 0) {
      const missed = deadlinePassed(m.noticeDeadline, ctx.now);
      head.push(say(missed ? 'nothingSentMissed' : 'nothingSent', { id }));
      return accepted(head.join('\n'));
    }
    const sent = notices.map((n) => say(n.late ? 'sentItemLate' : 'sentItem', { version: n.version, kind: kindName(ctx, n.kind), at: ctx.when(n.sentAt) }));
    head.push(say('sent', { list: sent.join('; ') }));
    const reach = reachOf(ctx, m);
    const past = deadlinePassed(m.noticeDeadline, ctx.now);
    const summary = reachSummary(reach, ctx.language);
    // A line of its own: it starts a sentence ("Do roka obavešteno 9 od 10 organizacija.").
    head.push(`${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`);
    const catchUp = m.status === 'noticed' && m.startsAt.getTime() > ctx.now.getTime();
    const missing = reach.organisations.filter((o) => !o.onTime);
    const reached = reach.organisations.filter((o) => o.onTime);
    const lines = [...head];
    if (missing.length) {
      lines.push('', say(past ? 'notReachedByDeadline' : 'notReachedYet', { count: missing.length }));
      for (const o of missing) lines.push(...organisationLines(ctx, o, catchUp));
    }
    if (reached.length) {
      lines.push('', say('reachedOnTime', { count: reached.length }));
      for (const o of reached) lines.push(...organisationLines(ctx, o, catchUp));
    }
    if (reach.others.length) {
      lines.push('', say('others'));
      for (const p of reach.others) lines.push(...personLines(ctx, p, '  ', catchUp));
    }
    return accepted(lines.join('\n'));
  },
});

/** The report's sentences (catalogue section `reply-meeting-admin.notices`), in the reader's language. */
const sayNotices = (ctx: CommandContext) => ctx.sayFrom('reply-meeting-admin.notices');

/** "invitation", "amended agenda": the kind of a notice, as /meeting show names it. */
const kindName = (ctx: CommandContext, kind: NoticeMessage['kind']) => ctx.say(`reply-meetings.kinds.${kind}`);

function organisationLines(ctx: CommandContext, o: OrganisationReach, catchUp: boolean): string[] {
  const say = sayNotices(ctx);
  const org = o.organisation.acronym;
  let state: string;
  if (o.onTime) state = say('orgReached', { org, at: ctx.when(o.firstReachedAt!) });
  else if (o.firstReachedAt) state = say('orgReachedLate', { org, at: ctx.when(o.firstReachedAt) });
  else if (!o.hasFocalPoint && o.people.every((p) => p.messages.length === 0)) state = say('orgNoFocal', { org });
  else state = say('orgNotReached', { org });
  const lines = [state];
  if (!o.hasFocalPoint && o.people.length > 0) lines.push(say('noActiveFocal'));
  for (const p of o.people) lines.push(...personLines(ctx, p, '  ', catchUp));
  return lines;
}

function personLines(ctx: CommandContext, p: PersonReach, indent: string, catchUp: boolean): string[] {
  const say = sayNotices(ctx);
  const role = p.role === 'focal' ? '' : say('role', { role: say(`roles.${p.role}`) });
  const who = `${indent}${p.person.name} <${p.person.email}>${role}${p.person.emailStatus === 'bounced' ? say('bounced') : ''}`;
  if (p.messages.length === 0) return [who, `${indent}  ${say(catchUp ? 'joinedAfterCatchUp' : 'joinedAfter')}`];
  return [who, ...p.messages.map((msg) => `${indent}  ${messageLine(ctx, msg)}`)];
}

/** One delivery, as proof: which notice, which channel, handed over when, on time or late, and the provider's id; or why not. */
function messageLine(ctx: CommandContext, msg: NoticeMessage): string {
  const say = sayNotices(ctx);
  const channel = msg.medium === 'email' ? say('channelEmail', { address: msg.address }) : shownAddress(msg.medium, msg.address);
  const what = say(msg.catchUp ? 'whatOnJoining' : 'what', { version: msg.version, kind: kindName(ctx, msg.kind), channel });
  if (msg.status === 'sent' && msg.handedOverAt) {
    const timing = msg.kind === 'cancellation' ? 'handedOver' : isOnTime(msg.handedOverAt, msg.noticeDeadline) ? 'handedOverOnTime' : 'handedOverLate';
    return say(timing, { what, at: ctx.when(msg.handedOverAt), id: msg.providerId ?? say('noId') });
  }
  if (msg.status === 'failed') return say('failed', { what, error: msg.lastError ?? say('noDetail') });
  if (msg.lastError) return say('retrying', { what, error: msg.lastError });
  return say('pending', { what, at: ctx.when(msg.createdAt) });
}
