import { compactUtc, type CalendarEvent } from './calendar-event.ts';

/** Google Calendar's "add event" template link, prefilled with the booking. */
export function googleCalendarLink(event: CalendarEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${compactUtc(event.start)}/${compactUtc(event.end)}`,
    details: `${event.description}\n${event.url}`,
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}
