/**
 * One row of the services report's GROUP BY: a service's appointments starting in the period,
 * in one currency. What counts (api/README.md, "The services report"):
 * - a booking is an appointment that was confirmed (CONFIRMED, COMPLETED, NO_SHOW, or CANCELLED
 *   after it was confirmed) or a hold that is still live; a hold that lapsed or was dropped
 *   before payment was never a booking;
 * - a reschedule moves the same appointment (same id) to its new start, so it counts once, in the
 *   period of its current start, and never as a cancellation;
 * - cancelled by client / by admin: the actor of the appointment's CANCELLED event.
 */
export interface ServiceCountsRow {
  serviceId: string;
  serviceName: string;
  currency: string;
  bookings: number;
  completed: number;
  cancelledByClient: number;
  cancelledByAdmin: number;
  noShows: number;
  /** Net ledger money of the period's appointments (service basis), whenever it moved. */
  revenueCents: number;
  /** Sum and count of the prices of the bookings not cancelled. */
  keptPriceCents: number;
  keptBookings: number;
}

export interface ServiceLine extends Omit<ServiceCountsRow, 'keptPriceCents' | 'keptBookings'> {
  /** The mean price of the bookings not cancelled, rounded to the minor unit; null with none. */
  averagePriceCents: number | null;
}

/** The rows as report lines: by service name, then currency (never added across currencies). */
export function serviceLines(rows: readonly ServiceCountsRow[]): ServiceLine[] {
  return [...rows]
    .sort(
      (a, b) =>
        a.serviceName.localeCompare(b.serviceName) ||
        a.serviceId.localeCompare(b.serviceId) ||
        a.currency.localeCompare(b.currency),
    )
    .map(({ keptPriceCents, keptBookings, ...line }) => ({
      ...line,
      averagePriceCents: keptBookings > 0 ? Math.round(keptPriceCents / keptBookings) : null,
    }));
}
