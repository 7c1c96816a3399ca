import type {
  BookingDataRepository,
  SlotService,
} from '../adapters/db/repositories/booking-data.repository.ts';
import { resolveSchedules } from '../domain/availability/schedule-resolution.ts';
import { generateSlots, type Slot, type SlotQuery } from '../domain/availability/slots.ts';
import { MINUTE } from '../domain/time-units.ts';

/**
 * Loads schedules and busy times and runs the slot engine for `service`,
 * for starts in [from, to). `providerIds` narrows the providers (one chosen by
 * the client); by default every active provider offering the service.
 * Costs two statements, run side by side: schedules and busy times.
 */
export async function findSlots(
  data: BookingDataRepository,
  service: SlotService,
  options: {
    from: number;
    to: number;
    now: Date;
    providerIds?: readonly string[];
    excludeAppointmentId?: string;
  },
): Promise<Slot[]> {
  const query = await slotQuery(data, service, options);
  return generateSlots(query);
}

export async function slotQuery(
  data: BookingDataRepository,
  service: SlotService,
  options: {
    from: number;
    to: number;
    now: Date;
    providerIds?: readonly string[];
    excludeAppointmentId?: string;
  },
): Promise<SlotQuery> {
  const providers = service.providers.filter(
    (provider) => !options.providerIds || options.providerIds.includes(provider.id),
  );
  const ids = providers.map((provider) => provider.id);
  // Busy times and open hours are needed a little beyond the range, for buffers and long services.
  const margin =
    (service.bufferBeforeMinutes + service.durationMinutes + service.bufferAfterMinutes) * MINUTE;
  const { busy, ...stored } = await data.slotData({
    serviceId: service.id,
    providerIds: ids,
    resourceIds: service.resourceIds,
    from: options.from,
    to: options.to,
    busyFrom: options.from - margin,
    busyTo: options.to + margin,
    now: options.now,
    excludeAppointmentId: options.excludeAppointmentId,
  });
  const schedules = resolveSchedules({
    serviceId: service.id,
    serviceZone: service.zone,
    providers,
    rules: stored.rules,
    overrides: stored.overrides,
  });
  return {
    service: { ...service, needsResource: service.resourceIds.length > 0 },
    serviceSchedule: schedules.service,
    providers: providers.map((provider) => ({
      id: provider.id,
      schedule: schedules.providers.get(provider.id)!,
      busy: busy.byProvider.get(provider.id) ?? [],
    })),
    resources: service.resourceIds.map((id) => ({ id, busy: busy.byResource.get(id) ?? [] })),
    now: options.now.getTime(),
    from: options.from,
    to: options.to,
  };
}
