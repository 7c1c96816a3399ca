-- The appointment history, secrets out of idempotency storage.

-- An append-only history of every appointment: what notifications, calendar
-- sync and outgoing webhooks read. "seq" increases by one per event within a
-- tenant, in commit order: it is taken from tenant_event_sequences, whose row
-- lock is held until the writing transaction commits, so a reader that follows
-- the sequence never sees event N+1 before event N has committed.
CREATE TYPE "AppointmentEventType" AS ENUM ('CREATED', 'HELD', 'CONFIRMED', 'RESCHEDULED', 'CANCELLED', 'COMPLETED', 'NO_SHOW');
CREATE TYPE "Actor" AS ENUM ('CLIENT', 'ADMIN', 'SYSTEM');

CREATE TABLE "tenant_event_sequences" (
  "tenantId" UUID   NOT NULL,
  "lastSeq"  BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "tenant_event_sequences_pkey" PRIMARY KEY ("tenantId"),
  CONSTRAINT "tenant_event_sequences_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "appointment_events" (
  "tenantId"      UUID                   NOT NULL,
  "seq"           BIGINT                 NOT NULL,
  "appointmentId" UUID                   NOT NULL,
  "type"          "AppointmentEventType" NOT NULL,
  "actor"         "Actor"                NOT NULL,
  "data"          JSONB                  NOT NULL DEFAULT '{}',
  "occurredAt"    TIMESTAMPTZ(3)         NOT NULL,
  CONSTRAINT "appointment_events_pkey" PRIMARY KEY ("tenantId", "seq"),
  CONSTRAINT "appointment_events_tenantId_appointmentId_fkey" FOREIGN KEY ("tenantId", "appointmentId") REFERENCES "appointments"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "appointment_events_tenantId_appointmentId_seq_idx" ON "appointment_events"("tenantId", "appointmentId", "seq");

-- History is never rewritten (rows go only with their tenant or appointment).
CREATE FUNCTION appointment_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'appointment_events is append-only';
END $$;
CREATE TRIGGER "appointment_events_no_update" BEFORE UPDATE ON "appointment_events"
  FOR EACH ROW EXECUTE FUNCTION appointment_events_append_only();

-- What existed before the history began gets one event each, so every
-- appointment has a history.
INSERT INTO "tenant_event_sequences" ("tenantId", "lastSeq")
  SELECT "tenantId", count(*) FROM "appointments" GROUP BY "tenantId";
INSERT INTO "appointment_events" ("tenantId", "seq", "appointmentId", "type", "actor", "data", "occurredAt")
  SELECT "tenantId",
         row_number() OVER (PARTITION BY "tenantId" ORDER BY "createdAt", "id"),
         "id",
         CASE WHEN "status" = 'PENDING' THEN 'HELD'::"AppointmentEventType" ELSE 'CREATED'::"AppointmentEventType" END,
         'SYSTEM',
         jsonb_build_object('startTimeUtc', "startTimeUtc", 'endTimeUtc', "endTimeUtc", 'migrated', true),
         "createdAt"
    FROM "appointments";

-- Idempotency keys are secrets of the client: store their hashes only. The
-- key on an appointment row becomes SHA-256 hex of what was stored.
UPDATE "appointments" SET "idempotencyKey" = encode(sha256(convert_to("idempotencyKey", 'UTF8')), 'hex')
 WHERE "idempotencyKey" IS NOT NULL;

-- Stored answers may carry secrets (manage tokens, new API keys): they are now
-- encrypted with a key derived from the Idempotency-Key itself, which only the
-- client holds. Old clear answers are dropped: they are at most hours old.
DELETE FROM "idempotency_records";
ALTER TABLE "idempotency_records" DROP COLUMN "responseBody";
ALTER TABLE "idempotency_records" ADD COLUMN "responseCiphertext" BYTEA;
ALTER TABLE "idempotency_records" RENAME COLUMN "key" TO "keyHash";
DROP INDEX "idempotency_records_tenantId_scope_key_key";
CREATE UNIQUE INDEX "idempotency_records_tenantId_scope_keyHash_key" ON "idempotency_records"("tenantId", "scope", "keyHash");
CREATE INDEX "idempotency_records_createdAt_idx" ON "idempotency_records"("createdAt");
