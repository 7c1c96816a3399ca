import { Prisma } from '../../generated/prisma/client.ts';

/**
 * An appointment's state as outgoing webhooks show it (`data.appointment`), as a jsonb object
 * built from a row of appointments named `row`. The history stores it with each event
 * (appointment_events.state, written by the statement that makes the change), so an event shows
 * the booking as that change left it, not as it is when the event is sent. Names of the service
 * and provider are not state: they are added when the event is sent. Only these columns: the
 * row also holds token hashes and sealed tokens, which must never leave.
 */
export function appointmentStateJson(row: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${row}."${name}"`);
  const instant = (name: string) =>
    Prisma.sql`to_char(${column(name)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return Prisma.sql`jsonb_build_object(
    'id', ${column('id')},
    'status', ${column('status')},
    'paymentStatus', ${column('paymentStatus')},
    'serviceId', ${column('serviceId')},
    'providerId', ${column('providerId')},
    'resourceId', ${column('resourceId')},
    'startTimeUtc', ${instant('startTimeUtc')},
    'endTimeUtc', ${instant('endTimeUtc')},
    'seats', ${column('seats')},
    'client', jsonb_build_object(
      'name', ${column('clientName')},
      'email', ${column('clientEmail')},
      'phone', ${column('clientPhone')},
      'timezone', ${column('clientTimezone')},
      'locale', ${column('locale')}),
    'currency', ${column('currency')},
    'totalAmountCents', ${column('totalAmountCents')},
    'depositAmountCents', ${column('depositAmountCents')},
    'paidCents', ${column('paidCents')},
    'refundedCents', ${column('refundedCents')},
    'rescheduledFromId', ${column('rescheduledFromId')},
    'cancellationReason', ${column('cancellationReason')},
    'createdAt', ${instant('createdAt')},
    'updatedAt', ${instant('updatedAt')})`;
}
