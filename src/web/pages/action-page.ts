import type { Db } from '../../store/db';
import { actionById } from '../../store/action-items';
import { meetingById } from '../../store/meetings';
import { actionState } from '../../use-cases/minutes/actions';
import { actionLabel } from '../../use-cases/minutes/lookups';
import { meetingLabel } from '../../use-cases/meetings/lookups';
import type { LinkHolder } from '../open-link';
import { readsGroup, refusal, whoView, type PageResult } from './page';

/**
 * The page behind a "Mark done" link: the action item, its owner and state, and (while it is open)
 * a form that marks it done on POST. Only a focal point of the owner organisation or a coordinator
 * gets the form; reading it changes nothing.
 */
export function actionPage(db: Db, h: LinkHolder, now: Date): PageResult {
  const a = actionById(db, h.exercise.id, h.claim.target);
  const m = a ? meetingById(db, a.meetingId) : undefined;
  if (!a || !m || !readsGroup(h, m.group)) return refusal(404, 'No such action item', 'This link names no action item you can see. Nothing was recorded.');
  const owner = h.member.role === 'focal' && h.member.organisation?.id === a.organisation.id;
  if (!owner && h.member.role !== 'coordinator')
    return refusal(
      403,
      'Not your action item',
      `${actionLabel(a)} belongs to ${a.organisation.acronym}; only its focal points or the coordinator mark it done, and ${h.person.name} is ${h.member.role === 'focal' ? `a focal point of ${h.member.organisation?.acronym ?? 'another organisation'}` : 'an observer'}. Nothing was recorded.`,
    );
  return {
    ok: true,
    page: {
      template: 'action',
      status: 200,
      view: {
        ...whoView(h),
        title: `${actionLabel(a)}: action item of ${a.organisation.acronym}`,
        id: actionLabel(a),
        owner: a.organisation.acronym,
        text: a.text,
        due: a.dueDate,
        meeting: `${meetingLabel(m)} "${m.title}"`,
        state: actionState(a, h.exercise.timeZone, now),
        open: a.status === 'open' && h.exercise.status === 'active',
        intent: `You are about to mark ${actionLabel(a)} done for ${a.organisation.acronym}. Its reminders stop.`,
      },
    },
  };
}
