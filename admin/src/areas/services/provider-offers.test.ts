import { describe, expect, it } from 'vitest';
import { offerOf, servicesWithOffer } from './provider-offers.ts';

const current = [
  { serviceId: 'other', priceOverrideCents: 4500 },
  { serviceId: 'this', priceOverrideCents: null },
];

describe('provider offers', () => {
  it("reads a provider's offer of the service", () => {
    expect(offerOf({ services: current }, 'this')).toEqual({ offers: true, priceOverrideCents: null });
    expect(offerOf({ services: current }, 'none')).toEqual({ offers: false, priceOverrideCents: null });
  });

  it('changes only this service, keeping the others with their prices', () => {
    expect(servicesWithOffer(current, 'this', { offers: true, priceOverrideCents: 3000 })).toEqual([
      { serviceId: 'other', priceOverrideCents: 4500 },
      { serviceId: 'this', priceOverrideCents: 3000 },
    ]);
    expect(servicesWithOffer(current, 'this', { offers: false, priceOverrideCents: 3000 })).toEqual([
      { serviceId: 'other', priceOverrideCents: 4500 },
    ]);
    expect(servicesWithOffer([], 'new', { offers: true, priceOverrideCents: null })).toEqual([
      { serviceId: 'new', priceOverrideCents: null },
    ]);
  });
});
