/**
 * The UID of an appointment's calendar event, the same in every calendar file we make (ICS feeds,
 * email invitations), so a calendar that gets the appointment from both keeps one event and
 * updates it: `<appointmentId>@<host of PUBLIC_URL>`. The appointment id is unique by itself; the
 * host names whose id it is, as RFC 5545 §3.8.4.7 suggests. The host is the hostname without the
 * port: moving the API to another port is no reason for every calendar to see new events.
 *
 * Without PUBLIC_URL the right side is a fixed reserved name, never the host a request came in
 * on: invitations are built by jobs that have no request, and a feed reached under two names would
 * otherwise give one appointment two UIDs. Changing PUBLIC_URL changes every UID: feeds are read
 * whole, so they follow at their next refresh, but invitations already sent no longer match
 * their later updates.
 */
export const UID_DOMAIN_WITHOUT_PUBLIC_URL = 'mais-scheduling.invalid';

export function eventUid(appointmentId: string, publicUrl: string | undefined): string {
  const domain = publicUrl ? new URL(publicUrl).hostname : UID_DOMAIN_WITHOUT_PUBLIC_URL;
  return `${appointmentId}@${domain}`;
}
