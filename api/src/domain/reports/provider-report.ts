import { HOUR } from '../time-units.ts';

/** One row of the providers report's GROUP BY: a provider's appointments starting in the period, per currency. */
export interface ProviderActivityRow {
  providerId: string;
  currency: string;
  /** Bookings not cancelled (see service-report.ts for what a booking is). */
  bookings: number;
  noShows: number;
  /** The length of their sessions not cancelled: a class counted once, not per seat. */
  bookedMilliseconds: number;
  /** Net ledger money of the period's appointments (service basis). */
  revenueCents: number;
}

export interface ProviderFacts {
  id: string;
  name: string;
  availableMilliseconds: number;
}

export interface ProviderLine {
  providerId: string;
  providerName: string;
  bookedHours: number;
  availableHours: number;
  /** booked / available × 100, one decimal; null when nothing was available (no hours, all busy). */
  utilisationPercent: number | null;
  bookings: number;
  noShows: number;
  /** noShows / bookings × 100, one decimal; null without bookings. */
  noShowPercent: number | null;
  /** Per currency that moved, alphabetical. */
  revenue: Array<{ currency: string; revenueCents: number }>;
}

/**
 * A line per provider (by name): the GROUP BY's rows added up across currencies for hours and
 * counts (a session is in one currency, so nothing is counted twice), money kept per currency.
 * Utilisation may pass 100 % when bookings were taken outside the provider's hours.
 */
export function providerLines(
  providers: readonly ProviderFacts[],
  activity: readonly ProviderActivityRow[],
): ProviderLine[] {
  return [...providers]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((provider) => {
      const rows = activity.filter((row) => row.providerId === provider.id);
      const booked = rows.reduce((sum, row) => sum + row.bookedMilliseconds, 0);
      const bookings = rows.reduce((sum, row) => sum + row.bookings, 0);
      const noShows = rows.reduce((sum, row) => sum + row.noShows, 0);
      return {
        providerId: provider.id,
        providerName: provider.name,
        bookedHours: hours(booked),
        availableHours: hours(provider.availableMilliseconds),
        utilisationPercent:
          provider.availableMilliseconds > 0 ? percent(booked / provider.availableMilliseconds) : null,
        bookings,
        noShows,
        noShowPercent: bookings > 0 ? percent(noShows / bookings) : null,
        revenue: rows
          .filter((row) => row.revenueCents !== 0)
          .map((row) => ({ currency: row.currency, revenueCents: row.revenueCents }))
          .sort((a, b) => a.currency.localeCompare(b.currency)),
      };
    });
}

/** Hours to the hundredth (36 seconds): 90 minutes → 1.5. */
function hours(milliseconds: number): number {
  return Math.round((milliseconds / HOUR) * 100) / 100;
}

function percent(ratio: number): number {
  return Math.round(ratio * 1000) / 10;
}
