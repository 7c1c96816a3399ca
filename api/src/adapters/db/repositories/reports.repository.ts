import { Prisma } from '../../../generated/prisma/client.ts';
import type { LedgerEntryKind } from '../../../generated/prisma/enums.ts';
import type { BucketKindSum } from '../../../domain/reports/revenue-report.ts';
import type { ReportInterval, RevenueBasis } from '../../../domain/reports/revenue-period.ts';
import type { Client } from '../prisma-client.ts';

/** Reads for reports: aggregates computed by PostgreSQL, never rows loaded into the API. */
export class ReportsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /**
   * The ledger's sums per currency, bucket and kind over [from, to), in one GROUP BY. A bucket is
   * date_trunc of the local wall time in `zone` (so a day ends at the tenant's midnight and weeks
   * start on Monday), named by its first day. `cash` takes the rows whose money moved in the
   * period; `service` the rows, whenever they moved, of the appointments that start in it.
   */
  async revenueSums(
    basis: RevenueBasis,
    interval: ReportInterval,
    zone: string,
    from: Date,
    to: Date,
  ): Promise<BucketKindSum[]> {
    const source =
      basis === 'cash'
        ? Prisma.sql`l."occurredAt" AS bucket_time
             FROM ledger_entries l
            WHERE l."tenantId" = ${this.tenantId}::uuid AND l."occurredAt" >= ${from} AND l."occurredAt" < ${to}`
        : Prisma.sql`a."startTimeUtc" AS bucket_time
             FROM appointments a
             JOIN ledger_entries l ON l."tenantId" = a."tenantId" AND l."appointmentId" = a.id
            WHERE a."tenantId" = ${this.tenantId}::uuid
              AND a."startTimeUtc" >= ${from} AND a."startTimeUtc" < ${to}`;
    // bigint: a year of a busy tenant can pass int4's 21 million in minor units.
    const rows = await this.db.$queryRaw<
      Array<{ currency: string; bucket: string; kind: LedgerEntryKind; cents: bigint }>
    >`
      WITH moved AS (SELECT l.currency, l.kind, l."amountCents", ${source})
      SELECT currency,
             to_char(date_trunc(${interval}, bucket_time AT TIME ZONE ${zone}), 'YYYY-MM-DD') AS bucket,
             kind::text AS kind,
             sum("amountCents")::bigint AS cents
        FROM moved
       GROUP BY 1, 2, 3`;
    return rows.map((row) => ({
      currency: row.currency,
      bucket: row.bucket,
      kind: row.kind,
      cents: safeNumber(row.cents),
    }));
  }
}

function safeNumber(value: bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`A sum past the safe integer range: ${value}`);
  return number;
}
