import { describe, expect, it } from 'vitest';
import {
  amountDue,
  kindOfDue,
  paymentStatusAfterPaying,
  paymentWanted,
  type AppointmentMoney,
} from './amount-due.ts';

const money = (change: Partial<AppointmentMoney>): AppointmentMoney => ({
  status: 'CONFIRMED',
  totalAmountCents: 8000,
  noShowFeeCents: 0,
  paidCents: 0,
  refundedCents: 0,
  ...change,
});

describe('amountDue', () => {
  it.each<[string, Partial<AppointmentMoney>, number]>([
    ['nothing paid yet: the price', {}, 8000],
    ['a deposit paid: the balance', { paidCents: 2000 }, 6000],
    ['paid in full: nothing', { paidCents: 8000 }, 0],
    ['completed with the balance open', { status: 'COMPLETED', paidCents: 2000 }, 6000],
    ['a goodwill refund settles it', { paidCents: 2000, refundedCents: 500 }, 0],
    ['cancelled: nothing, whatever was paid', { status: 'CANCELLED', paidCents: 2000 }, 0],
    ['a no-show without a fee: nothing', { status: 'NO_SHOW', paidCents: 2000 }, 0],
    ['a no-show: the fee', { status: 'NO_SHOW', noShowFeeCents: 2500 }, 2500],
    [
      'a no-show: the deposit counts toward the fee',
      { status: 'NO_SHOW', noShowFeeCents: 2500, paidCents: 2000 },
      500,
    ],
    ['a no-show who prepaid owes no more', { status: 'NO_SHOW', noShowFeeCents: 2500, paidCents: 8000 }, 0],
    [
      'a no-show: what was refunded does not count',
      { status: 'NO_SHOW', noShowFeeCents: 2500, paidCents: 2000, refundedCents: 2000 },
      2500,
    ],
  ])('%s', (_, change, due) => {
    expect(amountDue(money(change))).toBe(due);
  });
});

describe('what a payment collects and whether it is still wanted', () => {
  it('collects the fee from a no-show, the balance otherwise', () => {
    expect(kindOfDue('NO_SHOW')).toBe('NO_SHOW_FEE');
    expect(kindOfDue('CONFIRMED')).toBe('BALANCE');
    expect(kindOfDue('COMPLETED')).toBe('BALANCE');
  });

  it.each<[Parameters<typeof paymentWanted>[0], Parameters<typeof paymentWanted>[1], boolean]>([
    ['DEPOSIT', 'PENDING', true],
    ['FULL', 'CONFIRMED', true],
    ['DEPOSIT', 'CANCELLED', false],
    ['FULL', 'NO_SHOW', false],
    ['BALANCE', 'COMPLETED', true],
    ['BALANCE', 'CANCELLED', false],
    ['BALANCE', 'NO_SHOW', false],
    ['NO_SHOW_FEE', 'NO_SHOW', true],
    ['NO_SHOW_FEE', 'CONFIRMED', false],
  ])('a %s payment for a %s booking: wanted %s', (kind, status, wanted) => {
    expect(paymentWanted(kind, status)).toBe(wanted);
  });

  it('is PAID once nothing is left to pay, DEPOSIT_PAID before', () => {
    expect(paymentStatusAfterPaying(money({}), 2000)).toBe('DEPOSIT_PAID');
    expect(paymentStatusAfterPaying(money({ paidCents: 2000 }), 6000)).toBe('PAID');
    expect(
      paymentStatusAfterPaying(money({ status: 'NO_SHOW', noShowFeeCents: 2500, paidCents: 2000 }), 500),
    ).toBe('PAID');
  });
});
