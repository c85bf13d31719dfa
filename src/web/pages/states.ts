import { daysPastDue, isOverdue, storedDate } from '../../domain/minutes';
import type { Choice, Outcome } from '../../domain/tally';
import type { ActionItem } from '../../store/action-items';
import type { PageWords } from './words';

/** A vote as the page's reader says it: "endorse", "miraton", "противи се (по овлашћењу)". */
export function voteIn(w: PageWords, choice: Choice, proxy = false): string {
  const word = w.t(`web-common.choice.${choice}`);
  return proxy ? w.t('web-common.proxy', { choice: word }) : word;
}

/** An endorsement's outcome in the page's language: "endorsed", "nije odobreno". */
export function outcomeIn(w: PageWords, outcome: Outcome): string {
  return w.t(`web-common.outcome.${outcome}`);
}

/**
 * An action item's state, by the same rules as `actionState` (src/use-cases/minutes/actions.ts):
 * "done on … by Valon Morina", "open, 3 days overdue", "open, due today", "open".
 */
export function actionStateIn(w: PageWords, a: ActionItem, exerciseZone: string, now: Date): string {
  if (a.status === 'done') return a.doneBy ? w.t('web-common.actionDoneBy', { at: w.at(a.doneAt!), name: a.doneBy.name }) : w.t('web-common.actionDone', { at: w.at(a.doneAt!) });
  const due = storedDate(a.dueDate);
  if (isOverdue(due, exerciseZone, now)) return w.t('web-common.actionOverdue', { count: daysPastDue(due, exerciseZone, now) });
  return daysPastDue(due, exerciseZone, now) === 0 ? w.t('web-common.actionDueToday') : w.t('web-common.actionOpen');
}
