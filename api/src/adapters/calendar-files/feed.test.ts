import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../domain/calendar/feed-events.ts';
import { renderCalendarFeed } from './feed.ts';

const event = (overrides: Partial<FeedEvent> = {}): FeedEvent => ({
  uid: 'a1@book.example.com',
  sequence: 0,
  status: 'CONFIRMED',
  start: new Date('2027-03-01T09:00:00Z'),
  end: new Date('2027-03-01T10:00:00Z'),
  summary: 'Haircut – Ada',
  description: [],
  created: new Date('2027-02-01T08:00:00Z'),
  lastModified: new Date('2027-02-02T08:30:00Z'),
  ...overrides,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('renderCalendarFeed', () => {
  it('writes a calendar apps can subscribe to: name, refresh hint, UTC times, status, sequence', () => {
    const text = renderCalendarFeed({
      name: 'Studio Nord – Grace',
      refreshSeconds: 3600,
      events: [event(), event({ uid: 'a2@book.example.com', status: 'CANCELLED', sequence: 2 })],
    });
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Studio Nord – Grace');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(2);
    const [first, second] = events.map((component) => new ICAL.Event(component));
    expect(first!.uid).toBe('a1@book.example.com');
    expect(first!.startDate.toJSDate()).toEqual(new Date('2027-03-01T09:00:00Z'));
    expect(first!.startDate.zone?.tzid).toBe('UTC');
    expect(first!.endDate.toJSDate()).toEqual(new Date('2027-03-01T10:00:00Z'));
    expect(first!.summary).toBe('Haircut – Ada');
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(events[0]!.getFirstPropertyValue('transp')).toBe('OPAQUE');
    expect(String(events[0]!.getFirstPropertyValue('dtstamp'))).toBe('2027-02-02T08:30:00Z');
    expect(second!.sequence).toBe(2);
    expect(events[1]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[1]!.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('gives the same bytes for the same appointments (no request time inside)', () => {
    const feed = { name: 'Studio', refreshSeconds: 3600, events: [event()] };
    expect(renderCalendarFeed(feed)).toBe(renderCalendarFeed(feed));
  });

  it('keeps names and lines typed by people inside their values', () => {
    const text = renderCalendarFeed({
      name: 'Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT; a, b\\',
      refreshSeconds: 3600,
      events: [
        event({
          summary: 'Cut\nEND:VEVENT\u0007 – Ada; "x", y',
          description: ['Client: Ada\r\nBEGIN:VALARM', 'Phone: 1'],
        }),
      ],
    });
    const { calendar, events } = parse(text);
    // ical.js leaves X- properties escaped as written: TEXT escaping, one line.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Evil END:VCALENDAR BEGIN:VEVENT\\; a\\, b\\\\',
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('summary')).toBe('Cut END:VEVENT – Ada; "x", y');
    expect(events[0]!.getFirstPropertyValue('description')).toBe('Client: Ada\nBEGIN:VALARM\nPhone: 1');
    expect(events[0]!.getAllSubcomponents('valarm')).toHaveLength(0);
    expect(text.split('\r\n').filter((line) => /^(BEGIN|END):/.test(line))).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });
});
