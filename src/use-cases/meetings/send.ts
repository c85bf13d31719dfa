import { formatForReader } from '../../i18n/dates';
import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { deadlinePassed, wallTimeOf } from '../../domain/notice';
import { currentNotice, insertNotice } from '../../store/meeting-notices';
import { agendaOf, markNoticeSent, meetingById } from '../../store/meetings';
import { audienceOf, describeDispatch, describeUnreachable, dispatchNotice } from './dispatch';
import { findMeetingToChange, meetingLabel } from './lookups';
import { planMeetingJobs } from './plan';
import { deadlinePassedMessage, urgentArg } from './schedule';

export const sendMeetingNotice = defineCommand({
  path: 'meeting send',
  params: [{ name: 'id', lookup: 'meeting' }],
  options: { urgent: '"<reason>"' },
  schema: z.object({ id: idArg('M', 'meeting'), urgent: urgentArg.optional() }),
  summary: 'Send the invitation and agenda to every member of the group, by e-mail (with a calendar invitation) and chat; again after an agenda change, as an amended agenda.',
  details: [
    'Every focal point of every organisation of the group, the coordinators and the observers receive it; /meeting notices <id> shows who was reached, when and how.',
    'After the notice deadline the first invitation is refused: either postpone to the earliest compliant date (/meeting postpone <id> <date> <time>),',
    'or hold the meeting at short notice: /meeting send <id> urgent:"<reason>". The reason is shown in the invitation and kept in the record.',
    'An agenda changed after sending goes out with /meeting send <id> as an amended version; after the deadline it is marked late, and the original notice stays on record.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const zone = exercise.timeZone;
    const found = findMeetingToChange(ctx, args.id);
    if (!found.ok) return found.refusal;
    let m = found.value;
    const id = meetingLabel(m);
    const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
    const say = ctx.sayFrom('reply-meeting-admin', { id });
    if (agenda.length === 0) return refused('rule', say('noAgenda'));
    const previous = currentNotice(ctx.db, m.id);
    const passed = deadlinePassed(m.noticeDeadline, ctx.now);
    if (previous && m.sentAgendaVersion === m.agendaVersion)
      return refused('rule', say('alreadySent', { when: ctx.whenLong(previous.sentAt) }));
    let urgentReason = m.urgentReason;
    let note = '';
    if (!previous) {
      if (passed && !urgentReason && !args.urgent) {
        return refused('rule', deadlinePassedMessage(ctx, m.group, m.startsAt, wallTimeOf(m.startsAt, zone), say('postponeOrUrgent')));
      }
      if (passed && !urgentReason) urgentReason = args.urgent!;
      else if (args.urgent) note = say(passed ? 'urgentAlreadyRecorded' : 'urgentOnTime');
    } else if (args.urgent) note = say('urgentFirstOnly');

    // An amended agenda changes the event (its description): calendars take it only with a raised SEQUENCE.
    markNoticeSent(ctx.db, m.id, { agendaVersion: m.agendaVersion, urgentReason, at: ctx.nowIso, ...(previous ? { sequence: m.sequence + 1 } : {}) });
    m = meetingById(ctx.db, m.id)!;
    const kind = previous ? 'amendment' : 'invitation';
    const notice = insertNotice(ctx.db, {
      meetingId: m.id, kind, sequence: m.sequence, startsAt: m.startsAt, noticeDeadline: m.noticeDeadline, agenda,
      reason: kind === 'invitation' ? urgentReason : null, sentAt: ctx.nowIso, sentByPersonId: ctx.actor.person?.id ?? null, late: passed,
    });
    const audience = audienceOf(ctx, m);
    const report = dispatchNotice(ctx, m, notice, audience.people, {
      view: (language, person) => ({ previousSentAt: previous ? formatForReader(previous.sentAt, zone, person?.timeZone, language) : false }),
    });
    planMeetingJobs(ctx, m, true);

    const deadline = ctx.whenLong(m.noticeDeadline);
    const timing = !passed
      ? say('timingOnTime', { deadline })
      : kind === 'invitation'
        ? say('timingShortNotice', { reason: urgentReason, deadline })
        : say('timingLate', { deadline, previous: ctx.whenLong(previous!.sentAt) });
    const sentence = kind === 'invitation' ? 'sentInvitation' : 'sentAmendment';
    const reply =
      say(sentence, { version: notice.version, group: m.group, when: ctx.whenLong(m.startsAt), dispatch: describeDispatch(audience.people, report, ctx.say), timing }) +
      `${describeUnreachable(m, audience.unreachable, ctx.say)}${note}${say('delivery')}`;
    return accepted(reply, {
      meeting: id,
      notice: notice.version,
      kind,
      late: passed,
      urgentReason: kind === 'invitation' ? urgentReason : null,
      people: report.people,
      messages: report.messages,
      unreachable: audience.unreachable.map((o) => o.acronym),
    });
  },
});
