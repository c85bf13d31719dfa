import { formatInZone } from '../../domain/time';
import type { Db } from '../../store/db';
import { versionsOf } from '../../store/minutes';
import { minutesView, type MinutesContent } from '../../use-cases/minutes/content';
import type { LinkHolder } from '../open-link';
import { readerZone } from '../open-link';
import { readableMeeting } from './meeting-page';
import { pageLink, refusal, whoView, type PageResult } from './page';

/** The published minutes of a meeting, latest version, as members received them; earlier versions listed. */
export function minutesPage(db: Db, h: LinkHolder, now: Date): PageResult {
  const m = readableMeeting(db, h);
  if (!m) return refusal(404, 'No such minutes', 'This link names no minutes you can see.');
  const versions = versionsOf(db, m.id);
  const latest = versions.at(-1);
  if (!latest) return refusal(404, 'Not published yet', `The minutes of M${m.id} "${m.title}" are not published yet; you will get them by e-mail when they are.`);
  const zone = readerZone(h);
  return {
    ok: true,
    page: {
      template: 'minutes',
      status: 200,
      view: {
        ...whoView(h),
        ...minutesView(h.exercise, m, latest.content as MinutesContent, h.person),
        title: `Minutes of M${m.id}: ${m.title}`,
        version: latest.version,
        published: formatInZone(new Date(latest.publishedAt), zone),
        late: latest.late ? { dueDate: latest.dueDate } : false,
        correction: latest.correction ?? false,
        earlier: versions.slice(0, -1).reverse().map((v) => ({ version: v.version, published: formatInZone(new Date(v.publishedAt), zone), correction: v.correction ?? false })),
        meetingPage: pageLink(db, h, 'meeting', m.id, now),
      },
    },
  };
}
