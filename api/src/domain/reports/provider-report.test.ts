import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../time-units.ts';
import { providerLines, type ProviderActivityRow } from './provider-report.ts';

const activity = (overrides: Partial<ProviderActivityRow>): ProviderActivityRow => ({
  providerId: 'p1',
  currency: 'EUR',
  bookings: 0,
  noShows: 0,
  bookedMilliseconds: 0,
  revenueCents: 0,
  ...overrides,
});

describe('providerLines', () => {
  it('adds hours and counts across currencies, keeps money per currency', () => {
    const [line] = providerLines(
      [{ id: 'p1', name: 'Ada', availableMilliseconds: 8 * HOUR }],
      [
        activity({ currency: 'USD', bookings: 1, bookedMilliseconds: HOUR, revenueCents: 5_000 }),
        activity({ bookings: 2, noShows: 1, bookedMilliseconds: 90 * MINUTE, revenueCents: -200 }),
        activity({ providerId: 'p2', bookings: 9, bookedMilliseconds: 9 * HOUR }),
      ],
    );
    expect(line).toEqual({
      providerId: 'p1',
      providerName: 'Ada',
      bookedHours: 2.5,
      availableHours: 8,
      utilisationPercent: 31.3,
      bookings: 3,
      noShows: 1,
      noShowPercent: 33.3,
      revenue: [
        { currency: 'EUR', revenueCents: -200 },
        { currency: 'USD', revenueCents: 5_000 },
      ],
    });
  });

  it('gives null rates when nothing was available or booked, and lists idle providers', () => {
    const lines = providerLines(
      [
        { id: 'p2', name: 'Bea', availableMilliseconds: 0 },
        { id: 'p1', name: 'Ada', availableMilliseconds: HOUR },
      ],
      [],
    );
    expect(lines.map((l) => l.providerName)).toEqual(['Ada', 'Bea']);
    expect(lines[0]).toMatchObject({ utilisationPercent: 0, noShowPercent: null, revenue: [] });
    expect(lines[1]).toMatchObject({ utilisationPercent: null, availableHours: 0 });
  });
});
