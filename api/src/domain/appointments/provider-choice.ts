/**
 * Who takes a booking made with "any available" provider: the one with the
 * fewest live bookings that local day (spreads the day's work), then the one
 * booked least recently (round-robin over time), then by id (stable).
 */
export interface ProviderCandidate {
  id: string;
  bookingsThatDay: number;
  /** When this provider's latest booking was made; null if never. */
  lastBookedAt: number | null;
}

export function orderProviders(candidates: readonly ProviderCandidate[]): string[] {
  return [...candidates]
    .sort(
      (a, b) =>
        a.bookingsThatDay - b.bookingsThatDay ||
        (a.lastBookedAt ?? -Infinity) - (b.lastBookedAt ?? -Infinity) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((candidate) => candidate.id);
}
