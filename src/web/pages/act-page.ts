import type { InboundCommand } from '../../core/ports';
import { formatInZone } from '../../domain/time';
import type { Db } from '../../store/db';
import { actionById } from '../../store/action-items';
import { currentVoteOf } from '../../store/endorsements';
import { actionState } from '../../use-cases/minutes/actions';
import { doneCommand, voteCommand } from '../act';
import type { LinkHolder } from '../open-link';
import { readerZone } from '../open-link';
import { actionPage } from './action-page';
import { refusal, whoView, type PageResult } from './page';
import { choiceOf, votableRequest, votePage } from './vote-page';

export type PlannedAction = { ok: true; command: InboundCommand } | { ok: false; shown: PageResult };

/**
 * What a POSTed form of a link asks for, as a command of the core; or the page again, with what
 * is missing (an objection without its reason). Nothing is changed here: the core does that.
 */
export function actionForm(db: Db, h: LinkHolder, now: Date, form: { choice: string; comment: string }): PlannedAction {
  switch (h.claim.purpose) {
    case 'vote': {
      const found = votableRequest(db, h);
      if (!found.ok) return { ok: false, shown: found.result };
      const choice = choiceOf(form.choice);
      const comment = form.comment.trim();
      if (!choice) return { ok: false, shown: votePage(db, h, now, null, { message: 'Choose Endorse, Object or Abstain. Nothing was recorded yet.', comment }) };
      if (choice === 'object' && !comment)
        return { ok: false, shown: votePage(db, h, now, choice, { message: `An objection asks for its reason: say why ${h.member.organisation!.acronym} objects, so the group can address it. Nothing was recorded yet.`, comment }) };
      return { ok: true, command: voteCommand(h, choice, comment) };
    }
    case 'done': {
      const shown = actionPage(db, h, now);
      if (!shown.ok) return { ok: false, shown };
      return { ok: true, command: doneCommand(h) };
    }
    default:
      return { ok: false, shown: refusal(405, 'Nothing to do here', 'This link shows a page; it does not record anything. Nothing was recorded.') };
  }
}

export interface Acted {
  view: Record<string, unknown>;
}

/** The result page: the core's own sentence, and what the record now says. */
export function afterAction(db: Db, h: LinkHolder, now: Date, command: InboundCommand, reply: string): Acted {
  const zone = readerZone(h);
  const rows: { label: string; value: string }[] = [];
  let heading = 'Recorded';
  if (h.claim.purpose === 'vote') {
    const org = h.member.organisation!;
    const v = currentVoteOf(db, h.claim.target, org.id);
    heading = `${org.acronym}'s vote on E${h.claim.target} is recorded`;
    if (v) {
      rows.push({ label: `${org.acronym}'s vote`, value: `${v.choice}${v.proxy ? ' (proxy)' : ''}` });
      rows.push({ label: 'Cast by', value: `${v.castBy.name} on ${formatInZone(new Date(v.castAt), zone)}` });
      if (v.comment) rows.push({ label: 'Comment', value: v.comment });
    }
  } else if (h.claim.purpose === 'done') {
    const a = actionById(db, h.exercise.id, h.claim.target);
    heading = `A${h.claim.target} is marked done`;
    if (a) rows.push({ label: `A${a.id}`, value: actionState(a, h.exercise.timeZone, now) });
  }
  return {
    view: {
      ...whoView(h),
      title: heading,
      heading,
      reply,
      recorded: rows.length > 0,
      rows,
      back: `/l/${h.token}`,
      command: command.text,
    },
  };
}
