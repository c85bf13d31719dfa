import type { Db } from '../../store/db';
import { actionById } from '../../store/action-items';
import { meetingById } from '../../store/meetings';
import { actionLabel } from '../../use-cases/minutes/lookups';
import { meetingLabel } from '../../use-cases/meetings/lookups';
import type { LinkHolder } from '../open-link';
import { readsGroup, refusal, whoView, type PageResult } from './page';
import { actionStateIn } from './states';

/**
 * The page behind a "Mark done" link: the action item, its owner and state, and (while it is open)
 * a form that marks it done on POST. Only a focal point of the owner organisation or a coordinator
 * gets the form; reading it changes nothing.
 */
export function actionPage(db: Db, h: LinkHolder, now: Date): PageResult {
  const a = actionById(db, h.exercise.id, h.claim.target);
  const m = a ? meetingById(db, a.meetingId) : undefined;
  if (!a || !m || !readsGroup(h, m.group)) return refusal(h, 404, 'noAction');
  const w = h.words;
  const owner = h.member.role === 'focal' && h.member.organisation?.id === a.organisation.id;
  if (!owner && h.member.role !== 'coordinator') {
    const values = { id: actionLabel(a), owner: a.organisation.acronym, name: h.person.name, acronym: h.member.organisation?.acronym ?? '' };
    return refusal(h, 403, h.member.role === 'focal' && h.member.organisation ? 'notYourAction' : 'notYourActionObserver', values);
  }
  return {
    ok: true,
    page: {
      template: 'action',
      status: 200,
      language: w.language,
      view: {
        ...whoView(h),
        title: w.t('web-action.title', { id: actionLabel(a), owner: a.organisation.acronym }),
        id: actionLabel(a),
        owner: a.organisation.acronym,
        text: a.text,
        due: w.day(a.dueDate),
        meeting: `${meetingLabel(m)} "${m.title}"`,
        state: actionStateIn(w, a, h.exercise.timeZone, now),
        open: a.status === 'open' && h.exercise.status === 'active',
        intent: w.t('web-action.intent', { id: actionLabel(a), owner: a.organisation.acronym }),
      },
    },
  };
}
