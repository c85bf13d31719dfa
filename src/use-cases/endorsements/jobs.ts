import type { CommandContext } from '../../core/context';
import { laterOneDueToo, skipped, type JobHandler, type JobHandlers } from '../../scheduler/jobs';
import { appendAudit } from '../../store/audit';
import { endorsementById, type Endorsement } from '../../store/endorsements';
import type { Job } from '../../store/jobs';
import { activeFocalPoints } from '../../store/members';
import { OUTCOME_TEXT } from '../../domain/tally';
import { votingClosed } from '../../domain/endorsement-deadline';
import { voteButtons } from './buttons';
import { messageLanguage } from '../../i18n/catalogue';
import { closeRequest } from './close-request';
import { refOf, requestView, shortId, standingOf } from './request';

export const REMINDER_JOB = 'endorsement-reminder';
export const CLOSE_JOB = 'endorsement-close';

const HOUR_MS = 3600_000;

function requestOf(ctx: CommandContext, job: Job): Endorsement | undefined {
  const id = /^endorsement:(\d+)$/.exec(job.ref)?.[1];
  return id === undefined ? undefined : endorsementById(ctx.db, ctx.requireExercise().id, Number(id));
}

/**
 * 48 h and 24 h before the deadline: the focal points of the organisations that have not voted,
 * and only them, are reminded with the buttons. Nothing once the request closed or its deadline
 * passed; a reminder caught up after downtime gives way to a later one that is also due.
 */
export const remindNonVoters: JobHandler = (ctx, job) => {
  const e = requestOf(ctx, job);
  if (!e || e.status === 'closed') return { note: `${e ? shortId(e) : job.ref} is closed; nobody to remind`, skipped: true };
  if (votingClosed(new Date(e.deadlineAt), ctx.now)) return { note: `the deadline of ${shortId(e)} has passed; no reminder`, skipped: true };
  if (laterOneDueToo(ctx, job)) return skipped(`a later reminder for ${shortId(e)} is due too; that one is sent instead`);

  const zone = ctx.requireExercise().timeZone;
  const standing = standingOf(ctx.db, e);
  const hoursLeft = Math.max(1, Math.floor((new Date(e.deadlineAt).getTime() - ctx.now.getTime()) / HOUR_MS));
  const reminded: string[] = [];
  const unreachable: string[] = [];
  let people = 0;
  for (const org of standing.waiting) {
    const focalPoints = activeFocalPoints(ctx.db, org.id);
    if (focalPoints.length === 0) unreachable.push(org.acronym);
    else reminded.push(org.acronym);
    for (const fp of focalPoints) {
      people++;
      ctx.deliver({
        kind: 'endorsement-reminder',
        ref: refOf(e),
        to: fp,
        organisationId: org.id,
        view: { ...requestView(e, standing.electorate.length, zone, fp, messageLanguage(REMINDER_JOB, fp, ctx.requireExercise())), organisation: org.acronym, hoursLeft, voted: standing.tally.voted },
        actions: voteButtons(e),
        links: { vote: e },
      });
    }
  }
  if (reminded.length === 0 && unreachable.length === 0) return { note: `every organisation has voted on ${shortId(e)}; nobody to remind`, skipped: true };
  const gaps = unreachable.length ? `; ${unreachable.join(', ')} not reached: no focal point` : '';
  return { note: `reminded ${reminded.join(', ') || 'nobody'} on ${shortId(e)} (${people} ${people === 1 ? 'person' : 'people'}, ${hoursLeft} h left)${gaps}` };
};

/** At the deadline: the request closes with the tally as it stands, and the result is published once. */
export const closeAtDeadline: JobHandler = (ctx, job, late) => {
  const e = requestOf(ctx, job);
  if (!e || e.status === 'closed') return { note: `${e ? shortId(e) : job.ref} was already closed`, skipped: true };
  const closed = closeRequest(ctx, e, { how: 'deadline' });
  if (!closed) return { note: `${shortId(e)} was already closed`, skipped: true };
  // The scheduler's own entry holds only a note; this one holds the tally, as a command's does.
  appendAudit(ctx.db, {
    exerciseId: e.exerciseId, at: ctx.nowIso, actor: 'scheduler', action: 'endorsement closed', outcome: 'accepted',
    detail: { ...closed.detail, late },
  });
  return { note: `${shortId(e)} closed at its deadline: ${OUTCOME_TEXT[closed.outcome]}` };
};

export function registerEndorsementJobs(handlers: JobHandlers): JobHandlers {
  return handlers.register(REMINDER_JOB, remindNonVoters).register(CLOSE_JOB, closeAtDeadline);
}
