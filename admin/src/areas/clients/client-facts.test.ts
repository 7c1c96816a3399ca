import type { ClientHistory } from '@mais/sdk';
import { describe, expect, it } from 'vitest';
import { clientFacts } from './client-facts.ts';

type Row = ClientHistory['appointments'][number];

let serial = 0;
function appointment(status: Row['status'], startTimeUtc: string): Row {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    startTimeUtc,
    endTimeUtc: startTimeUtc,
    status,
    service: { id: 's', name: 'Haircut' },
    provider: null,
    currency: 'EUR',
    totalAmountCents: 3500,
    paidCents: 0,
    refundedCents: 0,
    amountDueCents: 0,
    netCents: [],
    payments: [],
  };
}

const NOW = new Date('2027-03-01T12:00:00Z');

describe('a client page’s facts', () => {
  it('counts visits, no-shows and cancellations, with the first, last and next dates', () => {
    const history: ClientHistory = {
      email: 'ada@example.com',
      name: 'Ada',
      truncated: false,
      // Newest first, as the API lists them.
      appointments: [
        appointment('CONFIRMED', '2027-03-20T09:00:00Z'),
        appointment('PENDING', '2027-03-10T09:00:00Z'),
        appointment('CONFIRMED', '2027-02-28T09:00:00Z'), // past, never completed: not next, not a visit
        appointment('COMPLETED', '2027-02-01T09:00:00Z'),
        appointment('NO_SHOW', '2027-01-15T09:00:00Z'),
        appointment('CANCELLED', '2027-01-10T09:00:00Z'),
        appointment('COMPLETED', '2026-12-01T09:00:00Z'),
      ],
      totals: [
        {
          currency: 'EUR',
          appointments: 7,
          paidCents: 7000,
          refundedCents: 0,
          amountDueCents: 3500,
          netCents: 6800,
        },
        { currency: 'USD', appointments: 1, paidCents: 0, refundedCents: 0, amountDueCents: 0, netCents: 0 },
      ],
    };
    const facts = clientFacts(history, NOW);
    expect(facts).toEqual({
      bookings: 8,
      visits: 2,
      noShows: 1,
      cancellations: 1,
      firstVisit: '2026-12-01T09:00:00Z',
      lastVisit: '2027-02-01T09:00:00Z',
      next: { id: history.appointments[1]!.id, startTimeUtc: '2027-03-10T09:00:00Z' },
      spent: [{ currency: 'EUR', cents: 6800 }],
      balanceDue: [{ currency: 'EUR', cents: 3500 }],
    });
  });

  it('has no dates and no money before anything happened', () => {
    const facts = clientFacts(
      { email: 'b@example.com', name: 'B', truncated: false, appointments: [], totals: [] },
      NOW,
    );
    expect(facts).toMatchObject({ bookings: 0, visits: 0, firstVisit: null, lastVisit: null, next: null });
    expect(facts.spent).toEqual([]);
    expect(facts.balanceDue).toEqual([]);
  });
});
