-- The revenue report's cash basis and the ledger listing read a tenant's rows by time; with the
-- amounts in the index itself the report is an index-only scan (no visit to the table's pages),
-- which matters once a tenant is a small part of a large table. Same key as before, so every query
-- that used the old index uses this one. See api/README.md, "The revenue report".
DROP INDEX "ledger_entries_tenantId_occurredAt_idx";
CREATE INDEX "ledger_entries_tenantId_occurredAt_idx" ON "ledger_entries" ("tenantId", "occurredAt")
  INCLUDE ("currency", "kind", "amountCents");

-- The providers report counts a class's session once, grouping the seats of sessions whose key is
-- not the appointment's own id (a 1:1 booking's session is itself, take-slot.ts). Only class seats
-- are in this index, so that grouping reads them alone instead of the period's every appointment.
-- The predicate is the report's (provider-reports.repository.ts) word for word: PostgreSQL uses a
-- partial index only when the query's WHERE implies it.
CREATE INDEX "appointments_class_seats_idx" ON "appointments" ("tenantId", "startTimeUtc")
  WHERE "sessionKey" <> id::text;
