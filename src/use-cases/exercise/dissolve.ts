import { z } from 'zod';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { readOnlySentence } from '../../core/read-only';
import type { CommandContext } from '../../core/context';
import { actionsOf } from '../../store/action-items';
import { channelsOf } from '../../store/channels';
import { endorsementsOf, markClosed, type Endorsement } from '../../store/endorsements';
import { markDissolved } from '../../store/exercises';
import { cancelExerciseJobs, cancelJobs } from '../../store/jobs';
import { meetingsOf, type Meeting } from '../../store/meetings';
import { activeMembers, type Group, type Member } from '../../store/members';
import { withholdUndelivered } from '../../store/outbox';
import { votingClosed } from '../../domain/endorsement-deadline';
import type { Language } from '../../domain/vocabulary';
import { messageLanguage, translate } from '../../i18n/catalogue';
import { formatForReader } from '../../i18n/dates';
import { outcomeIn } from '../endorsements/result-words';
import { documentName, refOf, shortId, standingOf } from '../endorsements/request';
import { cancelWithNotice } from '../meetings/cancel';
import { meetingLabel } from '../meetings/lookups';
import { actionLabel } from '../minutes/lookups';

const REASON = 'the exercise was dissolved';
const WITHHELD = 'withheld: the exercise was dissolved before this message was delivered';

/**
 * What dissolving would touch now: the open requests (those whose deadline passed before the
 * scheduler closed them close with their result, as at their deadline), the meetings still to
 * come, the open action items.
 */
function dissolution(ctx: CommandContext) {
  const exercise = ctx.requireExercise();
  const live: Meeting['status'][] = ['scheduled', 'noticed', 'notice-missed'];
  const open = endorsementsOf(ctx.db, exercise.id, 'open').reverse();
  const past = (e: Endorsement) => votingClosed(new Date(e.deadlineAt), ctx.now);
  return {
    endorsements: open.filter((e) => !past(e)),
    decided: open.filter(past),
    meetings: meetingsOf(ctx.db, exercise.id).filter((m) => live.includes(m.status) && m.startsAt.getTime() > ctx.now.getTime()),
    actions: actionsOf(ctx.db, exercise.id, 'open'),
    members: activeMembers(ctx.db, exercise.id),
  };
}

const ids = (list: { id: number }[], label: (x: { id: number }) => string) => (list.length ? ` (${list.map(label).join(', ')})` : '');

/** A focal point of a PWG-only organisation does not read the PMG's meetings and requests. */
function readsGroup(member: Member, group: Group): boolean {
  return group === 'PWG' || member.role !== 'focal' || member.organisation?.inPmg === true;
}

