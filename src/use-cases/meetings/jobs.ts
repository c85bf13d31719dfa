import type { CommandContext } from '../../core/context';
import { deadlinePassed, describeTimeLeft, earliestCompliantDateNow, wallTimeOf } from '../../domain/notice';
import { addDays, compareDates, formatDate, formatLong, formatTime, localPartsAt } from '../../domain/time';
import type { Job } from '../../store/jobs';
import { currentNotice, peopleSentNotice } from '../../store/meeting-notices';
import { agendaOf, meetingById, meetingEnd, meetingIdOfRef, meetingRef, noticedUpcoming, setMeetingStatus, type Meeting } from '../../store/meetings';
import { coordinators } from '../../store/members';
import { laterOneDueToo, skipped, type JobHandler, type JobHandlers, type Sweep } from '../../scheduler/jobs';
import { audienceOf, dispatchNotice } from './dispatch';
import { meetingLabel } from './lookups';
import { CATCH_UP_SWEEP, MEETING_JOBS } from './plan';
import { planMinutesReminder } from '../minutes/plan';
import { versionsOf } from '../../store/minutes';
import { meetingView, meetingViews } from './view';
import type { Language } from '../../domain/vocabulary';
import { messageLanguage, translate } from '../../i18n/catalogue';
import { describeTimeLeftIn, formatDayIn, formatLongIn } from '../../i18n/dates';

const skip = skipped;

function meetingOf(ctx: CommandContext, job: Job): Meeting | undefined {
  const id = meetingIdOfRef(job.ref);
  const m = id === null ? undefined : meetingById(ctx.db, id);
  return m && m.exerciseId === ctx.requireExercise().id ? m : undefined;
}

/**
 * The coordinators are reminded while the notice is unsent: 3 days and 1 day before its deadline.
 * After downtime, as the endorsement reminders do: nothing once the deadline has passed
 * (notice-missed says it), a reminder that came due together with a later one gives way to it,
 * and the text counts the time really left from now and says when it comes late.
 */
const remindToSend: JobHandler = (ctx, job, late) => {
  const m = meetingOf(ctx, job);
  if (!m) return skip('the meeting no longer exists');
  if (m.status !== 'scheduled' || currentNotice(ctx.db, m.id)) return skip(`nothing to remind: ${meetingLabel(m)} is ${m.status}`);
  if (deadlinePassed(m.noticeDeadline, ctx.now)) return skip(`no reminder: the notice deadline of ${meetingLabel(m)} has passed (notice-missed tells the coordinators)`);
  if (laterOneDueToo(ctx, job)) return skip(`a later reminder for ${meetingLabel(m)} is due too; that one is sent instead`);
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
  const left = describeTimeLeft(ctx.now, m.noticeDeadline, zone);
  const people = coordinators(ctx.db, exercise.id);
  for (const c of people) {
    const language = messageLanguage('meeting-notice-reminder', c, exercise);
    ctx.deliver({
      kind: 'meeting-notice-reminder',
      ref: meetingRef(m.id),
      to: c,
      view: {
        ...meetingView(exercise, m, agenda, c, language),
        timeLeft: describeTimeLeftIn(ctx.now, m.noticeDeadline, zone, language),
        itemCount: agenda.length,
        ...lateView(job, late, zone, language),
      },
    });
  }
  return { note: `reminded ${people.length} coordinator${people.length === 1 ? '' : 's'}: notice deadline in ${left}` };
};

/** What a template says of a job run late: when it was due (`late.due`), or `late: false`. */
function lateView(job: Job, late: boolean, zone: string, language: Language): { late: { due: string } | false } {
  return { late: late ? { due: formatLongIn(new Date(job.dueAt), zone, language) } : false };
}

/** The reminder's day, time left and lateness in the reader's language ("sutra", "за 1 дан"). */
function reminderWhen(m: Meeting, now: Date, zone: string, job: Job, late: boolean, language: Language): Record<string, unknown> {
  const day = dayOf(m.startsAt, now, zone);
  const key = day === 'today' || day === 'tomorrow' ? day : 'on';
  return {
    day: translate(language, `reminderDays.${key}`, { date: formatDayIn(m.startsAt, zone, language) }),
    Day: translate(language, `reminderDays.${day === 'today' ? 'Today' : day === 'tomorrow' ? 'Tomorrow' : 'Reminder'}`),
    timeLeft: describeTimeLeftIn(now, m.startsAt, zone, language),
    late: late ? { due: formatLongIn(new Date(job.dueAt), zone, language) } : false,
  };
}

/** "tomorrow", "today" or "on Tue 1 Dec 2026": the meeting's day as seen from now, in the exercise's zone. */
function dayOf(start: Date, now: Date, zone: string): string {
  const day = localPartsAt(start, zone);
  const today = localPartsAt(now, zone);
  if (compareDates(day, today) === 0) return 'today';
  if (compareDates(day, addDays(today, 1)) === 0) return 'tomorrow';
  return `on ${formatLong(start, zone).replace(/, .*$/, '')}`;
}

