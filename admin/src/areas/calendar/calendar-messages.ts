import { errorCode, errorText } from '../../ui/api-error.ts';

/**
 * What to say when a move or a booking is refused. The API's 409 names the instant in UTC; people
 * need the time they picked, in the business's zone, and that nothing changed.
 */
export function moveRefusal(error: unknown, when: string): string {
  if (errorCode(error) === 'slot_unavailable') {
    return `That time is taken: ${when} is not free for this provider (another booking, busy time or outside the bookable times). The appointment was not moved.`;
  }
  return `${errorText(error)} The appointment was not moved.`;
}

export function bookingRefusal(error: unknown, when: string): string {
  if (errorCode(error) === 'slot_unavailable') {
    return `That time is taken: ${when} is not free for this provider. Nothing was booked. Pick another time, or tick "Ignore availability rules" to book outside the hours.`;
  }
  return errorText(error);
}
