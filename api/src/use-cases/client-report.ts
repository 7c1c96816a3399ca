import type { CsvExport } from '../adapters/csv/csv-stream.ts';
import type { ClientFilter } from '../adapters/db/repositories/client-reports.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { majorUnits, spreadsheetText } from '../domain/exports/csv-cells.ts';
import { decodeClientCursor, type ClientPosition } from '../domain/reports/client-cursor.ts';
import { clientPage, REPEAT_VISITS, repeatRate } from '../domain/reports/client-report.ts';
import { reportPeriod } from '../domain/reports/revenue-period.ts';

export interface ClientReportQuery {
  startDate: string;
  endDate: string;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The days startDate…endDate of `zone` as instants, with the search; throws ValidationError for a bad range. */
function filterOf(query: Omit<ClientReportQuery, 'cursor' | 'limit'>, zone: string): ClientFilter {
  // 'month' allows the revenue report's longest range (a year); the buckets are not used.
  const { from, to } = reportPeriod({ ...query, interval: 'month' }, zone);
  return { from, to, q: query.q };
}

/**
 * The clients with an appointment starting in the period: a page of them by name with their
 * figures (period and lifetime), and the period's repeat rate. Two statements: the page with the
 * counts, and its clients' money.
 */
export async function clientReport(scope: TenantScope, query: ClientReportQuery, zone: string) {
  const filter = filterOf(query, zone);
  const after = query.cursor === undefined ? undefined : decodeClientCursor(query.cursor);
  const { clients, repeatClients, rows } = await scope.clientReports.page(
    filter,
    after,
    query.limit + 1,
    REPEAT_VISITS,
  );
  const money = await scope.clientReports.money(rows.slice(0, query.limit).map((row) => row.email));
  const page = clientPage(rows, money, query.limit);
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    timezone: zone,
    clients,
    repeatClients,
    repeatRate: repeatRate(clients, repeatClients),
    data: page.data.map((row) => ({
      ...row,
      firstVisit: row.firstVisit?.toISOString() ?? null,
      lastVisit: row.lastVisit?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}

export const CLIENT_CSV_COLUMNS = [
  'email',
  'name',
  'bookings',
  'visits',
  'noShows',
  'cancellations',
  'lifetimeVisits',
  'firstVisit',
  'lastVisit',
  'repeat',
  'currency',
  'lifetimeValueCents',
  'lifetimeValue',
] as const;
type ClientColumn = (typeof CLIENT_CSV_COLUMNS)[number];

/**
 * Clients per statement of the CSV. Each batch groups the tenant's appointments again, so batches
 * are large: 20,000 clients are 4 statements, and memory holds 5,000 rows.
 */
const CSV_BATCH = 5_000;

/**
 * The clients report as CSV: every client of the period (with the search), in the report's order,
 * read in keyset batches so memory holds one batch. One row per client and currency of their
 * lifetime value (a client without money: one row, currency empty), so a spreadsheet can sum a
 * currency's column. The period is checked before anything is read.
 */
export function exportClientReport(
  scope: TenantScope,
  query: { startDate: string; endDate: string; q?: string | undefined },
  zone: string,
  batchSize = CSV_BATCH,
): CsvExport<ClientColumn> {
  const filter = filterOf(query, zone);
  return {
    filename: `clients-${query.startDate}-${query.endDate}.csv`,
    columns: CLIENT_CSV_COLUMNS,
    records: (async function* () {
      let after: ClientPosition | undefined;
      for (;;) {
        const { rows: figures } = await scope.clientReports.page(filter, after, batchSize, REPEAT_VISITS);
        const money = await scope.clientReports.money(figures.map((row) => row.email));
        for (const row of clientPage(figures, money, batchSize).data) {
          const cells = {
            email: spreadsheetText(row.email),
            name: spreadsheetText(row.name),
            bookings: row.bookings,
            visits: row.visits,
            noShows: row.noShows,
            cancellations: row.cancellations,
            lifetimeVisits: row.lifetimeVisits,
            firstVisit: row.firstVisit?.toISOString() ?? null,
            lastVisit: row.lastVisit?.toISOString() ?? null,
            repeat: row.repeat ? 'true' : 'false',
          };
          if (row.lifetimeValue.length === 0) {
            yield { ...cells, currency: null, lifetimeValueCents: null, lifetimeValue: null };
          }
          for (const { currency, netCents } of row.lifetimeValue) {
            yield {
              ...cells,
              currency,
              lifetimeValueCents: netCents,
              lifetimeValue: majorUnits(netCents, currency),
            };
          }
        }
        if (figures.length < batchSize) return;
        after = figures.at(-1);
      }
    })(),
  };
}