/** At the first late minute: the notice did not go out. The coordinators are offered both ways forward. */
const markNoticeMissed: JobHandler = (ctx, job, late) => {
  const m = meetingOf(ctx, job);
  if (!m) return skip('the meeting no longer exists');
  if (m.status !== 'scheduled' || currentNotice(ctx.db, m.id)) return skip(`${meetingLabel(m)} is ${m.status}`);
  if (m.urgentReason) return skip(`${meetingLabel(m)} is held at short notice`);
  if (!deadlinePassed(m.noticeDeadline, ctx.now)) return skip('the deadline moved');
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  setMeetingStatus(ctx.db, m.id, 'notice-missed', ctx.nowIso);
  const time = wallTimeOf(m.startsAt, zone);
  const earliest = formatDate(earliestCompliantDateNow(ctx.now, time, zone, exercise.noticeDays));
  const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
  const people = coordinators(ctx.db, exercise.id);
  for (const c of people) {
    const language = messageLanguage('meeting-notice-missed', c, exercise);
    ctx.deliver({
      kind: 'meeting-notice-missed',
      ref: meetingRef(m.id),
      to: c,
      view: { ...meetingView(exercise, m, agenda, c, language), earliestDate: earliest, time: formatTime(time), itemCount: agenda.length, ...lateView(job, late, zone, language) },
    });
  }
  return { note: `${meetingLabel(m)} marked notice-missed; ${people.length} coordinator${people.length === 1 ? '' : 's'} told (earliest compliant date ${earliest})` };
};

/**
 * The day before the meeting, everyone it was noticed to is reminded. Run late (after downtime) it
 * says the day as it now is ("today") and the time left, and that it comes late; once the meeting
 * has started there is nothing to remind.
 */
const remindMembers: JobHandler = (ctx, job, late) => {
  const m = meetingOf(ctx, job);
  if (!m) return skip('the meeting no longer exists');
  const notice = currentNotice(ctx.db, m.id);
  if (m.status !== 'noticed' || !notice) return skip(`no reminder: ${meetingLabel(m)} is ${m.status}`);
  if (m.startsAt.getTime() <= ctx.now.getTime()) return skip(`no reminder: ${meetingLabel(m)} has started`);
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const day = dayOf(m.startsAt, ctx.now, zone);
  const when = { day, Day: day === 'today' ? 'Today' : day === 'tomorrow' ? 'Tomorrow' : 'Reminder', timeLeft: describeTimeLeft(ctx.now, m.startsAt, zone), ...lateView(job, late, zone, 'en') };
  const audience = audienceOf(ctx, m);
  // What every reader of a language shares is written once, not per person.
  const viewFor = meetingViews(exercise, m, notice.agenda);
  const whenIn = new Map<Language, Record<string, unknown>>([['en', when]]);
  for (const r of audience.people) {
    const language = messageLanguage('meeting-reminder', r.person, exercise);
    let whenView = whenIn.get(language);
    if (whenView === undefined) whenIn.set(language, (whenView = reminderWhen(m, ctx.now, zone, job, late, language)));
    ctx.deliver({
      kind: 'meeting-reminder',
      ref: meetingRef(m.id),
      to: r.person,
      organisationId: r.organisationId,
      links: { meeting: { id: m.id, endsAt: meetingEnd(m) } },
      view: { ...viewFor(r.person, language), ...whenView },
    });
  }
  return { note: `reminded ${audience.people.length} people of ${meetingLabel(m)} on ${formatLong(m.startsAt, zone)}${day === 'tomorrow' ? '' : ` (${day}, in ${when.timeLeft})`}` };
};

/** At its end, a meeting whose notice went out is recorded as held (the minutes build on this). */
const recordHeld: JobHandler = (ctx, job) => {
  const m = meetingOf(ctx, job);
  if (!m) return skip('the meeting no longer exists');
  if (m.status !== 'noticed') return skip(`${meetingLabel(m)} is ${m.status}, not recorded as held`);
  setMeetingStatus(ctx.db, m.id, 'held', ctx.nowIso);
  // Held, it owes minutes (unless published during it): their first reminder is planned now.
  if (versionsOf(ctx.db, m.id).length === 0) planMinutesReminder(ctx, m);
  return { note: `${meetingLabel(m)} recorded as held` };
};

/**
 * A member added after a meeting's notice went out (a new focal point, a new organisation's first
 * one, an observer) gets the current notice on the next tick, marked in the record as sent on
 * joining. Runs when a membership change calls for it (`catchUpNewMember`), not on every tick.
 */
export const catchUpNewMembers: Sweep = (ctx) => {
  const done: ReturnType<Sweep> = [];
  for (const m of noticedUpcoming(ctx.db, ctx.requireExercise().id, ctx.now)) {
    const notice = currentNotice(ctx.db, m.id);
    if (!notice) continue;
    const sent = peopleSentNotice(ctx.db, notice.id);
    const missing = audienceOf(ctx, m).people.filter((r) => !sent.has(r.person.id));
    if (missing.length === 0) continue;
    const late = deadlinePassed(m.noticeDeadline, ctx.now);
    dispatchNotice(ctx, m, notice, missing, { catchUp: true, as: 'invitation' });
    const who = missing.map((r) => r.person.email).join(', ');
    done.push({ ref: meetingRef(m.id), late, note: `sent ${meetingLabel(m)}'s notice to ${who}, added after it went out${late ? ' (after the deadline)' : ''}` });
  }
  return done;
};

export function registerMeetingJobs(handlers: JobHandlers): JobHandlers {
  return handlers
    .register(MEETING_JOBS.noticeReminder, remindToSend)
    .register(MEETING_JOBS.noticeMissed, markNoticeMissed)
    .register(MEETING_JOBS.memberReminder, remindMembers)
    .register(MEETING_JOBS.held, recordHeld)
    .sweep(CATCH_UP_SWEEP, catchUpNewMembers);
}
