import type { CsvExport } from '../adapters/csv/csv-stream.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { localMinute, spreadsheetText } from '../domain/exports/csv-cells.ts';
import { periodOfDays } from '../domain/ledger/period.ts';
import { amountDue } from '../domain/payments/amount-due.ts';

export const APPOINTMENTS_CSV_COLUMNS = [
  'id',
  'startLocal',
  'startTimeUtc',
  'endTimeUtc',
  'status',
  'paymentStatus',
  'serviceId',
  'serviceName',
  'providerId',
  'providerName',
  'clientName',
  'clientEmail',
  'clientPhone',
  'seats',
  'currency',
  'totalAmountCents',
  'paidCents',
  'refundedCents',
  'amountDueCents',
  'createdAt',
] as const;
type AppointmentColumn = (typeof APPOINTMENTS_CSV_COLUMNS)[number];

/**
 * The appointments (every status: the `status` column tells them apart) starting on the days
 * startDate…endDate of the tenant's zone as CSV, by start time. Same period rules as the ledger's
 * export. Names, emails and phones were typed by clients and staff, so they pass through
 * spreadsheetText (no formulas when the file is opened in a spreadsheet).
 */
export function exportAppointments(
  scope: TenantScope,
  dates: { startDate: string; endDate: string },
  zone: string,
): CsvExport<AppointmentColumn> {
  const period = periodOfDays(dates, zone);
  return {
    filename: `appointments-${dates.startDate}-${dates.endDate}.csv`,
    columns: APPOINTMENTS_CSV_COLUMNS,
    records: (async function* () {
      for await (const row of scope.exports.appointments(period)) {
        yield {
          id: row.id,
          startLocal: localMinute(row.startTimeUtc, zone),
          startTimeUtc: row.startTimeUtc.toISOString(),
          endTimeUtc: row.endTimeUtc.toISOString(),
          status: row.status,
          paymentStatus: row.paymentStatus,
          serviceId: row.serviceId,
          serviceName: spreadsheetText(row.service.name),
          providerId: row.providerId,
          providerName: spreadsheetText(row.provider?.name ?? null),
          clientName: spreadsheetText(row.clientName),
          clientEmail: spreadsheetText(row.clientEmail),
          clientPhone: spreadsheetText(row.clientPhone),
          seats: row.seats,
          currency: row.currency,
          totalAmountCents: row.totalAmountCents,
          paidCents: row.paidCents,
          refundedCents: row.refundedCents,
          amountDueCents: amountDue(row),
          createdAt: row.createdAt.toISOString(),
        };
      }
    })(),
  };
}
