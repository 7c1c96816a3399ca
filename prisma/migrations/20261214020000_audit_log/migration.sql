-- The audit log (api/README.md, "Audit log"): every state-changing admin request of a tenant, who
-- made it (key or staff session), what, when, from where, and how it ended. No foreign key to the
-- key or the account: the entry outlives them. Written by the API only by INSERT.
CREATE TABLE "audit_log_entries" (
  "id"             UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"       UUID           NOT NULL,
  "createdAt"      TIMESTAMPTZ(3) NOT NULL,
  "actorKind"      TEXT           NOT NULL CHECK ("actorKind" IN ('api_key', 'staff')),
  "apiKeyId"       UUID,
  "staffAccountId" UUID,
  "sessionId"      UUID,
  "actorLabel"     TEXT           NOT NULL,
  "method"         TEXT           NOT NULL,
  "route"          TEXT           NOT NULL,
  "targetId"       TEXT,
  "statusCode"     INTEGER        NOT NULL,
  "ip"             TEXT           NOT NULL,
  "userAgent"      TEXT           CHECK (length("userAgent") <= 300),
  "requestId"      TEXT           NOT NULL,
  CONSTRAINT "audit_log_entries_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "audit_log_entries_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "audit_log_entries_actor" CHECK (("actorKind" = 'api_key') = ("apiKeyId" IS NOT NULL) AND ("actorKind" = 'staff') = ("staffAccountId" IS NOT NULL))
);
CREATE UNIQUE INDEX "audit_log_entries_tenantId_id_key" ON "audit_log_entries"("tenantId", "id");
CREATE INDEX "audit_log_entries_tenantId_createdAt_id_idx" ON "audit_log_entries"("tenantId", "createdAt", "id");
