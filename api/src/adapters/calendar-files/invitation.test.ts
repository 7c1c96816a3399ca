import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventUid } from '../../domain/calendar/event-uid.ts';
import { invitationIcs, type Invitation } from './invitation.ts';
import { isAmbiguousLocalTime } from './vtimezone.ts';

/** Every .ics is read back with ical.js, as a calendar would, its VTIMEZONEs registered first. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    stamp: vevent.getFirstProperty('dtstamp')!.toICALString(),
    tzid: event.startDate.zone?.tzid,
    local: event.startDate.toString(),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    organizer: vevent.getFirstPropertyValue('organizer'),
    attendee: vevent.getFirstPropertyValue('attendee'),
    zones: calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')),
  };
}

const BASE: Invitation = {
  method: 'REQUEST',
  uid: eventUid('33333333-3333-4333-8333-333333333333', 'https://book.example.com'),
  sequence: 0,
  stamp: new Date('2027-03-01T12:00:00Z'),
  start: new Date('2027-03-28T08:00:00Z'),
  end: new Date('2027-03-28T09:00:00Z'),
  zone: 'Europe/Berlin',
  summary: 'Haircut · Studio Ana',
  organizer: { name: 'Studio Ana', email: 'bookings@mais.example' },
  attendee: { name: 'Ada Client', email: 'ada@example.com' },
};

describe('the .ics invitation', () => {
  it('REQUEST with a stable UID, SEQUENCE, DTSTAMP in UTC and the client zone with its VTIMEZONE', () => {
    const ics = invitationIcs(BASE);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270328T100000');
    expect(parse(ics)).toMatchObject({
      method: 'REQUEST',
      uid: '33333333-3333-4333-8333-333333333333@book.example.com',
      sequence: 0,
      status: 'CONFIRMED',
      stamp: 'DTSTAMP:20270301T120000Z',
      tzid: 'Europe/Berlin',
      local: '2027-03-28T10:00:00',
      start: '2027-03-28T08:00:00.000Z',
      end: '2027-03-28T09:00:00.000Z',
      organizer: 'mailto:bookings@mais.example',
      attendee: 'MAILTO:ada@example.com',
      zones: ['Europe/Berlin'],
    });
  });

  it('CANCEL with the same UID and a higher SEQUENCE', () => {
    const parsed = parse(invitationIcs({ ...BASE, method: 'CANCEL', sequence: 3 }));
    expect(parsed).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 3, uid: BASE.uid });
  });

  it('places times right on both sides of the autumn change', () => {
    // 10:00 CET the day the clocks go back, and 01:30 CEST that night, before they do.
    expect(
      parse(
        invitationIcs({
          ...BASE,
          start: new Date('2027-10-31T09:00:00Z'),
          end: new Date('2027-10-31T10:00:00Z'),
        }),
      ),
    ).toMatchObject({
      local: '2027-10-31T10:00:00',
      start: '2027-10-31T09:00:00.000Z',
      tzid: 'Europe/Berlin',
    });
    expect(
      parse(
        invitationIcs({
          ...BASE,
          start: new Date('2027-10-30T23:30:00Z'),
          end: new Date('2027-10-30T23:45:00Z'),
        }),
      ),
    ).toMatchObject({
      local: '2027-10-31T01:30:00',
      start: '2027-10-30T23:30:00.000Z',
      tzid: 'Europe/Berlin',
    });
  });

  it('writes the hour a fall-back night repeats in UTC: its local time names two instants', () => {
    expect(isAmbiguousLocalTime(new Date('2027-10-31T00:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isAmbiguousLocalTime(new Date('2027-10-31T01:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isAmbiguousLocalTime(new Date('2027-10-31T02:00:00Z'), 'Europe/Berlin')).toBe(false);
    expect(isAmbiguousLocalTime(new Date('2027-03-28T01:30:00Z'), 'Europe/Berlin')).toBe(false);
    for (const start of ['2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z']) {
      const ics = invitationIcs({
        ...BASE,
        start: new Date(start),
        end: new Date(Date.parse(start) + 15 * 60_000),
      });
      expect(ics).toContain(`DTSTART:${start.replace(/[-:]/g, '')}`);
      expect(parse(ics).start).toBe(new Date(start).toISOString());
    }
  });

  it('gives a zone without daylight saving one observance', () => {
    const parsed = parse(invitationIcs({ ...BASE, zone: 'Asia/Tokyo' }));
    expect(parsed).toMatchObject({
      tzid: 'Asia/Tokyo',
      local: '2027-03-28T17:00:00',
      start: '2027-03-28T08:00:00.000Z',
    });
  });

  it('escapes text values (RFC 5545 §3.3.11) and keeps names on one line', () => {
    const ics = invitationIcs({
      ...BASE,
      summary: 'Cut, colour; and\nmore\u0007',
      attendee: { name: 'Ada "A"\r\nClient', email: 'ada@example.com' },
    });
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Cut, colour; and more');
    expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe('Ada "A" Client');
  });
});
