-- The clients report (GET /v1/tenant-admin/reports/clients, …/clients/:email): a client is
-- lower("clientEmail") within a tenant. One client's history and totals are read through this
-- index (one probe, newest first) rather than a scan of the tenant's appointments. Prisma cannot
-- express an expression index: see the comment on model Appointment in schema.prisma.
CREATE INDEX "appointments_tenantId_client_email_idx"
  ON "appointments" ("tenantId", lower("clientEmail"), "startTimeUtc");
