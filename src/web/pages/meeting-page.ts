import type { CalendarPart } from '../../core/ports';
import { formatInZone } from '../../domain/time';
import type { Db } from '../../store/db';
import { currentNotice, noticeMessagesOf } from '../../store/meeting-notices';
import { agendaOf, meetingById, meetingEnd, type Meeting } from '../../store/meetings';
import { personById } from '../../store/members';
import { versionsOf } from '../../store/minutes';
import { meetingCalendar, meetingUid } from '../../render/icalendar';
import { calendarDescription, meetingView } from '../../use-cases/meetings/view';
import type { LinkHolder, LinkRefusal } from '../open-link';
import { readerZone } from '../open-link';
import { pageLink, readsGroup, refusal, whoView, type PageResult } from './page';

const STATUS_TEXT: Record<Meeting['status'], string> = {
  scheduled: 'scheduled; the invitation has not gone out yet',
  noticed: 'the invitation and agenda went out',
  'notice-missed': 'its notice deadline passed before the invitation went out',
  cancelled: 'cancelled',
  held: 'held',
};

/** The meeting a link names, if its person reads that meeting's group. */
export function readableMeeting(db: Db, h: LinkHolder): Meeting | null {
  const m = meetingById(db, h.claim.target);
  return m && m.exerciseId === h.exercise.id && readsGroup(h, m.group) ? m : null;
}

const NO_MEETING = (): PageResult => refusal(404, 'No such meeting', 'This link names no meeting you can see.');

/** When each notice of the meeting reached this person: "v1 invitation: e-mail handed over Sat 21 Nov 2026, 11:00". */
function noticesToPerson(db: Db, m: Meeting, personId: number, zone: string): string[] {
  return noticeMessagesOf(db, m.id)
    .filter((n) => n.personId === personId)
    .map((n) => {
      const how = n.medium === 'email' ? 'e-mail' : n.medium;
      const when = n.handedOverAt ? `handed over ${formatInZone(n.handedOverAt, zone)}` : n.status === 'failed' ? `not delivered (${n.lastError ?? 'failed'})` : 'waiting to be sent';
      return `v${n.version} ${n.kind}, ${how}: ${when}`;
    });
}

/** The page of a meeting: when and where, the agenda as members have it, when the notice went out, the `.ics`. */
export function meetingPage(db: Db, h: LinkHolder, now: Date): PageResult {
  const m = readableMeeting(db, h);
  if (!m) return NO_MEETING();
  const zone = readerZone(h);
  const notice = currentNotice(db, m.id);
  const agenda = notice && m.sentAgendaVersion === m.agendaVersion ? notice.agenda : agendaOf(db, m.id).map((i) => i.text);
  const published = versionsOf(db, m.id).length > 0;
  return {
    ok: true,
    page: {
      template: 'meeting',
      status: 200,
      view: {
        ...whoView(h),
        ...meetingView(h.exercise, m, agenda, h.person),
        title: `M${m.id}: ${m.title}`,
        state: m.status === 'cancelled' && m.cancelReason ? `cancelled (${m.cancelReason})` : STATUS_TEXT[m.status],
        noticeSent: notice ? `${formatInZone(notice.sentAt, zone)}${notice.late ? ', after the notice deadline' : ', on time'}` : false,
        toYou: noticesToPerson(db, m, h.person.id, zone),
        calendar: m.status === 'cancelled' ? false : `${pageLink(db, h, 'meeting', m.id, now)}/calendar.ics`,
        minutes: published ? pageLink(db, h, 'minutes', m.id, now) : false,
      },
    },
  };
}

/** The meeting as an iCalendar file: the same UID and SEQUENCE as the invitations, so a calendar updates one event. */
export function calendarOf(db: Db, h: LinkHolder, now: Date): { ok: true; content: string; filename: string } | { ok: false; refusal: LinkRefusal } {
  if (h.claim.purpose !== 'meeting') return { ok: false, refusal: { status: 404, title: 'No calendar here', message: 'This link has no calendar file.' } };
  const m = readableMeeting(db, h);
  if (!m) return { ok: false, refusal: { status: 404, title: 'No such meeting', message: 'This link names no meeting you can see.' } };
  const organizer = personById(db, m.organizerPersonId)!;
  const agenda = currentNotice(db, m.id)?.agenda ?? agendaOf(db, m.id).map((i) => i.text);
  const part: CalendarPart = meetingCalendar({
    uid: meetingUid(m.id, h.exercise.slug),
    sequence: m.sequence,
    method: m.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    stamp: now,
    start: m.startsAt,
    end: meetingEnd(m),
    summary: `${m.group} meeting: ${m.title}`,
    description: calendarDescription(h.exercise, m, agenda),
    location: m.place,
    organizer: { name: organizer.name, email: organizer.email },
    attendee: { name: h.person.name, email: h.person.email },
  });
  return { ok: true, content: part.content, filename: `M${m.id}.ics` };
}
