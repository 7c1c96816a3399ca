import { DateTime } from 'luxon';
import type { TenantScope, TenantTransaction } from '../adapters/db/tenant-scope.ts';
import type { Slot } from '../domain/availability/slots.ts';
import { localIsoString } from '../domain/availability/zone-offset.ts';
import { NotFoundError } from '../domain/errors.ts';
import type {
  BookingPageDto,
  BookingPageQuery,
  BookingScheduleDto,
} from '../schemas/booking-page.schemas.ts';
import type { PublicServiceDto } from '../schemas/public-catalog.schemas.ts';
import { openDates, slotDto, slotsOfMonth } from './list-availability.ts';

/** How far an empty month looks for the next open day: as far as the widget's "next available" search. */
export const LOOK_AHEAD_MONTHS = 6;

/**
 * Everything a booking widget's first screen needs, in one answer: the business, its services with
 * their prices and, for the chosen service (or the only one), a month of open days and the first
 * open day's times. One round trip instead of four one after another (tenant → services → days →
 * times), which is what a client on a slow network waits for.
 */
export async function loadBookingPage(
  scope: Pick<TenantScope, 'tenant' | 'publicCatalog' | 'payments' | 'transaction'>,
  query: BookingPageQuery,
  now: Date,
  platformTakesCards: boolean,
): Promise<BookingPageDto> {
  const [tenant, services, account] = await Promise.all([
    query.only ? null : scope.tenant.get(),
    scope.publicCatalog.listServices(),
    platformTakesCards ? scope.payments.connectedAccount() : null,
  ]);
  const service = chosenService(services, query.serviceId);
  // The schedule's reads in one transaction: outside one, row-level security gives each its own.
  const schedule = service ? await scope.transaction((tx) => loadSchedule(tx, service, query, now)) : null;
  return {
    tenant: tenant && {
      name: tenant.name,
      timezone: tenant.timezone,
      currency: tenant.currency,
      branding: tenant.branding,
    },
    services: query.only ? null : services,
    cardPayments: account !== null,
    schedule,
  };
}

function chosenService(services: PublicServiceDto[], serviceId: string | undefined): PublicServiceDto | null {
  if (serviceId === undefined) return services.length === 1 ? services[0]! : null;
  const service = services.find((candidate) => candidate.id === serviceId);
  if (!service) throw new NotFoundError('Service', serviceId);
  return service;
}

async function loadSchedule(
  scope: Pick<TenantTransaction, 'bookingData'>,
  service: PublicServiceDto,
  query: BookingPageQuery,
  now: Date,
): Promise<BookingScheduleDto> {
  const zone = query.timezone;
  const slotService = await scope.bookingData.serviceForSlots(service.id);
  const providerId = service.providers.some((provider) => provider.id === query.providerId)
    ? query.providerId!
    : null;
  const providerIds = providerId ? [providerId] : undefined;
  const today = DateTime.fromJSDate(now, { zone });
  const lastBookable = DateTime.fromMillis(now.getTime() + slotService.bookingWindowDays * 86_400_000 - 1, {
    zone,
  });
  const thisMonth = today.toFormat('yyyy-MM');
  // Months before this one have no times; months past the window neither.
  const asked = query.month && query.month > thisMonth ? query.month : thisMonth;
  const lastMonth = lastBookable.toFormat('yyyy-MM');

  let month = asked;
  let slots: Slot[] = [];
  let firstOpenDate: string | null = null;
  let askedSlots: Slot[] | null = null;
  for (let i = 0; i <= LOOK_AHEAD_MONTHS && month <= lastMonth; i++) {
    slots = await slotsOfMonth(scope.bookingData, slotService, month, zone, now, providerIds);
    askedSlots ??= slots;
    if (slots.length > 0) {
      firstOpenDate = localIsoString(slots[0]!.start, zone).slice(0, 10);
      break;
    }
    month = DateTime.fromISO(`${month}-01`).plus({ months: 1 }).toFormat('yyyy-MM');
  }
  // Without a month asked, the calendar opens at the first open day's month.
  const shown = query.month || !firstOpenDate ? asked : firstOpenDate.slice(0, 7);
  const shownSlots = shown === asked ? (askedSlots ?? []) : slots;
  const firstDaySlots = firstOpenDate?.startsWith(shown)
    ? shownSlots.filter((slot) => localIsoString(slot.start, zone).startsWith(firstOpenDate))
    : [];
  return {
    serviceId: service.id,
    providerId,
    timezone: zone,
    month: shown,
    dates: openDates(shownSlots, zone),
    firstOpenDate,
    slots: firstDaySlots.map((slot) => slotDto(slot, zone)),
    lastBookableDate: lastBookable.toISODate()!,
  };
}
