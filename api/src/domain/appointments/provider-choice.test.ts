import { describe, expect, it } from 'vitest';
import { orderProviders } from './provider-choice.ts';

describe('orderProviders', () => {
  it('prefers the fewest bookings that day', () => {
    expect(
      orderProviders([
        { id: 'a', bookingsThatDay: 3, lastBookedAt: 1 },
        { id: 'b', bookingsThatDay: 1, lastBookedAt: 9 },
        { id: 'c', bookingsThatDay: 2, lastBookedAt: 0 },
      ]),
    ).toEqual(['b', 'c', 'a']);
  });

  it('then the one booked least recently (never booked first), then by id', () => {
    expect(
      orderProviders([
        { id: 'd', bookingsThatDay: 0, lastBookedAt: 50 },
        { id: 'c', bookingsThatDay: 0, lastBookedAt: 10 },
        { id: 'b', bookingsThatDay: 0, lastBookedAt: null },
        { id: 'a', bookingsThatDay: 0, lastBookedAt: 10 },
      ]),
    ).toEqual(['b', 'a', 'c', 'd']);
  });
});
