import type { PublicService } from '@mais/sdk';
import type { LocalizeController } from '../controllers/localize.controller.ts';

/**
 * The price of one seat with each provider who may take the booking, as the API prices it: each
 * provider's own price (an override or the base price); the base price for a service without any.
 */
export function unitPrices(service: PublicService, providerIds: readonly string[] | null = null): number[] {
  const candidates = service.providers.filter(
    (provider) => !providerIds || providerIds.includes(provider.id),
  );
  return candidates.length > 0 ? candidates.map((p) => p.priceCents) : [service.priceBaseCents];
}

/**
 * The price a client will be charged for `seats`. With anyone (or a time several providers can
 * take), the one who takes the booking decides it, so a range is shown when their prices differ.
 */
export function shownPrice(
  service: PublicService,
  l10n: LocalizeController,
  providerIds: readonly string[] | null = null,
  seats = 1,
): string {
  const prices = unitPrices(service, providerIds);
  const low = Math.min(...prices) * seats;
  const high = Math.max(...prices) * seats;
  const format = (cents: number) => (cents === 0 ? l10n.t.free : l10n.price(cents, service.currency));
  return low === high ? format(low) : l10n.t.priceRange(format(low), format(high));
}

/** The providers a chosen time may go to: the chosen one, else every one who can take it. */
export function providersOf(providerId: string | null, slotProviderIds?: readonly string[]): string[] | null {
  if (providerId) return [providerId];
  return slotProviderIds ? [...slotProviderIds] : null;
}
