/** A booking as calendar apps take it; built on the client, so no server round trip is needed. */
export interface CalendarEvent {
  uid: string;
  title: string;
  description: string;
  /** Instants, ISO 8601 UTC. */
  start: string;
  end: string;
  url: string;
}

/** "2026-12-01T09:00:00.000Z" → "20261201T090000Z" (iCalendar and Google both take this form). */
export function compactUtc(instant: string): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
