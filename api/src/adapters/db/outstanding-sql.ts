import { Prisma } from '../../generated/prisma/client.ts';

/**
 * domain/reports/outstanding.ts (over domain/payments/amount-due.ts) in SQL, for a table aliased
 * as `appointments`: `due` is what the client still owes, `where` picks the appointments that owe
 * something. `where` is written exactly as the predicate of the partial index
 * appointments_outstanding_idx (migration 20261210010000_report_indexes), so PostgreSQL reads
 * only those rows: keep the two identical.
 */
export const outstandingDueSql = Prisma.sql`CASE
    WHEN appointments.status = 'NO_SHOW'
      THEN greatest(0, appointments."noShowFeeCents" - (appointments."paidCents" - appointments."refundedCents"))
    WHEN appointments."refundedCents" > 0 THEN 0
    ELSE greatest(0, appointments."totalAmountCents" - appointments."paidCents")
  END`;

export const outstandingWhereSql = Prisma.sql`((appointments.status IN ('PENDING', 'CONFIRMED', 'COMPLETED')
      AND appointments."paidCents" > 0 AND appointments."refundedCents" = 0
      AND appointments."totalAmountCents" > appointments."paidCents")
  OR (appointments.status = 'NO_SHOW'
      AND appointments."noShowFeeCents" > appointments."paidCents" - appointments."refundedCents"))`;
