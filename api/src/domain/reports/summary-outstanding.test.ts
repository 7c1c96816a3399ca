import { describe, expect, it } from 'vitest';
import { outstandingTotals } from './summary-outstanding.ts';

describe('outstandingTotals', () => {
  it('adds deposit balances and no-show fees per currency', () => {
    expect(
      outstandingTotals([
        {
          currency: 'EUR',
          depositBalancesCount: 2,
          depositBalancesCents: 3_000,
          noShowFeesCount: 1,
          noShowFeesCents: 500,
        },
        {
          currency: 'USD',
          depositBalancesCount: 0,
          depositBalancesCents: 0,
          noShowFeesCount: 3,
          noShowFeesCents: 2_100,
        },
      ]),
    ).toEqual([
      {
        currency: 'EUR',
        appointments: 3,
        amountDueCents: 3_500,
        depositBalancesCents: 3_000,
        noShowFeesCents: 500,
      },
      {
        currency: 'USD',
        appointments: 3,
        amountDueCents: 2_100,
        depositBalancesCents: 0,
        noShowFeesCents: 2_100,
      },
    ]);
  });
});
