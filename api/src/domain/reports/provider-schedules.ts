import type { Schedule } from '../availability/schedule.ts';
import type { StoredOverride, StoredRule } from '../availability/schedule-resolution.ts';

export interface ProviderScheduleFacts {
  id: string;
  timezone: string | null;
  serviceIds: readonly string[];
}

/**
 * The schedules a provider works, for their available hours, by the slot engine's rule
 * (schedule-resolution.ts) seen from the provider rather than one service: all their own weekly
 * rules (general and per service) in their zone (else the tenant's); a provider without rules of
 * their own works the hours of each service they perform, in the service's zone (else the
 * tenant's). Date overrides: their own for a date, else the business-wide one. A service's own
 * hours, which narrow a provider's for that service only, do not narrow their available hours.
 */
export function providerSchedules(
  provider: ProviderScheduleFacts,
  data: {
    services: ReadonlyArray<{ id: string; timezone: string | null }>;
    rules: readonly StoredRule[];
    overrides: readonly StoredOverride[];
  },
  tenantZone: string,
): Schedule[] {
  const own = data.overrides.filter((override) => override.providerId === provider.id);
  const ownDates = new Set(own.map((override) => override.date));
  const overrides = [
    ...own,
    ...data.overrides.filter((override) => override.providerId === null && !ownDates.has(override.date)),
  ];
  const mine = data.rules.filter((rule) => rule.providerId === provider.id);
  if (mine.length > 0) return [{ zone: provider.timezone ?? tenantZone, rules: mine, overrides }];
  return provider.serviceIds.flatMap((serviceId) => {
    const rules = data.rules.filter((rule) => rule.providerId === null && rule.serviceId === serviceId);
    const zone = data.services.find((service) => service.id === serviceId)?.timezone ?? tenantZone;
    return rules.length > 0 ? [{ zone, rules, overrides }] : [];
  });
}
