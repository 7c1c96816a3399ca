import { compactUtc, type CalendarEvent } from './calendar-event.ts';

/** RFC 5545 TEXT: backslash, semicolon, comma and newlines are escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 characters continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const pieces = [];
  for (let i = 0; i < line.length; i += 74) pieces.push(line.slice(i, i + 74));
  return pieces.join('\r\n ');
}

/** A one-event iCalendar file (Apple Calendar, Outlook, Thunderbird…), CRLF line ends. */
export function icsFile(event: CalendarEvent, now: Date): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//MAIS Scheduling//Booking widget//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${compactUtc(now.toISOString())}`,
    `DTSTART:${compactUtc(event.start)}`,
    `DTEND:${compactUtc(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ]
    .map(fold)
    .join('\r\n');
}

/** A data: URL for a download link, so the file needs no Blob to revoke later. */
export function icsDataUrl(event: CalendarEvent, now: Date): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(icsFile(event, now))}`;
}
