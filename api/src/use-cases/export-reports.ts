import type { CsvExport, CsvRecord } from '../adapters/csv/csv-stream.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { majorUnits, spreadsheetText } from '../domain/exports/csv-cells.ts';
import { REVENUE_FIELDS } from '../domain/reports/revenue-fields.ts';
import { providerReport } from './provider-report.ts';
import { revenueReport, type RevenueReportQuery } from './revenue-report.ts';
import { serviceReport, type ReportDays } from './service-report.ts';

/**
 * The reports as CSV files (GET /v1/tenant-admin/exports/reports/<name>.csv): the same figures as
 * the JSON report of the same query, one row per bucket and currency, service and currency, or
 * provider and currency. A report is small (at most a row per day, service or provider and
 * currency) and computed whole before the first byte is sent, so a bad period is still a 400.
 * Names typed by the tenant go through spreadsheetText (formula guard).
 */

export const REVENUE_CSV_COLUMNS = [
  'currency',
  'bucketStart',
  'basis',
  'interval',
  ...REVENUE_FIELDS,
] as const;

export async function revenueCsv(
  scope: TenantScope,
  query: RevenueReportQuery,
  zone: string,
): Promise<CsvExport<(typeof REVENUE_CSV_COLUMNS)[number]>> {
  const report = await revenueReport(scope, query, zone);
  const rows = report.currencies.flatMap(({ currency, buckets }) =>
    buckets.map(({ start, ...figures }) => ({
      currency,
      bucketStart: start,
      basis: query.basis,
      interval: query.interval,
      ...figures,
    })),
  );
  return file(`revenue-${query.basis}-${query.startDate}-${query.endDate}.csv`, REVENUE_CSV_COLUMNS, rows);
}

export const SERVICES_CSV_COLUMNS = [
  'serviceId',
  'serviceName',
  'currency',
  'bookings',
  'completed',
  'cancelledByClient',
  'cancelledByAdmin',
  'noShows',
  'revenueCents',
  'revenue',
  'averagePriceCents',
  'averagePrice',
] as const;

export async function servicesCsv(
  scope: TenantScope,
  query: ReportDays,
  zone: string,
  now: Date,
): Promise<CsvExport<(typeof SERVICES_CSV_COLUMNS)[number]>> {
  const report = await serviceReport(scope, query, zone, now);
  const rows = report.services.map((line) => ({
    ...line,
    serviceName: spreadsheetText(line.serviceName),
    revenue: majorUnits(line.revenueCents, line.currency),
    averagePrice: line.averagePriceCents === null ? null : majorUnits(line.averagePriceCents, line.currency),
  }));
  return file(`services-${query.startDate}-${query.endDate}.csv`, SERVICES_CSV_COLUMNS, rows);
}

export const PROVIDERS_CSV_COLUMNS = [
  'providerId',
  'providerName',
  'currency',
  'revenueCents',
  'revenue',
  'bookedHours',
  'availableHours',
  'utilisationPercent',
  'bookings',
  'noShows',
  'noShowPercent',
] as const;

/**
 * A row per provider and currency of their revenue (one row with an empty currency when none
 * moved). Hours and counts are the provider's, repeated on each of their rows: add them up per
 * provider, not per row.
 */
export async function providersCsv(
  scope: TenantScope,
  query: ReportDays,
  zone: string,
  now: Date,
): Promise<CsvExport<(typeof PROVIDERS_CSV_COLUMNS)[number]>> {
  const report = await providerReport(scope, query, zone, now);
  const rows = report.providers.flatMap(({ revenue, ...line }) =>
    (revenue.length > 0 ? revenue : [null]).map((money) => ({
      ...line,
      providerName: spreadsheetText(line.providerName),
      currency: money?.currency ?? null,
      revenueCents: money?.revenueCents ?? null,
      revenue: money ? majorUnits(money.revenueCents, money.currency) : null,
    })),
  );
  return file(`providers-${query.startDate}-${query.endDate}.csv`, PROVIDERS_CSV_COLUMNS, rows);
}

function file<Column extends string>(
  filename: string,
  columns: readonly Column[],
  rows: ReadonlyArray<CsvRecord<Column>>,
): CsvExport<Column> {
  return {
    filename,
    columns,
    records: (async function* () {
      yield* rows;
    })(),
  };
}
