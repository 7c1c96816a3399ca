import { describe, expect, it } from 'vitest';
import { decodeClientCursor } from './client-cursor.ts';
import { clientPage, repeatRate, type ClientFigures } from './client-report.ts';

const figures = (email: string, lifetimeVisits: number): ClientFigures => ({
  email,
  name: email.toUpperCase(),
  nameKey: email,
  bookings: 3,
  visits: 1,
  noShows: 1,
  cancellations: 1,
  lifetimeVisits,
  firstVisit: null,
  lastVisit: null,
});

describe('clientPage', () => {
  it('joins money per client, currencies alphabetical, and flags repeat clients', () => {
    const page = clientPage(
      [figures('a@x.io', 2), figures('b@x.io', 1)],
      [
        { email: 'a@x.io', currency: 'USD', netCents: 5 },
        { email: 'b@x.io', currency: 'EUR', netCents: -7 },
        { email: 'a@x.io', currency: 'EUR', netCents: 10 },
      ],
      10,
    );
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((row) => [row.email, row.repeat, row.lifetimeValue])).toEqual([
      [
        'a@x.io',
        true,
        [
          { currency: 'EUR', netCents: 10 },
          { currency: 'USD', netCents: 5 },
        ],
      ],
      ['b@x.io', false, [{ currency: 'EUR', netCents: -7 }]],
    ]);
    expect(page.data[0]).not.toHaveProperty('nameKey');
  });

  it('keeps `limit` rows and points the cursor at the last one kept', () => {
    const page = clientPage([figures('a@x.io', 0), figures('b@x.io', 0), figures('c@x.io', 0)], [], 2);
    expect(page.data.map((row) => row.email)).toEqual(['a@x.io', 'b@x.io']);
    expect(decodeClientCursor(page.nextCursor!)).toEqual({ nameKey: 'b@x.io', email: 'b@x.io' });
  });
});

describe('repeatRate', () => {
  it.each([
    [0, 0, null],
    [3, 1, 0.3333],
    [3, 2, 0.6667],
    [4, 4, 1],
    [5, 0, 0],
  ])('%i clients, %i repeat → %s', (clients, repeat, rate) => {
    expect(repeatRate(clients, repeat)).toBe(rate);
  });
});
