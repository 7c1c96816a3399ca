-- The revenue report's outstanding figures (GET /v1/tenant-admin/reports/revenue, `outstanding`):
-- only the appointments that still owe money (a balance after a deposit, or a no-show fee), so the
-- figures read a few rows, not the tenant's whole history. The predicate is outstandingWhereSql
-- (api/src/adapters/db/outstanding-sql.ts) word for word: PostgreSQL uses a partial index only
-- when the query's WHERE implies it. Prisma cannot express a partial index: see the comment on
-- model Appointment in schema.prisma.
CREATE INDEX "appointments_outstanding_idx"
  ON "appointments" ("tenantId", currency)
  WHERE ((status IN ('PENDING', 'CONFIRMED', 'COMPLETED')
          AND "paidCents" > 0 AND "refundedCents" = 0
          AND "totalAmountCents" > "paidCents")
     OR (status = 'NO_SHOW'
          AND "noShowFeeCents" > "paidCents" - "refundedCents"));
