/**
 * What every calendar file we write shares (feed.ts; the email invitations may use it too).
 */

/** PRODID: who made the file (RFC 5545 §3.7.3). */
export const PRODID = { company: 'MAIS', product: 'Scheduling', language: 'EN' } as const;

/**
 * Text as RFC 5545 allows it in a TEXT value: without control characters other than tab and line
 * breaks (§3.3.11). Names and services are stored as clients and admins typed them, and a stray
 * control character can make a calendar app refuse the whole file. ical-generator escapes
 * `\ ; ,` and line breaks in event values; not in the calendar's name (escape that with its
 * `escape`).
 */
export function icsText(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** A one-line value (a title, a calendar's name): line breaks become spaces. */
export function icsLine(value: string): string {
  return icsText(value).replace(/\r\n|\r|\n/g, ' ');
}
