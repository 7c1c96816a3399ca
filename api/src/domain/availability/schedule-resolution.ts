import type { DateOverride, Schedule, WeeklyRule } from './schedule.ts';

/**
 * Which hours apply when provider p performs service s:
 *  - p's rules for s, if p has any; else p's general rules (no serviceId); else
 *    the service's own rules (no providerId): a provider without hours of
 *    their own works the service's hours;
 *  - always within the service's own rules, when it has any.
 * Date overrides replace a day's weekly hours: p's own override for a date,
 * else the business-wide one (providerId null), which also applies to the
 * service's hours. Provider hours are in p's zone (else the service's, else the
 * tenant's); service hours in the service's zone (else the tenant's).
 */

export interface StoredRule extends WeeklyRule {
  providerId: string | null;
  serviceId: string | null;
}

export interface StoredOverride extends DateOverride {
  providerId: string | null;
}

export interface ResolvedSchedules {
  /** Null when the service has no hours of its own. */
  service: Schedule | null;
  providers: Map<string, Schedule>;
}

export function resolveSchedules(input: {
  serviceId: string;
  serviceZone: string;
  providers: ReadonlyArray<{ id: string; zone: string }>;
  rules: readonly StoredRule[];
  overrides: readonly StoredOverride[];
}): ResolvedSchedules {
  const serviceRules = input.rules.filter(
    (rule) => rule.providerId === null && rule.serviceId === input.serviceId,
  );
  const businessOverrides = input.overrides.filter((override) => override.providerId === null);
  const service =
    serviceRules.length > 0
      ? { zone: input.serviceZone, rules: serviceRules, overrides: businessOverrides }
      : null;

  const providers = new Map<string, Schedule>();
  for (const provider of input.providers) {
    const mine = input.rules.filter((rule) => rule.providerId === provider.id);
    const specific = mine.filter((rule) => rule.serviceId === input.serviceId);
    const general = mine.filter((rule) => rule.serviceId === null);
    const own = input.overrides.filter((override) => override.providerId === provider.id);
    const ownDates = new Set(own.map((override) => override.date));
    const overrides = [...own, ...businessOverrides.filter((override) => !ownDates.has(override.date))];

    if (specific.length > 0 || general.length > 0) {
      providers.set(provider.id, {
        zone: provider.zone,
        rules: specific.length > 0 ? specific : general,
        overrides,
      });
    } else {
      providers.set(provider.id, { zone: input.serviceZone, rules: serviceRules, overrides });
    }
  }
  return { service, providers };
}
