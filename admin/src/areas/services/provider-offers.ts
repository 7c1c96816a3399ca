import type { Provider, SetProviderServicesBody } from '@mais/sdk';

/**
 * Which providers offer a service, at which price. The API keeps a provider's services as one list
 * (PUT /providers/{id}/services replaces it whole), so a change to this service's entry is merged
 * into the provider's current list and every other service keeps its entry and price.
 */

export interface Offer {
  offers: boolean;
  /** null: the service's base price. */
  priceOverrideCents: number | null;
}

export function offerOf(provider: Pick<Provider, 'services'>, serviceId: string): Offer {
  const entry = provider.services.find((service) => service.serviceId === serviceId);
  return { offers: entry !== undefined, priceOverrideCents: entry?.priceOverrideCents ?? null };
}

export function servicesWithOffer(
  current: Provider['services'],
  serviceId: string,
  offer: Offer,
): SetProviderServicesBody {
  const others = current
    .filter((service) => service.serviceId !== serviceId)
    .map(({ serviceId: id, priceOverrideCents }) => ({ serviceId: id, priceOverrideCents }));
  return offer.offers ? [...others, { serviceId, priceOverrideCents: offer.priceOverrideCents }] : others;
}
