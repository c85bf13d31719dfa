import ical, { ICalAttendee, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
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
  return meetingCalendars(e)(e.attendee);
}

/** An ATTENDEE line that marks where each recipient's own goes. */
const PLACEHOLDER: CalendarPerson = { name: 'A', email: 'a@a' };

/**
 * The calendars of one notice for many recipients, which differ only in their ATTENDEE line: the
 * event is built and written once, and each recipient's line (escaped and folded as
 * ical-generator does) takes the place of a placeholder's. A notice to 600 people builds one.
 */
export function meetingCalendars(e: Omit<MeetingEvent, 'attendee'>): (attendee: CalendarPerson) => CalendarPart {
  const calendar = ical({
    prodId: { company: 'Convene', product: 'Convene', language: 'EN' },
    method: e.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const event = calendar.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: e.stamp,
    start: e.start,
    end: e.end,
    summary: singleLine(e.summary),
    description: plainText(e.description),
    ...(e.location ? { location: singleLine(e.location) } : {}),
    organizer: { name: singleLine(e.organizer.name), email: e.organizer.email },
    attendees: [attendeeData(e.method, PLACEHOLDER)],
    status: e.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  const written = calendar.toString();
  const line = (person: CalendarPerson) => `${foldLine(new ICalAttendee(attendeeData(e.method, person), event).toString().slice(0, -2))}\r\n`;
  const marker = line(PLACEHOLDER);
  const at = written.indexOf(marker);
  if (at < 0 || written.indexOf(marker, at + 1) >= 0) throw new Error('The placeholder ATTENDEE line is not in the calendar exactly once.');
  const before = written.slice(0, at);
  const after = written.slice(at + marker.length);
  const filename = e.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics';
  return (attendee) => ({ method: e.method, content: `${before}${line(attendee)}${after}`, filename });
}

function attendeeData(method: MeetingEvent['method'], person: CalendarPerson) {
  return {
    name: singleLine(person.name),
    email: person.email,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.NEEDSACTION,
    rsvp: method === 'REQUEST',
  };
}

/**
 * RFC 5545 §3.1: a content line longer than 75 octets is folded with CRLF and a space, never
 * inside a UTF-8 character. Octet for octet what ical-generator's foldLines writes (a break once
 * a line would pass 74), without its encoder per character.
 */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const cp = char.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    octets += size;
    if (octets > 74) {
      out += '\r\n ';
      octets = size;
    }
    out += char;
  }
  return out;
}
