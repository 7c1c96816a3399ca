import type { AppointmentEventModel } from '../../src/generated/prisma/models/AppointmentEvent.ts';
import type { DispatchedEvent } from '../../src/jobs/job-context.ts';

/** A history row as the dispatcher hands it to the job features (jobs/event-dispatcher.ts). */
export function dispatchedEventOf(row: AppointmentEventModel): DispatchedEvent {
  return {
    tenantId: row.tenantId,
    seq: String(row.seq),
    appointmentId: row.appointmentId,
    type: row.type,
    actor: row.actor,
    data: row.data as Record<string, unknown>,
    state: row.state as Record<string, unknown> | null,
    occurredAt: row.occurredAt,
  };
}
