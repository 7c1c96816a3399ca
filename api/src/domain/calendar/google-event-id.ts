/**
 * The id of a booking's event in the provider's Google calendar, derived from the appointment id so
 * that every push of the same booking names the same event: an insert that already happened answers
 * 409 instead of making a second event, and a delete needs nothing stored. Google's event ids are
 * base32hex ([a-v0-9]) and 5–1024 long
 * (https://developers.google.com/calendar/api/v3/reference/events/insert, `id`); a UUID's hex
 * digits are base32hex digits, so "mais" + the 32 hex digits (36 characters) is one.
 */
export function googleEventIdFor(appointmentId: string): string {
  const hex = appointmentId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a UUID: ${appointmentId}`);
  return `mais${hex}`;
}

/** The key of the private extended property that marks an event as ours, holding the appointment id. */
export const APPOINTMENT_PROPERTY = 'maisAppointmentId';
