import { describe, expect, it } from 'vitest';
import { serviceLines, type ServiceCountsRow } from './service-report.ts';

const row = (overrides: Partial<ServiceCountsRow>): ServiceCountsRow => ({
  serviceId: 's1',
  serviceName: 'Cut',
  currency: 'EUR',
  bookings: 0,
  completed: 0,
  cancelledByClient: 0,
  cancelledByAdmin: 0,
  noShows: 0,
  revenueCents: 0,
  keptPriceCents: 0,
  keptBookings: 0,
  ...overrides,
});

describe('serviceLines', () => {
  it('averages the kept prices, rounded to the minor unit, null without kept bookings', () => {
    const [line] = serviceLines([row({ bookings: 4, keptPriceCents: 10_001, keptBookings: 3 })]);
    expect(line!.averagePriceCents).toBe(3_334);
    expect(line!.bookings).toBe(4);
    expect(line).not.toHaveProperty('keptPriceCents');
    expect(line).not.toHaveProperty('keptBookings');
    expect(serviceLines([row({ bookings: 1, cancelledByClient: 1 })])[0]!.averagePriceCents).toBeNull();
  });

  it('sorts by name, then id, then currency', () => {
    const lines = serviceLines([
      row({ serviceId: 's2', serviceName: 'Colour', currency: 'USD' }),
      row({ serviceId: 's1', serviceName: 'Cut' }),
      row({ serviceId: 's2', serviceName: 'Colour', currency: 'EUR' }),
    ]);
    expect(lines.map((l) => `${l.serviceName} ${l.currency}`)).toEqual([
      'Colour EUR',
      'Colour USD',
      'Cut EUR',
    ]);
  });
});
