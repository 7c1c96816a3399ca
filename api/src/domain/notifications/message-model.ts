import type { AppointmentStatus } from '../../generated/prisma/enums.ts';
import { amountDue } from '../payments/amount-due.ts';
import { manageLink } from './manage-link.ts';
import { isLocale, type Locale, type MessageKind, type ProviderKind } from './message-kinds.ts';

/** What a message about an appointment may say, as loaded (plain data, instants in UTC). */
export interface NotificationFacts {
  appointment: {
    id: string;
    status: AppointmentStatus;
    startTimeUtc: Date;
    endTimeUtc: Date;
    clientName: string;
    clientEmail: string;
    clientPhone: string | null;
    clientTimezone: string;
    locale: string;
    currency: string;
    totalAmountCents: number;
    paidCents: number;
    refundedCents: number;
    noShowFeeCents: number;
  };
  service: { name: string; timezone: string | null };
  provider: { name: string; email: string; timezone: string | null } | null;
  tenant: {
    name: string;
    timezone: string;
    branding: { primaryColor?: string | undefined; logoUrl?: string | undefined };
    bookingPageUrl: string | null;
  };
}

/** One message, ready to render: who reads it, in which language and zone, and what it says. */
export interface MessageModel {
  kind: MessageKind;
  locale: Locale;
  /** The reader's zone: the client's, or the provider's (else the service's, else the tenant's). */
  zone: string;
  tenant: { name: string; primaryColor: string | null; logoUrl: string | null };
  recipientName: string;
  clientName: string;
  serviceName: string;
  providerName: string | null;
  start: Date;
  end: Date;
  /** A move's old start. */
  previousStart: Date | null;
  money: { currency: string; totalCents: number; paidCents: number; dueCents: number };
  /** A payment received, or what a cancellation refunds (0: nothing). */
  amountCents: number | null;
  /** A reminder's offset before the start. */
  offsetMinutes: number | null;
  /**
   * The link to view, move or cancel the booking (client messages, while there is a booking to
   * manage, when the tenant has a booking page); withToken false when no ENCRYPTION_KEY can keep
   * an email token: the link opens the page and the message says to use the confirmation's link.
   */
  manage: { url: string; withToken: boolean } | null;
}

export interface MessageExtras {
  previousStart?: Date | null;
  amountCents?: number | null;
  offsetMinutes?: number | null;
  /** Whether an email token can be kept (ENCRYPTION_KEY is set). */
  tokensAvailable: boolean;
}

const PROVIDER_KINDS: ReadonlySet<MessageKind> = new Set<ProviderKind>([
  'provider-booked',
  'provider-rescheduled',
  'provider-cancelled',
]);

export function isProviderKind(kind: MessageKind): boolean {
  return PROVIDER_KINDS.has(kind);
}

export function messageModel(
  facts: NotificationFacts,
  kind: MessageKind,
  extras: MessageExtras,
): MessageModel {
  const { appointment, service, provider, tenant } = facts;
  const forProvider = isProviderKind(kind);
  const bookingPage = tenant.bookingPageUrl;
  return {
    kind,
    locale: forProvider || !isLocale(appointment.locale) ? 'en' : appointment.locale,
    zone: forProvider
      ? (provider?.timezone ?? service.timezone ?? tenant.timezone)
      : appointment.clientTimezone,
    tenant: {
      name: tenant.name,
      primaryColor: tenant.branding.primaryColor ?? null,
      logoUrl: tenant.branding.logoUrl ?? null,
    },
    recipientName: forProvider ? (provider?.name ?? tenant.name) : appointment.clientName,
    clientName: appointment.clientName,
    serviceName: service.name,
    providerName: provider?.name ?? null,
    start: appointment.startTimeUtc,
    end: appointment.endTimeUtc,
    previousStart: extras.previousStart ?? null,
    money: {
      currency: appointment.currency,
      totalCents: appointment.totalAmountCents,
      paidCents: appointment.paidCents - appointment.refundedCents,
      dueCents: amountDue({ ...appointment }),
    },
    amountCents: extras.amountCents ?? null,
    offsetMinutes: extras.offsetMinutes ?? null,
    manage:
      forProvider || kind === 'cancellation' || !bookingPage
        ? null
        : {
            url: manageLink(bookingPage, appointment.id, extras.tokensAvailable),
            withToken: extras.tokensAvailable,
          },
  };
}
