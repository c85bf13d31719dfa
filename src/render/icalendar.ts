import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarPart } from '../core/ports';
import { plainText, singleLine } from './escape';

export interface CalendarPerson {
  name: string;
  email: string;
}

/** One meeting as one recipient's calendar should hold it. */
export interface MeetingEvent {
  /** Stable for the meeting's whole life: `meeting-12-kosovo-2014@convene`. */
  uid: string;
  /** Raised by every notice version that changes the event: amended agenda, new time, cancellation (RFC 5546 §2.1.4). */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  /** When this version was made: clients keep the newest DTSTAMP of one SEQUENCE. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  organizer: CalendarPerson;
  attendee: CalendarPerson;
}

/** The UID of a meeting's event: the same in every invitation, update and cancellation. */
export function meetingUid(meetingId: number, exerciseSlug: string): string {
  return `meeting-${meetingId}-${exerciseSlug}@convene`;
}

/**
 * The VCALENDAR of an invitation (`METHOD:REQUEST`) or a cancellation (`METHOD:CANCEL`, with
 * `STATUS:CANCELLED`), for one attendee. Times are written in UTC (`DTSTART:20261201T090000Z`),
 * which every client reads without a VTIMEZONE block.
 * @example meetingCalendar({ uid: meetingUid(3, 'kosovo-2014'), sequence: 0, method: 'REQUEST', ... }).content
 */
export function meetingCalendar(e: MeetingEvent): CalendarPart {
  const calendar = ical({
    prodId: { company: 'Convene', product: 'Convene', language: 'EN' },
    method: e.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: e.stamp,
    start: e.start,
    end: e.end,
    summary: singleLine(e.summary),
    description: plainText(e.description),
    ...(e.location ? { location: singleLine(e.location) } : {}),
    organizer: { name: singleLine(e.organizer.name), email: e.organizer.email },
    attendees: [
      {
        name: singleLine(e.attendee.name),
        email: e.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: e.method === 'REQUEST',
      },
    ],
    status: e.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return {
    method: e.method,
    content: calendar.toString(),
    filename: e.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
  };
}
