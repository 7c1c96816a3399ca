import { describe, expect, it } from 'vitest';
import { bookingPrice, type PricedService } from './pricing.ts';

const service = (change: Partial<PricedService>): PricedService => ({
  paymentMode: 'NONE',
  depositCents: null,
  depositPercent: null,
  ...change,
});

describe('bookingPrice', () => {
  it.each<[string, PricedService, number, number, number, number]>([
    ['free to book', service({}), 3500, 1, 3500, 0],
    ['paid in full', service({ paymentMode: 'FULL' }), 3500, 2, 7000, 7000],
    [
      'a fixed deposit per seat',
      service({ paymentMode: 'DEPOSIT', depositCents: 1000 }),
      3500,
      3,
      10500,
      3000,
    ],
    [
      'a percentage deposit, rounded half up',
      service({ paymentMode: 'DEPOSIT', depositPercent: 33 }),
      1050,
      1,
      1050,
      347,
    ],
    [
      'a percentage at exactly half a cent',
      service({ paymentMode: 'DEPOSIT', depositPercent: 50 }),
      1001,
      1,
      1001,
      501,
    ],
    [
      'a deposit never above the total',
      service({ paymentMode: 'DEPOSIT', depositCents: 5000 }),
      3000,
      1,
      3000,
      3000,
    ],
  ])('%s', (_, priced, unit, seats, total, deposit) => {
    expect(bookingPrice(priced, unit, seats)).toEqual({
      totalAmountCents: total,
      depositAmountCents: deposit,
      noShowFeeCents: 0,
    });
  });
});

describe('the no-show fee agreed at booking', () => {
  it.each<[string, Partial<PricedService>, number, number, number]>([
    ['none without protection', {}, 3500, 1, 0],
    ['a fixed fee per seat', { noShowFeeCents: 1500 }, 3500, 3, 4500],
    ['a fixed fee on a free service (what protection is for)', { noShowFeeCents: 2500 }, 0, 1, 2500],
    ['a share of the price of every seat', { noShowFeePercent: 50 }, 3500, 2, 3500],
    ['a share rounded half up', { noShowFeePercent: 50 }, 1001, 1, 501],
    ['a share of a free service is nothing', { noShowFeePercent: 100 }, 0, 1, 0],
  ])('%s', (_, change, unit, seats, fee) => {
    expect(
      bookingPrice(service({ paymentMode: 'DEPOSIT', depositCents: 500, ...change }), unit, seats),
    ).toMatchObject({ noShowFeeCents: fee });
  });
});
