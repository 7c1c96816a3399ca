-- Outgoing webhooks (api/README.md, "Outgoing webhooks"): a tenant's endpoints and every event
-- delivered to them, with the last attempt's outcome.
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "webhook_endpoints" (
  "id"                      UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"                UUID           NOT NULL,
  "url"                     TEXT           NOT NULL CHECK (length("url") BETWEEN 1 AND 2048),
  "description"             TEXT           NOT NULL DEFAULT '' CHECK (length("description") <= 500),
  "events"                  TEXT[]         NOT NULL CHECK (cardinality("events") >= 1),
  "secretSealed"            TEXT           NOT NULL,
  "previousSecretSealed"    TEXT,
  "previousSecretExpiresAt" TIMESTAMPTZ(3),
  "enabled"                 BOOLEAN        NOT NULL DEFAULT true,
  "disabledReason"          TEXT           CHECK ("disabledReason" IN ('manual', 'failing')),
  "disabledAt"              TIMESTAMPTZ(3),
  "lastSuccessAt"           TIMESTAMPTZ(3),
  "createdAt"               TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"               TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "webhook_endpoints_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "webhook_endpoints_previous_secret_expires" CHECK (("previousSecretSealed" IS NULL) = ("previousSecretExpiresAt" IS NULL))
);
CREATE UNIQUE INDEX "webhook_endpoints_tenantId_id_key" ON "webhook_endpoints"("tenantId", "id");
CREATE INDEX "webhook_endpoints_tenantId_createdAt_idx" ON "webhook_endpoints"("tenantId", "createdAt");

CREATE TABLE "webhook_deliveries" (
  "id"             UUID                    NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"       UUID                    NOT NULL,
  "endpointId"     UUID                    NOT NULL,
  "eventId"        TEXT                    NOT NULL,
  "eventType"      TEXT                    NOT NULL,
  "payload"        JSONB                   NOT NULL,
  "status"         "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
  "attempts"       INTEGER                 NOT NULL DEFAULT 0 CHECK ("attempts" >= 0),
  "lastAttemptAt"  TIMESTAMPTZ(3),
  "responseStatus" INTEGER,
  "responseBody"   TEXT CHECK (length("responseBody") <= 1024),
  "lastError"      TEXT,
  "deliveredAt"    TIMESTAMPTZ(3),
  "redeliveryOf"   UUID,
  "queuedAt"       TIMESTAMPTZ(3),
  "createdAt"      TIMESTAMPTZ(3)          NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "webhook_deliveries_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "webhook_deliveries_tenantId_endpointId_fkey" FOREIGN KEY ("tenantId", "endpointId") REFERENCES "webhook_endpoints"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "webhook_deliveries_tenantId_id_key" ON "webhook_deliveries"("tenantId", "id");
CREATE INDEX "webhook_deliveries_tenantId_endpointId_createdAt_id_idx" ON "webhook_deliveries"("tenantId", "endpointId", "createdAt", "id");
-- The dispatcher queues each event once per endpoint, even if it reads the event twice.
CREATE UNIQUE INDEX "webhook_deliveries_one_per_event" ON "webhook_deliveries"("tenantId", "endpointId", "eventId") WHERE "redeliveryOf" IS NULL;
-- The worker's poll finds deliveries without a job yet (made by the dispatcher or a redelivery).
CREATE INDEX "webhook_deliveries_waiting_idx" ON "webhook_deliveries"("createdAt") WHERE "queuedAt" IS NULL;
