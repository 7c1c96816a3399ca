import ICAL from 'ical.js';
import type { StoredMessage } from '../../../test/fakes/postmark/index.ts';

/** An .ics read as a calendar reads it (ical.js, its VTIMEZONEs registered first). */
export function readInvitation(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method') as string,
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status') as string,
    tzid: event.startDate.zone?.tzid,
    local: event.startDate.toString(),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    hasStamp: vevent.hasProperty('dtstamp'),
  };
}

/** The .ics a message the fake Postmark received carries (base64 attachment), read. */
export function invitationOf(message: StoredMessage) {
  const attachment = message.Attachments.find((a) => a.ContentType.startsWith('text/calendar'));
  if (!attachment) return null;
  return {
    contentType: attachment.ContentType,
    ...readInvitation(Buffer.from(attachment.Content, 'base64').toString('utf8')),
  };
}
