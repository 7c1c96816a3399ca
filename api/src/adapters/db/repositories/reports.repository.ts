import { Prisma } from '../../../generated/prisma/client.ts';
import type { LedgerEntryKind } from '../../../generated/prisma/enums.ts';
import type { BucketKindSum } from '../../../domain/reports/revenue-report.ts';
import type { RevenueBasis } from '../../../domain/reports/revenue-period.ts';
import type { OutstandingRow } from '../../../domain/reports/outstanding.ts';
import { outstandingDueSql, outstandingWhereSql } from '../outstanding-sql.ts';
import type { Client } from '../prisma-client.ts';

/** Reads for reports: aggregates computed by PostgreSQL, never rows loaded into the API. */
export class ReportsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /**
   * The ledger's sums per currency, bucket and kind over the period's [from, to), in one GROUP BY.
   * A row's bucket is width_bucket() of its time over `bucketBounds` (the local midnights the
   * buckets begin at in the tenant's zone, so a day ends at the tenant's midnight and weeks start
   * on Monday): one binary search per row, no time zone conversion. `cash` takes the rows whose
   * money moved in the period; `service` the rows, whenever they moved, of the appointments that
   * start in it.
   */
  async revenueSums(
    basis: RevenueBasis,
    period: { from: Date; to: Date; bucketBounds: readonly Date[]; bucketStarts: readonly string[] },
  ): Promise<BucketKindSum[]> {
    const { from, to } = period;
    const bounds = period.bucketBounds.map((bound) => bound.toISOString());
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
      Array<{ currency: string; bucket: number; kind: LedgerEntryKind; cents: bigint }>
    >`
      WITH moved AS (SELECT l.currency, l.kind, l."amountCents", ${source})
      SELECT currency,
             width_bucket(bucket_time, ${bounds}::timestamptz[]) AS bucket,
             kind::text AS kind,
             sum("amountCents")::bigint AS cents
        FROM moved
       GROUP BY 1, 2, 3`;
    return rows.map((row) => ({
      currency: row.currency,
      // 1…n for the period's rows (all at or after the first bound); the domain rejects anything else.
      bucket: period.bucketStarts[row.bucket - 1] ?? `bucket ${row.bucket}`,
      kind: row.kind,
      cents: safeNumber(row.cents),
    }));
  }

  /**
   * What clients owe now, per currency (domain/reports/outstanding.ts): balances due after a
   * deposit, and no-show fees due. One GROUP BY over the partial index of owing appointments.
   */
  async outstanding(): Promise<OutstandingRow[]> {
    const rows = await this.db.$queryRaw<
      Array<{
        currency: string;
        depositCount: number;
        depositCents: bigint;
        feeCount: number;
        feeCents: bigint;
      }>
    >`
      SELECT currency,
             count(*) FILTER (WHERE status <> 'NO_SHOW' AND due > 0)::int AS "depositCount",
             coalesce(sum(due) FILTER (WHERE status <> 'NO_SHOW'), 0)::bigint AS "depositCents",
             count(*) FILTER (WHERE status = 'NO_SHOW' AND due > 0)::int AS "feeCount",
             coalesce(sum(due) FILTER (WHERE status = 'NO_SHOW'), 0)::bigint AS "feeCents"
        FROM (SELECT appointments.currency, appointments.status, ${outstandingDueSql} AS due
                FROM appointments
               WHERE appointments."tenantId" = ${this.tenantId}::uuid AND ${outstandingWhereSql}) owing
       GROUP BY currency
       ORDER BY currency`;
    return rows.map((row) => ({
      currency: row.currency,
      depositBalancesCount: row.depositCount,
      depositBalancesCents: safeNumber(row.depositCents),
      noShowFeesCount: row.feeCount,
      noShowFeesCents: safeNumber(row.feeCents),
    }));
  }
}

function safeNumber(value: bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`A sum past the safe integer range: ${value}`);
  return number;
}
