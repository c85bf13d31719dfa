import ical, { foldLines, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { foldLine, meetingCalendars, type CalendarPerson, type MeetingEvent } from '../../src/render/icalendar';

const EVENT: Omit<MeetingEvent, 'attendee'> = {
  uid: 'meeting-3-kosovo-2014@convene',
  sequence: 2,
  method: 'REQUEST',
  stamp: new Date('2026-11-22T09:00:00Z'),
  start: new Date('2026-12-10T09:00:00Z'),
  end: new Date('2026-12-10T10:30:00Z'),
  summary: 'PWG meeting: Agree the methodology and the data-collection tools',
  description: 'PWG meeting M3 of Kosovo 2014.\n\nAgenda:\n1. Review of the draft methodology',
  location: 'UNHCR office, Pristina',
  organizer: { name: 'Profiling Coordinator', email: 'coordinator@unhcr.example.org' },
};

/** The same calendar written by ical-generator alone, for one attendee: what every recipient used to get. */
function writtenWhole(e: MeetingEvent): string {
  const calendar = ical({ prodId: { company: 'Convene', product: 'Convene', language: 'EN' }, method: e.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: e.uid, sequence: e.sequence, stamp: e.stamp, start: e.start, end: e.end, summary: e.summary, description: e.description,
    ...(e.location ? { location: e.location } : {}),
    organizer: e.organizer,
    attendees: [{ name: e.attendee.name, email: e.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: e.method === 'REQUEST' }],
    status: e.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

const PEOPLE: CalendarPerson[] = [
  { name: 'A', email: 'a@a.example.org' },
  { name: 'Besa Gashi', email: 'focal@mcr.example.org' },
  { name: 'Милица Јовановић, Комесаријат за избеглице и миграције', email: 'milica.jovanovic@kirs.example.org' },
  { name: 'Teuta "the statistician" Rexhepi 📊📊📊 of the UN Population Fund in Pristina', email: 'focal@unfpa.example.org' },
];

describe('calendars of one notice for many recipients', () => {
  it.each(['REQUEST', 'CANCEL'] as const)('are, for each recipient, exactly what ical-generator writes for that one (%s)', (method) => {
    const calendarFor = meetingCalendars({ ...EVENT, method });
    for (const attendee of PEOPLE) expect(calendarFor(attendee).content).toBe(writtenWhole({ ...EVENT, method, attendee }));
  });

  it('fold lines as ical-generator does: at 75 octets, never inside a character', () => {
    for (const line of ['x'.repeat(200), `DESCRIPTION:${'ё'.repeat(80)}`, `SUMMARY:${'😀'.repeat(40)}a`, 'short'])
      expect(foldLine(line)).toBe(foldLines(line));
  });
});
