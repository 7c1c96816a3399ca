import { describe, expect, it } from 'vitest';
import { feedEvents, feedName, feedWindow, firstName, type FeedAppointment } from './feed-events.ts';

const appointment = (overrides: Partial<FeedAppointment> = {}): FeedAppointment => ({
  id: '0b6f7a52-5d4e-4c8e-9f3a-2f1d3c4b5a69',
  status: 'CONFIRMED',
  startTimeUtc: new Date('2027-03-01T09:00:00Z'),
  endTimeUtc: new Date('2027-03-01T10:00:00Z'),
  serviceName: 'Haircut',
  providerName: 'Grace Hopper',
  client: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
  seats: 1,
  reschedules: 0,
  createdAt: new Date('2027-02-01T08:00:00Z'),
  updatedAt: new Date('2027-02-02T08:00:00Z'),
  ...overrides,
});

const privateFeed = { clientDetails: false, withProvider: false, publicUrl: 'https://book.example.com' };

describe('feedEvents', () => {
  it('names the service and the first name only, with a stable UID', () => {
    const [event] = feedEvents([appointment()], privateFeed);
    expect(event).toEqual({
      uid: '0b6f7a52-5d4e-4c8e-9f3a-2f1d3c4b5a69@book.example.com',
      sequence: 0,
      status: 'CONFIRMED',
      start: new Date('2027-03-01T09:00:00Z'),
      end: new Date('2027-03-01T10:00:00Z'),
      summary: 'Haircut – Ada',
      description: [],
      created: new Date('2027-02-01T08:00:00Z'),
      lastModified: new Date('2027-02-02T08:00:00Z'),
    });
    expect(JSON.stringify(event)).not.toMatch(/Lovelace|ada@example|7946/);
  });

  it('shows the full name and contact only when the tenant allows it', () => {
    const [event] = feedEvents([appointment()], { ...privateFeed, clientDetails: true });
    expect(event!.summary).toBe('Haircut – Ada Lovelace');
    expect(event!.description).toEqual([
      'Client: Ada Lovelace',
      'Email: ada@example.com',
      'Phone: +44 20 7946 0000',
    ]);
  });

  it("names the provider on the tenant's feed", () => {
    const events = feedEvents([appointment(), appointment({ providerName: null })], {
      ...privateFeed,
      withProvider: true,
    });
    expect(events.map((event) => event.summary)).toEqual(['Haircut – Ada (Grace Hopper)', 'Haircut – Ada']);
  });

  it('counts reschedules as SEQUENCE and marks cancelled appointments', () => {
    const [moved, cancelled] = feedEvents(
      [appointment({ reschedules: 2 }), appointment({ status: 'CANCELLED', reschedules: 1 })],
      privateFeed,
    );
    expect(moved).toMatchObject({ sequence: 2, status: 'CONFIRMED' });
    expect(cancelled).toMatchObject({
      sequence: 1,
      status: 'CANCELLED',
      summary: 'Cancelled: Haircut – Ada',
    });
  });

  it('lists completed and no-show appointments as confirmed, saying seats and no-shows', () => {
    const [completed, noShow] = feedEvents(
      [appointment({ status: 'COMPLETED', seats: 3 }), appointment({ status: 'NO_SHOW' })],
      privateFeed,
    );
    expect(completed).toMatchObject({ status: 'CONFIRMED', description: ['Seats: 3'] });
    expect(noShow).toMatchObject({ status: 'CONFIRMED', description: ['The client did not come.'] });
  });
});

describe('firstName', () => {
  it.each([
    ['Ada Lovelace', 'Ada'],
    ['  Ada   King Lovelace ', 'Ada'],
    ['Ada', 'Ada'],
    ['Jean-Luc Picard', 'Jean-Luc'],
    ['   ', 'Client'],
  ])('%j → %s', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });
});

describe('feedWindow', () => {
  it('reaches 30 days back and 365 days ahead of now', () => {
    expect(feedWindow(new Date('2027-03-01T12:00:00Z'))).toEqual({
      from: new Date('2027-01-30T12:00:00Z'),
      to: new Date('2028-02-29T12:00:00Z'),
    });
  });
});

describe('feedName', () => {
  it("is the business, with the provider on a provider's feed", () => {
    expect(feedName('Studio Nord', null)).toBe('Studio Nord');
    expect(feedName('Studio Nord', 'Grace Hopper')).toBe('Studio Nord – Grace Hopper');
  });
});
