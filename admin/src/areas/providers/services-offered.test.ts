import { describe, expect, it } from 'vitest';
import { servicesBody } from './services-offered.ts';

describe('services offered', () => {
  it('keeps the prices of services that stay, and starts new ones at the base price', () => {
    const current = [
      { serviceId: 'a', priceOverrideCents: 4500 },
      { serviceId: 'b', priceOverrideCents: null },
      { serviceId: 'c', priceOverrideCents: 1000 },
    ];
    expect(servicesBody(current, new Set(['c', 'a', 'd']))).toEqual([
      { serviceId: 'a', priceOverrideCents: 4500 },
      { serviceId: 'c', priceOverrideCents: 1000 },
      { serviceId: 'd', priceOverrideCents: null },
    ]);
  });

  it('sends an empty list when nothing is ticked', () => {
    expect(servicesBody([{ serviceId: 'a', priceOverrideCents: 10 }], new Set())).toEqual([]);
  });
});
