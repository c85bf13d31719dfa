import type { CommandContext } from '../../core/context';
import type { Db } from '../../store/db';
import { endorsementById, markClosed, type ClosedHow, type Endorsement } from '../../store/endorsements';
import { cancelJobs } from '../../store/jobs';
import { recipientsOf } from '../../store/members';
import { OUTCOME_TEXT, type Outcome } from '../../domain/tally';
import { formatInZone } from '../../domain/time';
import { LATE_AFTER_MS } from '../../scheduler/tick';
import { refreshChannelPosts } from './channel-tally';
import { refOf, requestView, shortId, standingOf, tallyLine, timeFor, type Standing } from './request';

export interface Closing {
  how: ClosedHow;
  /** Only for a request withdrawn by the coordinator or replaced by a new version; otherwise the tally decides. */
  outcome?: 'withdrawn' | 'superseded';
  supersededBy?: Endorsement;
}

/** How a request closed, and what the audit log keeps of it (the tally and every organisation's vote). */
export interface Closed {
  outcome: Outcome;
  detail: Record<string, unknown>;
}

/**
 * Closes an open request once: records the outcome, cancels its reminders and its deadline job,
 * and publishes the result with each organisation's vote to the group's channels and, by e-mail
 * and chat, to every member of the group. Returns null when the request was already closed.
 */
export function closeRequest(ctx: CommandContext, e: Endorsement, closing: Closing): Closed | null {
  const standing = standingOf(ctx.db, e);
  const outcome: Outcome = closing.outcome ?? standing.tally.outcome;
  const supersededBy = closing.supersededBy?.id;
  if (!markClosed(ctx.db, e.id, { outcome, at: ctx.nowIso, how: closing.how, ...(supersededBy ? { supersededBy } : {}) })) return null;
  cancelJobs(ctx.db, refOf(e));
  publishResult(ctx, e, standing, outcome, closing);
  refreshChannelPosts(ctx, endorsementById(ctx.db, e.exerciseId, e.id)!);
  const t = standing.tally;
  const detail = {
    endorsement: shortId(e),
    outcome,
    how: closing.how,
    ...(closing.supersededBy ? { supersededBy: shortId(closing.supersededBy) } : {}),
    tally: { endorse: t.endorse, object: t.object, abstain: t.abstain, voted: t.voted, quorum: t.quorum, quorumReached: t.quorumReached },
    votes: standing.votes.map((v) => ({ organisation: v.acronym, choice: v.choice, proxy: v.proxy })),
    notVoted: standing.waiting.map((o) => o.acronym),
  };
  return { outcome, detail };
}

/** One sentence on how it closed, for the result and for replies. */
export function howClosed(e: Pick<Endorsement, 'deadlineAt'>, how: ClosedHow, at: string, zone: string, supersededBy?: Endorsement): string {
  const on = formatInZone(new Date(at), zone);
  switch (how) {
    case 'deadline': {
      const late = new Date(at).getTime() - new Date(e.deadlineAt).getTime() > LATE_AFTER_MS ? ` (the result was computed late, on ${on})` : '';
      return `at its deadline, ${formatInZone(new Date(e.deadlineAt), zone)}${late}`;
    }
    case 'coordinator':
      return `by the coordinator on ${on}`;
    case 'all-voted':
      return `on ${on}, when every organisation of the group had voted`;
    case 'new-version':
      return `on ${on} as superseded by ${supersededBy ? `${shortId(supersededBy)}${supersededBy.version ? ` (version ${supersededBy.version})` : ''}` : 'a new version'}`;
  }
}

/**
 * "closed at its deadline, 2026-11-29 10:00 Europe/Belgrade: endorsed", for a closed request;
 * "closed on 2026-11-22 11:00 Europe/Belgrade as superseded by E3 (version v2)" for a replaced one.
 */
export function closedSentence(db: Db, e: Endorsement, zone: string): string {
  const by = e.supersededBy ? endorsementById(db, e.exerciseId, e.supersededBy) : undefined;
  const how = howClosed(e, e.closedHow!, e.closedAt!, zone, by);
  return e.closedHow === 'new-version' && e.outcome === 'superseded' ? `closed ${how}` : `closed ${how}: ${OUTCOME_TEXT[e.outcome!]}`;
}

/** Why the tally gave what it gave, in the group's words. */
export function outcomeReason(e: Endorsement, s: Standing, outcome: Outcome): string {
  const t = s.tally;
  switch (outcome) {
    case 'no-quorum':
      return `${t.voted} of ${s.electorate.length} organisations voted; the quorum is ${t.quorum}.`;
    case 'endorsed':
      return e.rule === 'consensus' ? 'A quorum voted, at least one organisation endorsed and none objected.' : `A quorum voted and ${t.endorse} organisations endorsed against ${t.object} objecting.`;
    case 'not-endorsed':
      if (e.rule === 'consensus') {
        const objecting = s.votes.filter((v) => v.choice === 'object').map((v) => v.acronym);
        if (objecting.length === 0) return 'Consensus was not reached: no organisation endorsed (abstentions alone endorse nothing).';
        return `Consensus was not reached: ${objecting.join(', ')} ${objecting.length === 1 ? 'objects' : 'object'}.`;
      }
      return `A majority needs more endorsements than objections: ${t.endorse} endorsed, ${t.object} objected.`;
    case 'superseded':
      return 'A new version of the document replaced this request; its votes are kept on record but decide nothing.';
    case 'withdrawn':
      return 'The coordinator withdrew the request; its votes are kept on record but decide nothing.';
  }
}

function publishResult(ctx: CommandContext, e: Endorsement, s: Standing, outcome: Outcome, closing: Closing): void {
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const common = {
    outcome: OUTCOME_TEXT[outcome],
    how: howClosed(e, closing.how, ctx.nowIso, zone, closing.supersededBy),
    reason: outcomeReason(e, s, outcome),
    tally: tallyLine(s.tally),
    votes: s.votes.map((v) => ({
      organisation: v.acronym,
      choice: v.choice,
      by: v.proxy ? `recorded by ${v.castBy.name} as a proxy` : `${v.castBy.name}`,
      at: formatInZone(new Date(v.castAt), zone),
      comment: v.comment,
    })),
    notVoted: s.waiting.map((o) => o.acronym).join(', '),
  };
  const ref = refOf(e);
  ctx.announce({ kind: 'endorsement-result', ref, group: e.group, view: { ...requestView(e, s.electorate.length, zone), ...common, inChannel: true } });
  for (const member of recipientsOf(ctx.db, exercise.id, e.group)) {
    ctx.deliver({
      kind: 'endorsement-result',
      ref,
      to: member,
      organisationId: member.role === 'focal' ? (member.organisation?.id ?? null) : null,
      view: { ...requestView(e, s.electorate.length, zone, member), ...common, closedAt: timeFor(ctx.nowIso, zone, member) },
    });
  }
}
