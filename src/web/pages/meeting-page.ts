import type { CalendarPart } from '../../core/ports';
import type { Db } from '../../store/db';
import { currentNotice, noticeMessagesOf } from '../../store/meeting-notices';
import { agendaOf, meetingById, meetingEnd, type Meeting } from '../../store/meetings';
import { personById } from '../../store/members';
import { versionsOf } from '../../store/minutes';
import { meetingCalendar, meetingUid } from '../../render/icalendar';
import { calendarDescription, calendarSummary, meetingView } from '../../use-cases/meetings/view';
import type { LinkHolder, LinkRefusal } from '../open-link';
import { refusalIn } from '../open-link';
import { pageLink, readsGroup, refusal, whoView, type PageResult } from './page';
import type { PageWords } from './words';

/** The meeting a link names, if its person reads that meeting's group. */
export function readableMeeting(db: Db, h: LinkHolder): Meeting | null {
  const m = meetingById(db, h.claim.target);
  return m && m.exerciseId === h.exercise.id && readsGroup(h, m.group) ? m : null;
}

/** A medium's name: the platforms' own names, the others in the reader's words. */
function mediumIn(w: PageWords, medium: string): string {
  if (medium === 'slack') return 'Slack';
  if (medium === 'discord') return 'Discord';
  return w.t(`web-common.medium.${medium}`);
}

/** When each notice of the meeting reached this person: "v1 invitation, e-mail: handed over Sat 21 Nov 2026, 11:00 (Europe/Belgrade)". */
function noticesToPerson(db: Db, m: Meeting, personId: number, w: PageWords): string[] {
  return noticeMessagesOf(db, m.id)
    .filter((n) => n.personId === personId)
    .map((n) => {
      const state = n.handedOverAt
        ? w.t('web-meeting.handedOver', { at: w.at(n.handedOverAt) })
        : n.status === 'failed'
          ? w.t('web-meeting.notDelivered', { error: n.lastError ?? '—' })
          : w.t('web-meeting.waiting');
      return w.t('web-meeting.noticeLine', { version: n.version, kind: w.t(`web-meeting.kind.${n.kind}`), medium: mediumIn(w, n.medium), state });
    });
}

/** The page of a meeting: when and where, the agenda as members have it, when the notice went out, the `.ics`. */
export function meetingPage(db: Db, h: LinkHolder, now: Date): PageResult {
  const m = readableMeeting(db, h);
  if (!m) return refusal(h, 404, 'noMeeting');
  const w = h.words;
  const notice = currentNotice(db, m.id);
  const agenda = notice && m.sentAgendaVersion === m.agendaVersion ? notice.agenda : agendaOf(db, m.id).map((i) => i.text);
  const published = versionsOf(db, m.id).length > 0;
  return {
    ok: true,
    page: {
      template: 'meeting',
      status: 200,
      language: w.language,
      view: {
        ...whoView(h),
        ...meetingView(h.exercise, m, agenda, h.person, w.language),
        // Every date in the reader's zone, with the exercise's beside it.
        when: w.at(m.startsAt),
        ends: w.at(meetingEnd(m)),
        yourTime: false,
        deadline: w.at(m.noticeDeadline),
        title: `M${m.id}: ${m.title}`,
        state: m.status === 'cancelled' && m.cancelReason ? w.t('web-meeting.cancelledBecause', { reason: m.cancelReason }) : w.t(`web-meeting.status.${m.status}`),
        noticeSent: notice ? w.t(notice.late ? 'web-meeting.sentLate' : 'web-meeting.sentOnTime', { at: w.at(notice.sentAt) }) : false,
        toYou: noticesToPerson(db, m, h.person.id, w),
        calendar: m.status === 'cancelled' ? false : `${pageLink(db, h, 'meeting', m.id, now)}/calendar.ics`,
        minutes: published ? pageLink(db, h, 'minutes', m.id, now) : false,
      },
    },
  };
}

/** The meeting as an iCalendar file: the same UID and SEQUENCE as the invitations, so a calendar updates one event. */
export function calendarOf(db: Db, h: LinkHolder, now: Date): { ok: true; content: string; filename: string } | { ok: false; refusal: LinkRefusal } {
  if (h.claim.purpose !== 'meeting') return { ok: false, refusal: refusalIn(h.words, 404, 'noCalendar') };
  const m = readableMeeting(db, h);
  if (!m) return { ok: false, refusal: refusalIn(h.words, 404, 'noMeeting') };
  const language = h.words.language;
  const organizer = personById(db, m.organizerPersonId)!;
  const agenda = currentNotice(db, m.id)?.agenda ?? agendaOf(db, m.id).map((i) => i.text);
  const part: CalendarPart = meetingCalendar({
    uid: meetingUid(m.id, h.exercise.slug),
    sequence: m.sequence,
    method: m.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    stamp: now,
    start: m.startsAt,
    end: meetingEnd(m),
    summary: calendarSummary(m, language),
    description: calendarDescription(h.exercise, m, agenda, language),
    location: m.place,
    organizer: { name: organizer.name, email: organizer.email },
    attendee: { name: h.person.name, email: h.person.email },
  });
  return { ok: true, content: part.content, filename: `M${m.id}.ics` };
}
