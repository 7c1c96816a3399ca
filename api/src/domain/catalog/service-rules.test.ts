import { describe, expect, it } from 'vitest';
import { serviceRuleViolations, type ServiceShape } from './service-rules.ts';

const base: ServiceShape = {
  durationMinutes: 60,
  slotIntervalMinutes: 30,
  priceBaseCents: 5000,
  paymentMode: 'NONE',
  depositCents: null,
  depositPercent: null,
};

describe('serviceRuleViolations', () => {
  it.each<[string, Partial<ServiceShape>]>([
    ['a free service', { priceBaseCents: 0 }],
    ['a deposit in cents', { paymentMode: 'DEPOSIT', depositCents: 1000 }],
    ['a deposit in percent', { paymentMode: 'DEPOSIT', depositPercent: 20 }],
    ['full payment', { paymentMode: 'FULL' }],
    ['a free service with a fixed no-show fee', { priceBaseCents: 0, noShowFeeCents: 2500 }],
    ['a no-show fee in percent', { paymentMode: 'DEPOSIT', depositCents: 1000, noShowFeePercent: 50 }],
  ])('accepts %s', (_, change) => {
    expect(serviceRuleViolations({ ...base, ...change })).toEqual([]);
  });

  it.each<[string, Partial<ServiceShape>, string]>([
    ['a deposit without an amount', { paymentMode: 'DEPOSIT' }, 'depositCents'],
    [
      'a deposit with both amounts',
      { paymentMode: 'DEPOSIT', depositCents: 1, depositPercent: 1 },
      'depositCents',
    ],
    ['a deposit above the price', { paymentMode: 'DEPOSIT', depositCents: 5001 }, 'depositCents'],
    [
      'a deposit on a free service',
      { paymentMode: 'DEPOSIT', depositPercent: 10, priceBaseCents: 0 },
      'priceBaseCents',
    ],
    ['a deposit amount without DEPOSIT mode', { depositCents: 100 }, 'depositCents'],
    ['a deposit percent on FULL', { paymentMode: 'FULL', depositPercent: 10 }, 'depositPercent'],
    ['full payment of nothing', { paymentMode: 'FULL', priceBaseCents: 0 }, 'priceBaseCents'],
    ['a no-show fee both ways', { noShowFeeCents: 100, noShowFeePercent: 10 }, 'noShowFeePercent'],
    ['a no-show share of a free service', { priceBaseCents: 0, noShowFeePercent: 50 }, 'noShowFeePercent'],
  ])('refuses %s', (_, change, path) => {
    expect(serviceRuleViolations({ ...base, ...change }).map((problem) => problem.path)).toContain(path);
  });
});
