/**
 * Wall-clock times of day written "HH:MM", from "00:00" to "24:00" (the end
 * of the day). They mean nothing without a zone and a date.
 */
export const WALL_TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** "09:30" → 570. Assumes a string that matched WALL_TIME_PATTERN. */
export function minutesOfDay(wallTime: string): number {
  const [hours, minutes] = wallTime.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