export const dissolveExercise = defineCommand({
  path: 'exercise dissolve',
  usage: '/exercise dissolve [confirm]',
  params: [],
  flags: ['confirm'],
  schema: z.object({ confirm: z.boolean() }),
  readsOnly: (args) => !args.confirm,
  summary: 'End the exercise: the PWG and the PMG dissolve, and its record becomes read-only. Asks for confirmation first.',
  details: [
    '/exercise dissolve says what would happen; /exercise dissolve confirm does it, at once and for good:',
    '- open endorsement requests close as withdrawn (their votes stay on record and decide nothing);',
    '- meetings still to come are cancelled; members who had their invitation get the calendar cancellation;',
    '- every reminder and deadline stops, and messages queued but not yet delivered are withheld;',
    '- every member gets the dissolution notice, and the groups\' channels see it;',
    '- every command that changes something is refused from then on. /exercise status and /exercise export still work.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    if (exercise.status === 'dissolved')
      return refused('rule', readOnlySentence(exercise));
    const zone = exercise.timeZone;
    const d = dissolution(ctx);
    const say = ctx.sayFrom('reply-exercise-dissolve');
    const summary = [
      ...d.decided.map((e) => say('decidedCloses', { id: shortId(e) })),
      ...(d.endorsements.length
        ? [say('withdrawnCloses', { count: d.endorsements.length, ids: ids(d.endorsements, shortId) })]
        : d.decided.length ? [] : [say('noRequestOpen')]),
      d.meetings.length ? say('meetingsCancelled', { count: d.meetings.length, ids: ids(d.meetings, meetingLabel) }) : say('noMeetingToCome'),
      say('remindersStop'),
      say('noticeGoes', { count: d.members.length }),
    ];
    if (!args.confirm) {
      const actions = d.actions.length ? ` ${say('actionsStay', { count: d.actions.length })}` : '';
      return accepted(`${say('preview', { exercise: exercise.name, summary: summary.join('; ') })}${actions}\n${say('confirmHow')}`, { confirmed: false });
    }

    // First withhold what was queued before, so that only what the dissolution itself sends goes out.
    const withheld = withholdUndelivered(ctx.db, exercise.id, ctx.nowIso, WITHHELD);
    const withdrawn: Endorsement[] = [];
    for (const e of d.endorsements) {
      if (markClosed(ctx.db, e.id, { outcome: 'withdrawn', at: ctx.nowIso, how: 'coordinator' })) withdrawn.push(e);
      cancelJobs(ctx.db, refOf(e));
    }
    // Their voting had ended: the result stands, recorded here rather than sent on its own.
    const decided = d.decided.map((e) => {
      const outcome = standingOf(ctx.db, e).tally.outcome;
      markClosed(ctx.db, e.id, { outcome, at: ctx.nowIso, how: 'deadline' });
      cancelJobs(ctx.db, refOf(e));
      return { e, outcome };
    });
    const cancelled = d.meetings.map((m) => cancelWithNotice(ctx, m, REASON, { onlyReached: true, reasonIn: (language) => translate(language, 'exercise-dissolved.cancelReason') }));
    const stopped = cancelExerciseJobs(ctx.db, exercise.id);

    // Each reader's copy in their language, times in the exercise's zone with their own beside it.
    const viewFor = (reads: (g: Group) => boolean, language: Language, person: Member | null) => {
      const meetings = cancelled.filter((c) => reads(c.m.group));
      const endorsements = withdrawn.filter((e) => reads(e.group));
      const when = (at: Date) => formatForReader(at, zone, person?.timeZone, language);
      return {
        date: when(ctx.now),
        meetings: meetings.length
          ? { told: meetings.some((c) => c.version !== null), list: meetings.map((c) => ({ id: meetingLabel(c.m), group: c.m.group, title: c.m.title, when: when(c.m.startsAt) })) }
          : false,
        endorsements: endorsements.length ? { list: endorsements.map((e) => ({ id: shortId(e), group: e.group, document: documentName(e, language) })) } : false,
        decided: decided.some((x) => reads(x.e.group))
          ? { list: decided.filter((x) => reads(x.e.group)).map((x) => ({ id: shortId(x.e), group: x.e.group, document: documentName(x.e, language), outcome: outcomeIn(x.outcome, language) })) }
          : false,
        openActions: d.actions.length ? d.actions.map(actionLabel).join(', ') : false,
      };
    };
    const ref = `exercise:${exercise.id}`;
    for (const member of d.members) {
      ctx.deliver({
        kind: 'exercise-dissolved',
        ref,
        to: member,
        organisationId: member.role === 'focal' ? (member.organisation?.id ?? null) : null,
        view: viewFor((g) => readsGroup(member, g), messageLanguage('exercise-dissolved', member, exercise), member),
      });
    }
    const pwgChannels = new Set(channelsOf(ctx.db, exercise.id, 'PWG').map((c) => `${c.medium}:${c.channelId}`));
    const channel = messageLanguage('exercise-dissolved', null, exercise);
    const toGroup = (group: Group) => ({ toGroup: true, group, groupName: translate(channel, `groups.${group}`) });
    ctx.announce({ kind: 'exercise-dissolved', ref, group: 'PWG', view: { ...viewFor((g) => g === 'PWG', channel, null), ...toGroup('PWG') } });
    if (channelsOf(ctx.db, exercise.id, 'PMG').some((c) => !pwgChannels.has(`${c.medium}:${c.channelId}`)))
      ctx.announce({ kind: 'exercise-dissolved', ref, group: 'PMG', view: { ...viewFor(() => true, channel, null), ...toGroup('PMG') } });
    markDissolved(ctx.db, exercise.id, ctx.nowIso);

    const done = [
      ...(withdrawn.length ? [say('withdrawn', { count: withdrawn.length, ids: ids(withdrawn, shortId) })] : decided.length ? [] : [say('noRequestWasOpen')]),
      ...decided.map((x) => say('closedAtDeadline', { id: shortId(x.e), outcome: outcomeIn(x.outcome, ctx.language) })),
      cancelled.length
        ? say(cancelled.some((c) => c.version !== null) ? 'cancelledTold' : 'cancelled', { count: cancelled.length, ids: ids(cancelled.map((c) => c.m), meetingLabel) })
        : say('noMeetingWasToCome'),
      stopped ? say('stopped', { count: stopped }) : say('noReminderPending'),
      ...(withheld ? [say('withheld', { count: withheld })] : []),
      say('noticeQueued', { count: d.members.length }),
    ];
    return accepted(
      say('dissolved', { exercise: exercise.name, date: ctx.when(ctx.now), done: done.join('; ') }),
      {
        confirmed: true,
        withdrawn: withdrawn.map(shortId),
        closedAtDeadline: decided.map((x) => ({ endorsement: shortId(x.e), outcome: x.outcome })),
        cancelled: cancelled.map((c) => meetingLabel(c.m)),
        remindersStopped: stopped,
        withheld,
        notified: d.members.length,
        openActions: d.actions.map(actionLabel),
      },
    );
  },
});
