import type { Db } from '../../store/db';
import type { LinkHolder } from '../open-link';
import { actionPage } from './action-page';
import { homePage } from './home-page';
import { meetingPage } from './meeting-page';
import { minutesPage } from './minutes-page';
import { overviewPage, type Reading } from './overview-page';
import type { PageResult } from './page';
import { choiceOf, votePage } from './vote-page';

export { calendarOf } from './meeting-page';
export type Shown = PageResult;
export type { Reading } from './overview-page';

/** What GET on a link shows, by what the link is for. Reads only. */
export function showLink(db: Db, h: LinkHolder, now: Date, query: { choice?: string | undefined }, reading: Reading): PageResult {
  switch (h.claim.purpose) {
    case 'vote':
      return votePage(db, h, now, choiceOf(query.choice));
    case 'done':
      return actionPage(db, h, now);
    case 'meeting':
      return meetingPage(db, h, now);
    case 'minutes':
      return minutesPage(db, h, now);
    case 'home':
      return homePage(db, h, now);
    case 'overview':
      return overviewPage(db, h, now, reading);
  }
}
