import { describe, expect, it } from 'vitest';
import { availableActions, refundableByCard, type ActionFacts } from './action-rules.ts';

const NOW = new Date('2027-03-10T10:00:00Z');
const base: ActionFacts = {
  status: 'CONFIRMED',
  paymentStatus: 'NOT_REQUIRED',
  startTimeUtc: '2027-03-10T12:00:00Z',
  endTimeUtc: '2027-03-10T13:00:00Z',
  holdExpiresAt: null,
  amountDueCents: 0,
};
const none = { refundableByCardCents: 0 };

describe('the actions an appointment offers', () => {
  it('before the start: resend and cancel; complete and no-show only once it started', () => {
    expect(availableActions(base, none, 'owner', NOW)).toEqual(['resend', 'cancel']);
    const started = { ...base, startTimeUtc: '2027-03-10T09:30:00Z' };
    expect(availableActions(started, none, 'owner', NOW)).toEqual(['complete', 'noShow', 'resend', 'cancel']);
    const over = { ...started, endTimeUtc: '2027-03-10T09:50:00Z' };
    expect(availableActions(over, none, 'manager', NOW)).toEqual(['complete', 'noShow', 'cancel']);
  });

  it('money: collect what is due, refund what was paid by card (managers only)', () => {
    const due = { ...base, amountDueCents: 5000, paymentStatus: 'AWAITING_PAYMENT' };
    expect(availableActions(due, { refundableByCardCents: 1500 }, 'manager', NOW)).toEqual([
      'collectBalance',
      'refund',
      'resend',
      'cancel',
    ]);
    expect(availableActions(due, { refundableByCardCents: 1500 }, 'provider', NOW)).toEqual(['cancel']);
  });

  it('a cancelled booking: only a refund of what is left; an expired hold: nothing', () => {
    const cancelled = { ...base, status: 'CANCELLED' as const };
    expect(availableActions(cancelled, { refundableByCardCents: 1000 }, 'owner', NOW)).toEqual(['refund']);
    expect(availableActions(cancelled, none, 'owner', NOW)).toEqual([]);
    const expired = { ...base, status: 'PENDING' as const, holdExpiresAt: '2027-03-10T09:00:00Z' };
    expect(availableActions(expired, none, 'owner', NOW)).toEqual([]);
    const held = { ...expired, holdExpiresAt: '2027-03-10T10:05:00Z' };
    expect(availableActions(held, none, 'owner', NOW)).toEqual(['cancel']);
  });

  it('a no-show that still owes its fee can be collected', () => {
    const noShow = { ...base, status: 'NO_SHOW' as const, amountDueCents: 2500 };
    expect(availableActions(noShow, none, 'owner', NOW)).toEqual(['collectBalance']);
  });
});

describe('what is left to refund by card', () => {
  it('card payments less refunds and disputes; fees and venue money left out', () => {
    expect(
      refundableByCard([
        { kind: 'DEPOSIT', amountCents: 4200 },
        { kind: 'STRIPE_FEE', amountCents: -150 },
        { kind: 'BALANCE_VENUE', amountCents: 9800 },
        { kind: 'REFUND', amountCents: -1000 },
      ]),
    ).toBe(3200);
    expect(
      refundableByCard([
        { kind: 'CHARGE', amountCents: 1500 },
        { kind: 'REFUND', amountCents: -1500 },
      ]),
    ).toBe(0);
    expect(refundableByCard([])).toBe(0);
  });
});
