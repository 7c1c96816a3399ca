import { expect } from '@open-wc/testing';
import type { CalendarEvent } from './calendar-event.ts';
import { googleCalendarLink } from './google-calendar.ts';
import { icsFile } from './ics.ts';

const event: CalendarEvent = {
  uid: 'abc@mais',
  title: 'Cut, wash; style',
  description: 'Manage: https://studio.example/?mais-appointment=1&mais-token=2\nSee you',
  start: '2026-12-01T09:00:00Z',
  end: '2026-12-01T09:30:00.000Z',
  url: 'https://studio.example/?mais-appointment=1&mais-token=2',
};

describe('calendar export', () => {
  it('writes an iCalendar file with CRLF lines, escaped text and UTC times', () => {
    const lines = icsFile(event, new Date('2026-11-20T10:00:00Z')).split('\r\n');
    expect(lines.slice(0, 6)).to.deep.equal([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//MAIS Scheduling//Booking widget//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
    ]);
    expect(lines).to.include.members([
      'UID:abc@mais',
      'DTSTAMP:20261120T100000Z',
      'DTSTART:20261201T090000Z',
      'DTEND:20261201T093000Z',
      'SUMMARY:Cut\\, wash\\; style',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    // Lines over 75 characters fold onto the next line after a space.
    const description = lines.findIndex((line) => line.startsWith('DESCRIPTION:'));
    expect(lines[description]).to.have.length(74);
    expect(lines[description + 1]!.startsWith(' ')).to.equal(true);
    expect(lines.every((line) => line.length <= 75)).to.equal(true);
  });

  it('links to Google Calendar with the times and details', () => {
    const url = new URL(googleCalendarLink(event));
    expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).to.equal('TEMPLATE');
    expect(url.searchParams.get('text')).to.equal('Cut, wash; style');
    expect(url.searchParams.get('dates')).to.equal('20261201T090000Z/20261201T093000Z');
    expect(url.searchParams.get('details')).to.equal(`${event.description}\n${event.url}`);
  });
});
