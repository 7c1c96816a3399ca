/** Milliseconds in a unit of real (UTC) time. Calendar days in a zone vary: use luxon for those. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
