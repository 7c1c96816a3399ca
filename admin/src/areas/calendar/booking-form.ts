import type { AdminCreateAppointmentBody, Provider, Service } from '@mais/sdk';
import { zonedToUtc } from '../../dates/zoned-time.ts';
import { minutesOfTime } from './drag-math.ts';

/** What the new-booking dialog holds, as typed. */
export interface BookingDraft {
  serviceId: string;
  providerId: string;
  date: string;
  time: string;
  name: string;
  email: string;
  phone: string;
  overrideRules: boolean;
}

/** The providers who offer a service (all active ones while no service is picked). */
export function providersFor(providers: readonly Provider[], serviceId: string): Provider[] {
  return providers.filter(
    (provider) =>
      provider.active && (serviceId === '' || provider.services.some((s) => s.serviceId === serviceId)),
  );
}

export type DraftProblems = Partial<Record<keyof BookingDraft, string>>;

/**
 * The body of POST /v1/tenant-admin/appointments from the dialog, or what is missing. The start is
 * the wall time in the business's zone; the client's zone is taken to be the business's (a client
 * booked by phone is told the business's time).
 */
export function bookingBody(
  draft: BookingDraft,
  zone: string,
): { body: AdminCreateAppointmentBody } | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  if (!draft.serviceId) problems.serviceId = 'Choose a service.';
  if (!draft.providerId) problems.providerId = 'Choose a provider.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.date = 'Enter a date.';
  const minutes = minutesOfTime(draft.time);
  if (minutes === null) problems.time = 'Enter a start time.';
  if (draft.name.trim() === '') problems.name = "Enter the client's name.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim()))
    problems.email = 'Enter an email address like name@example.com.';
  if (draft.phone.trim() !== '' && !/^\+?[0-9 ()-]{5,25}$/.test(draft.phone.trim()))
    problems.phone = 'Enter a phone number (digits, spaces, + ( ) -).';
  if (Object.keys(problems).length > 0 || minutes === null) return { problems };
  const phone = draft.phone.trim();
  return {
    body: {
      serviceId: draft.serviceId,
      providerId: draft.providerId,
      startTimeUtc: utcInstant(zonedToUtc(draft.date, minutes, zone)),
      client: { name: draft.name.trim(), email: draft.email.trim(), ...(phone ? { phone } : {}) },
      clientTimezone: zone,
      overrideRules: draft.overrideRules,
    },
  };
}

/** An instant as the API takes it: UTC, whole seconds ("2027-01-05T09:00:00Z"). */
export function utcInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function servicesOffered(services: readonly Service[]): Service[] {
  return services.filter((service) => service.active);
}
