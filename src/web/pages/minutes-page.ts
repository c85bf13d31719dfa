import type { Db } from '../../store/db';
import { versionsOf } from '../../store/minutes';
import { minutesView, type MinutesContent } from '../../use-cases/minutes/content';
import type { LinkHolder } from '../open-link';
import { readableMeeting } from './meeting-page';
import { pageLink, refusal, whoView, type PageResult } from './page';

/** The published minutes of a meeting, latest version, as members received them; earlier versions listed. */
export function minutesPage(db: Db, h: LinkHolder, now: Date): PageResult {
  const m = readableMeeting(db, h);
  if (!m) return refusal(h, 404, 'noMinutes');
  const versions = versionsOf(db, m.id);
  const latest = versions.at(-1);
  if (!latest) return refusal(h, 404, 'minutesNotPublished', { id: `M${m.id}`, title: m.title });
  const w = h.words;
  const content = latest.content as MinutesContent;
  const view = minutesView(h.exercise, m, content, h.person);
  const attendance = content.attendance;
  return {
    ok: true,
    page: {
      template: 'minutes',
      status: 200,
      language: w.language,
      view: {
        ...whoView(h),
        ...view,
        when: w.at(m.startsAt),
        // minutesView counts; the page says it in the reader's words.
        attendance: attendance
          ? {
              present: w.t('web-minutes.present', { count: attendance.present.length + attendance.absent.length, present: attendance.present.length, names: attendance.present.join(', ') }),
              absent: attendance.absent.join(', ') || false,
            }
          : false,
        owners: (view['owners'] as { organisation: string; actions: { id: string; dueDate: string }[] }[]).map((o) => ({
          ...o,
          actions: o.actions.map((a) => ({ ...a, due: w.t('web-minutes.due', { date: w.day(a.dueDate) }) })),
        })),
        title: w.t('web-minutes.title', { id: `M${m.id}`, title: m.title }),
        intro: w.t('web-minutes.intro', { group: m.group, id: `M${m.id}`, title: m.title, when: w.at(m.startsAt) }),
        version: latest.version,
        published: w.t(latest.late ? 'web-minutes.publishedLate' : 'web-minutes.published', { version: latest.version, at: w.at(latest.publishedAt), dueDate: latest.late ? w.day(latest.dueDate) : '' }),
        correction: latest.correction ? w.t('web-minutes.corrects', { correction: latest.correction }) : false,
        earlier: versions
          .slice(0, -1)
          .reverse()
          .map((v) => ({ text: w.t(v.correction ? 'web-minutes.earlierCorrected' : 'web-minutes.earlier', { version: v.version, at: w.at(v.publishedAt), correction: v.correction ?? '' }) })),
        hasEarlier: versions.length > 1,
        meetingPage: pageLink(db, h, 'meeting', m.id, now),
      },
    },
  };
}
