import type { Provider, SetProviderServicesBody } from '@mais/sdk';

/**
 * The body of PUT /providers/{id}/services for the ticked services. The call replaces the whole
 * list, so a price the Services area set for this provider (priceOverrideCents) is sent back for
 * every service that stays; a newly ticked one starts at the base price (null).
 */
export function servicesBody(
  current: Provider['services'],
  chosen: ReadonlySet<string>,
): SetProviderServicesBody {
  const prices = new Map(current.map((link) => [link.serviceId, link.priceOverrideCents]));
  return [...chosen]
    .sort()
    .map((serviceId) => ({ serviceId, priceOverrideCents: prices.get(serviceId) ?? null }));
}
