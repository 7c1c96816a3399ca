-- The whole MAIS Scheduling data model. Written by hand: Prisma cannot express the
-- exclusion constraints, CHECKs and partial indexes below. prisma/schema.prisma
-- mirrors these tables for the client; api/test/schema-drift.test.ts keeps them in step.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "ApiKeyKind" AS ENUM ('PUBLISHABLE', 'SECRET');
CREATE TYPE "ApiKeyMode" AS ENUM ('LIVE', 'TEST');
CREATE TYPE "PaymentMode" AS ENUM ('NONE', 'DEPOSIT', 'FULL');
CREATE TYPE "AppointmentStatus" AS ENUM ('PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW');
CREATE TYPE "PaymentStatus" AS ENUM ('NOT_REQUIRED', 'AWAITING_PAYMENT', 'DEPOSIT_PAID', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'FAILED');
CREATE TYPE "IntakeFieldType" AS ENUM ('TEXT', 'TEXTAREA', 'SELECT', 'CHECKBOX', 'DATE', 'PHONE', 'EMAIL');
CREATE TYPE "PaymentKind" AS ENUM ('DEPOSIT', 'FULL', 'BALANCE');
CREATE TYPE "PaymentRecordStatus" AS ENUM ('REQUIRES_PAYMENT', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED');
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "CalendarSyncStatus" AS ENUM ('ACTIVE', 'NEEDS_REAUTH', 'DISCONNECTED');
CREATE TYPE "BusyBlockSource" AS ENUM ('GOOGLE', 'MANUAL');
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- Wall-clock times of day, "00:00" to "24:00".
CREATE DOMAIN wall_time AS TEXT CHECK (VALUE ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$');

CREATE TABLE "tenants" (
  "id"             UUID           NOT NULL DEFAULT gen_random_uuid(),
  "slug"           TEXT           NOT NULL,
  "name"           TEXT           NOT NULL,
  "timezone"       TEXT           NOT NULL,
  "currency"       CHAR(3)        NOT NULL,
  "allowedOrigins" TEXT[]         NOT NULL DEFAULT ARRAY[]::TEXT[],
  "branding"       JSONB          NOT NULL DEFAULT '{}',
  "createdAt"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "tenants_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "tenants_slug_format" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  CONSTRAINT "tenants_currency_format" CHECK ("currency" ~ '^[A-Z]{3}$')
);
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

CREATE TABLE "api_keys" (
  "id"         UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"   UUID           NOT NULL,
  "kind"       "ApiKeyKind"   NOT NULL,
  "mode"       "ApiKeyMode"   NOT NULL,
  "name"       TEXT,
  "prefix"     TEXT           NOT NULL,
  "hash"       TEXT           NOT NULL,
  "createdAt"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lastUsedAt" TIMESTAMPTZ(3),
  "revokedAt"  TIMESTAMPTZ(3),
  CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "api_keys_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");
CREATE UNIQUE INDEX "api_keys_tenantId_id_key" ON "api_keys"("tenantId", "id");
CREATE INDEX "api_keys_tenantId_createdAt_idx" ON "api_keys"("tenantId", "createdAt");

CREATE TABLE "services" (
  "id"                   UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"             UUID           NOT NULL,
  "name"                 TEXT           NOT NULL,
  "description"          TEXT           NOT NULL DEFAULT '',
  "durationMinutes"      INTEGER        NOT NULL,
  "bufferBeforeMinutes"  INTEGER        NOT NULL DEFAULT 0,
  "bufferAfterMinutes"   INTEGER        NOT NULL DEFAULT 0,
  "slotIntervalMinutes"  INTEGER        NOT NULL,
  "minimumNoticeMinutes" INTEGER        NOT NULL DEFAULT 0,
  "bookingWindowDays"    INTEGER        NOT NULL DEFAULT 60,
  "capacity"             INTEGER        NOT NULL DEFAULT 1,
  "priceBaseCents"       INTEGER        NOT NULL,
  "currency"             CHAR(3)        NOT NULL,
  "paymentMode"          "PaymentMode"  NOT NULL DEFAULT 'NONE',
  "depositCents"         INTEGER,
  "depositPercent"       INTEGER,
  "timezone"             TEXT,
  "active"               BOOLEAN        NOT NULL DEFAULT true,
  "sortOrder"            INTEGER        NOT NULL DEFAULT 0,
  "createdAt"            TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"            TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "services_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "services_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "services_duration_positive" CHECK ("durationMinutes" > 0),
  CONSTRAINT "services_buffers_nonnegative" CHECK ("bufferBeforeMinutes" >= 0 AND "bufferAfterMinutes" >= 0),
  CONSTRAINT "services_interval_positive" CHECK ("slotIntervalMinutes" > 0),
  CONSTRAINT "services_notice_nonnegative" CHECK ("minimumNoticeMinutes" >= 0),
  CONSTRAINT "services_window_positive" CHECK ("bookingWindowDays" > 0),
  CONSTRAINT "services_capacity_positive" CHECK ("capacity" >= 1),
  CONSTRAINT "services_price_nonnegative" CHECK ("priceBaseCents" >= 0),
  CONSTRAINT "services_deposit" CHECK (
    ("depositCents" IS NULL OR "depositCents" >= 0) AND
    ("depositPercent" IS NULL OR "depositPercent" BETWEEN 1 AND 100) AND
    NOT ("depositCents" IS NOT NULL AND "depositPercent" IS NOT NULL)
  )
);
CREATE UNIQUE INDEX "services_tenantId_id_key" ON "services"("tenantId", "id");
CREATE INDEX "services_tenantId_sortOrder_createdAt_idx" ON "services"("tenantId", "sortOrder", "createdAt");

CREATE TABLE "providers" (
  "id"        UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"  UUID           NOT NULL,
  "name"      TEXT           NOT NULL,
  "email"     TEXT           NOT NULL,
  "phone"     TEXT,
  "timezone"  TEXT,
  "active"    BOOLEAN        NOT NULL DEFAULT true,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "providers_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "providers_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "providers_tenantId_id_key" ON "providers"("tenantId", "id");
CREATE INDEX "providers_tenantId_createdAt_idx" ON "providers"("tenantId", "createdAt");

CREATE TABLE "provider_services" (
  "tenantId"           UUID    NOT NULL,
  "providerId"         UUID    NOT NULL,
  "serviceId"          UUID    NOT NULL,
  "priceOverrideCents" INTEGER,
  CONSTRAINT "provider_services_pkey" PRIMARY KEY ("providerId", "serviceId"),
  CONSTRAINT "provider_services_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "provider_services_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES "providers"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "provider_services_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "services"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "provider_services_price_nonnegative" CHECK ("priceOverrideCents" IS NULL OR "priceOverrideCents" >= 0)
);
CREATE INDEX "provider_services_tenantId_serviceId_idx" ON "provider_services"("tenantId", "serviceId");

CREATE TABLE "resources" (
  "id"        UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"  UUID           NOT NULL,
  "name"      TEXT           NOT NULL,
  "kind"      TEXT           NOT NULL,
  "capacity"  INTEGER        NOT NULL DEFAULT 1,
  "active"    BOOLEAN        NOT NULL DEFAULT true,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "resources_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "resources_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "resources_capacity_positive" CHECK ("capacity" >= 1)
);
CREATE UNIQUE INDEX "resources_tenantId_id_key" ON "resources"("tenantId", "id");
CREATE INDEX "resources_tenantId_createdAt_idx" ON "resources"("tenantId", "createdAt");

CREATE TABLE "service_resources" (
  "tenantId"   UUID NOT NULL,
  "serviceId"  UUID NOT NULL,
  "resourceId" UUID NOT NULL,
  CONSTRAINT "service_resources_pkey" PRIMARY KEY ("serviceId", "resourceId"),
  CONSTRAINT "service_resources_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "service_resources_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "services"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "service_resources_tenantId_resourceId_fkey" FOREIGN KEY ("tenantId", "resourceId") REFERENCES "resources"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "service_resources_tenantId_resourceId_idx" ON "service_resources"("tenantId", "resourceId");

CREATE TABLE "availability_rules" (
  "id"            UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"      UUID           NOT NULL,
  "serviceId"     UUID,
  "providerId"    UUID,
  "dayOfWeek"     INTEGER        NOT NULL,
  "startTime"     wall_time      NOT NULL,
  "endTime"       wall_time      NOT NULL,
  "effectiveFrom" DATE,
  "effectiveTo"   DATE,
  "createdAt"     TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "availability_rules_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "availability_rules_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "availability_rules_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "services"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "availability_rules_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES "providers"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "availability_rules_owner" CHECK ("serviceId" IS NOT NULL OR "providerId" IS NOT NULL),
  CONSTRAINT "availability_rules_day" CHECK ("dayOfWeek" BETWEEN 0 AND 6),
  CONSTRAINT "availability_rules_effective" CHECK ("effectiveFrom" IS NULL OR "effectiveTo" IS NULL OR "effectiveFrom" <= "effectiveTo")
);
CREATE INDEX "availability_rules_tenantId_providerId_idx" ON "availability_rules"("tenantId", "providerId");
CREATE INDEX "availability_rules_tenantId_serviceId_idx" ON "availability_rules"("tenantId", "serviceId");

CREATE TABLE "availability_overrides" (
  "id"         UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"   UUID           NOT NULL,
  "providerId" UUID,
  "date"       DATE           NOT NULL,
  "closed"     BOOLEAN        NOT NULL,
  "startTime"  wall_time,
  "endTime"    wall_time,
  "reason"     TEXT,
  "createdAt"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "availability_overrides_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "availability_overrides_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "availability_overrides_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES "providers"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "availability_overrides_hours" CHECK (
    ("closed" AND "startTime" IS NULL AND "endTime" IS NULL) OR
    (NOT "closed" AND "startTime" IS NOT NULL AND "endTime" IS NOT NULL)
  )
);
CREATE UNIQUE INDEX "availability_overrides_tenantId_id_key" ON "availability_overrides"("tenantId", "id");
CREATE INDEX "availability_overrides_tenantId_date_idx" ON "availability_overrides"("tenantId", "date");

CREATE TABLE "appointments" (
  "id"                 UUID                NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"           UUID                NOT NULL,
  "serviceId"          UUID                NOT NULL,
  "providerId"         UUID,
  "resourceId"         UUID,
  "clientName"         TEXT                NOT NULL,
  "clientEmail"        TEXT                NOT NULL,
  "clientPhone"        TEXT,
  "clientTimezone"     TEXT                NOT NULL,
  "startTimeUtc"       TIMESTAMPTZ(3)      NOT NULL,
  "endTimeUtc"         TIMESTAMPTZ(3)      NOT NULL,
  "occupiedStartUtc"   TIMESTAMPTZ(3)      NOT NULL,
  "occupiedEndUtc"     TIMESTAMPTZ(3)      NOT NULL,
  "sessionKey"         TEXT                NOT NULL,
  "seats"              INTEGER             NOT NULL DEFAULT 1,
  "status"             "AppointmentStatus" NOT NULL,
  "holdExpiresAt"      TIMESTAMPTZ(3),
  "paymentStatus"      "PaymentStatus"     NOT NULL DEFAULT 'NOT_REQUIRED',
  "currency"           CHAR(3)             NOT NULL,
  "totalAmountCents"   INTEGER             NOT NULL,
  "depositAmountCents" INTEGER             NOT NULL DEFAULT 0,
  "manageTokenHash"    TEXT                NOT NULL,
  "idempotencyKey"     TEXT,
  "rescheduledFromId"  UUID,
  "googleEventId"      TEXT,
  "notes"              TEXT,
  "cancellationReason" TEXT,
  "createdAt"          TIMESTAMPTZ(3)      NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"          TIMESTAMPTZ(3)      NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "confirmedAt"        TIMESTAMPTZ(3),
  "cancelledAt"        TIMESTAMPTZ(3),
  "completedAt"        TIMESTAMPTZ(3),
  CONSTRAINT "appointments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "appointments_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "appointments_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "services"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "appointments_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES "providers"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "appointments_tenantId_resourceId_fkey" FOREIGN KEY ("tenantId", "resourceId") REFERENCES "resources"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "appointments_times" CHECK ("startTimeUtc" < "endTimeUtc" AND "occupiedStartUtc" <= "startTimeUtc" AND "occupiedEndUtc" >= "endTimeUtc"),
  CONSTRAINT "appointments_seats_positive" CHECK ("seats" >= 1),
  CONSTRAINT "appointments_amounts_nonnegative" CHECK ("totalAmountCents" >= 0 AND "depositAmountCents" >= 0 AND "depositAmountCents" <= "totalAmountCents"),
  CONSTRAINT "appointments_hold" CHECK ("status" <> 'PENDING' OR "holdExpiresAt" IS NOT NULL),
  -- The last line of defence against double bookings (see api/README.md, "Decisions").
  -- Two live appointments of one provider (or resource) may not hold overlapping time,
  -- buffers included, unless they are seats of the same session (a class). Expired
  -- PENDING holds are released (set CANCELLED) inside the booking transaction before
  -- the insert, because a constraint's predicate cannot read the clock.
  CONSTRAINT "appointments_no_provider_overlap" EXCLUDE USING gist (
    "tenantId" WITH =,
    "providerId" WITH =,
    tstzrange("occupiedStartUtc", "occupiedEndUtc", '[)') WITH &&,
    "sessionKey" WITH <>
  ) WHERE ("status" IN ('PENDING', 'CONFIRMED') AND "providerId" IS NOT NULL),
  CONSTRAINT "appointments_no_resource_overlap" EXCLUDE USING gist (
    "tenantId" WITH =,
    "resourceId" WITH =,
    tstzrange("occupiedStartUtc", "occupiedEndUtc", '[)') WITH &&,
    "sessionKey" WITH <>
  ) WHERE ("status" IN ('PENDING', 'CONFIRMED') AND "resourceId" IS NOT NULL)
);
CREATE UNIQUE INDEX "appointments_tenantId_id_key" ON "appointments"("tenantId", "id");
CREATE UNIQUE INDEX "appointments_tenantId_idempotencyKey_key" ON "appointments"("tenantId", "idempotencyKey");
CREATE INDEX "appointments_tenantId_startTimeUtc_idx" ON "appointments"("tenantId", "startTimeUtc");
CREATE INDEX "appointments_tenantId_providerId_startTimeUtc_idx" ON "appointments"("tenantId", "providerId", "startTimeUtc");
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenantId_rescheduledFromId_fkey" FOREIGN KEY ("tenantId", "rescheduledFromId") REFERENCES "appointments"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "cancellation_policies" (
  "id"        UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"  UUID           NOT NULL,
  "serviceId" UUID,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cancellation_policies_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cancellation_policies_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cancellation_policies_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "services"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "cancellation_policies_tenantId_id_key" ON "cancellation_policies"("tenantId", "id");
-- One default policy per tenant and at most one per service.
CREATE UNIQUE INDEX "cancellation_policies_default_key" ON "cancellation_policies"("tenantId") WHERE "serviceId" IS NULL;
CREATE UNIQUE INDEX "cancellation_policies_service_key" ON "cancellation_policies"("tenantId", "serviceId") WHERE "serviceId" IS NOT NULL;

CREATE TABLE "cancellation_policy_tiers" (
  "id"               UUID    NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"         UUID    NOT NULL,
  "policyId"         UUID    NOT NULL,
  "hoursBeforeStart" INTEGER NOT NULL,
  "feePercentage"    INTEGER,
  "feeFixedCents"    INTEGER,
  CONSTRAINT "cancellation_policy_tiers_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cancellation_policy_tiers_tenantId_policyId_fkey" FOREIGN KEY ("tenantId", "policyId") REFERENCES "cancellation_policies"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cancellation_policy_tiers_hours" CHECK ("hoursBeforeStart" >= 0),
  CONSTRAINT "cancellation_policy_tiers_fee" CHECK (
    ("feePercentage" IS NOT NULL AND "feeFixedCents" IS NULL AND "feePercentage" BETWEEN 0 AND 100) OR
    ("feePercentage" IS NULL AND "feeFixedCents" IS NOT NULL AND "feeFixedCents" >= 0)
  )
);
CREATE UNIQUE INDEX "cancellation_policy_tiers_policyId_hoursBeforeStart_key" ON "cancellation_policy_tiers"("policyId", "hoursBeforeStart");

CREATE TABLE "intake_form_fields" (
  "id"          UUID              NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"    UUID              NOT NULL,
  "serviceId"   UUID              NOT NULL,
  "label"       TEXT              NOT NULL,
  "fieldType"   "IntakeFieldType" NOT NULL,
  "required"    BOOLEAN           NOT NULL DEFAULT false,
  "options"     TEXT[]            NOT NULL DEFAULT ARRAY[]::TEXT[],
  "placeholder" TEXT,
  "sortOrder"   INTEGER           NOT NULL DEFAULT 0,
  "active"      BOOLEAN           NOT NULL DEFAULT true,
  "createdAt"   TIMESTAMPTZ(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "intake_form_fields_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "intake_form_fields_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "intake_form_fields_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "services"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "intake_form_fields_tenantId_id_key" ON "intake_form_fields"("tenantId", "id");
CREATE INDEX "intake_form_fields_tenantId_serviceId_sortOrder_idx" ON "intake_form_fields"("tenantId", "serviceId", "sortOrder");

CREATE TABLE "intake_form_responses" (
  "id"            UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"      UUID           NOT NULL,
  "appointmentId" UUID           NOT NULL,
  "fieldId"       UUID           NOT NULL,
  "label"         TEXT           NOT NULL,
  "value"         JSONB          NOT NULL,
  "createdAt"     TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "intake_form_responses_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "intake_form_responses_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "intake_form_responses_tenantId_appointmentId_fkey" FOREIGN KEY ("tenantId", "appointmentId") REFERENCES "appointments"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "intake_form_responses_tenantId_fieldId_fkey" FOREIGN KEY ("tenantId", "fieldId") REFERENCES "intake_form_fields"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "intake_form_responses_appointmentId_fieldId_key" ON "intake_form_responses"("appointmentId", "fieldId");

CREATE TABLE "payments" (
  "id"                    UUID                  NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"              UUID                  NOT NULL,
  "appointmentId"         UUID                  NOT NULL,
  "kind"                  "PaymentKind"         NOT NULL,
  "status"                "PaymentRecordStatus" NOT NULL,
  "amountCents"           INTEGER               NOT NULL,
  "currency"              CHAR(3)               NOT NULL,
  "stripePaymentIntentId" TEXT,
  "createdAt"             TIMESTAMPTZ(3)        NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"             TIMESTAMPTZ(3)        NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "succeededAt"           TIMESTAMPTZ(3),
  CONSTRAINT "payments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "payments_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "payments_tenantId_appointmentId_fkey" FOREIGN KEY ("tenantId", "appointmentId") REFERENCES "appointments"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "payments_amount_positive" CHECK ("amountCents" > 0)
);
CREATE UNIQUE INDEX "payments_stripePaymentIntentId_key" ON "payments"("stripePaymentIntentId");
CREATE UNIQUE INDEX "payments_tenantId_id_key" ON "payments"("tenantId", "id");
CREATE INDEX "payments_tenantId_createdAt_idx" ON "payments"("tenantId", "createdAt");

CREATE TABLE "refunds" (
  "id"             UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"       UUID           NOT NULL,
  "paymentId"      UUID           NOT NULL,
  "amountCents"    INTEGER        NOT NULL,
  "currency"       CHAR(3)        NOT NULL,
  "status"         "RefundStatus" NOT NULL,
  "reason"         TEXT,
  "stripeRefundId" TEXT,
  "createdAt"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "refunds_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "refunds_tenantId_paymentId_fkey" FOREIGN KEY ("tenantId", "paymentId") REFERENCES "payments"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "refunds_amount_positive" CHECK ("amountCents" > 0)
);
CREATE UNIQUE INDEX "refunds_stripeRefundId_key" ON "refunds"("stripeRefundId");
CREATE INDEX "refunds_tenantId_createdAt_idx" ON "refunds"("tenantId", "createdAt");

CREATE TABLE "invoices" (
  "id"            UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"      UUID           NOT NULL,
  "appointmentId" UUID           NOT NULL,
  "number"        INTEGER        NOT NULL,
  "totalCents"    INTEGER        NOT NULL,
  "currency"      CHAR(3)        NOT NULL,
  "issuedAt"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "invoices_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "invoices_tenantId_appointmentId_fkey" FOREIGN KEY ("tenantId", "appointmentId") REFERENCES "appointments"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "invoices_tenantId_number_key" ON "invoices"("tenantId", "number");

CREATE TABLE "calendar_syncs" (
  "id"              UUID                 NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"        UUID                 NOT NULL,
  "providerId"      UUID                 NOT NULL,
  "calendarId"      TEXT                 NOT NULL DEFAULT 'primary',
  "refreshToken"    TEXT,
  "accessToken"     TEXT,
  "accessExpiresAt" TIMESTAMPTZ(3),
  "syncToken"       TEXT,
  "status"          "CalendarSyncStatus" NOT NULL DEFAULT 'ACTIVE',
  "lastSyncedAt"    TIMESTAMPTZ(3),
  "lastError"       TEXT,
  "createdAt"       TIMESTAMPTZ(3)       NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"       TIMESTAMPTZ(3)       NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "calendar_syncs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "calendar_syncs_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "calendar_syncs_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES "providers"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "calendar_syncs_tenantId_providerId_key" ON "calendar_syncs"("tenantId", "providerId");

CREATE TABLE "busy_blocks" (
  "id"           UUID              NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"     UUID              NOT NULL,
  "providerId"   UUID              NOT NULL,
  "startTimeUtc" TIMESTAMPTZ(3)    NOT NULL,
  "endTimeUtc"   TIMESTAMPTZ(3)    NOT NULL,
  "source"       "BusyBlockSource" NOT NULL,
  "externalId"   TEXT,
  "summary"      TEXT,
  "createdAt"    TIMESTAMPTZ(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "busy_blocks_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "busy_blocks_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "busy_blocks_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES "providers"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "busy_blocks_times" CHECK ("startTimeUtc" < "endTimeUtc")
);
CREATE UNIQUE INDEX "busy_blocks_providerId_source_externalId_key" ON "busy_blocks"("providerId", "source", "externalId");
CREATE INDEX "busy_blocks_tenantId_providerId_startTimeUtc_idx" ON "busy_blocks"("tenantId", "providerId", "startTimeUtc");

CREATE TABLE "outbox_messages" (
  "id"                UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"          UUID           NOT NULL,
  "appointmentId"     UUID,
  "kind"              TEXT           NOT NULL,
  "channel"           TEXT           NOT NULL DEFAULT 'email',
  "recipient"         TEXT           NOT NULL,
  "dedupeKey"         TEXT           NOT NULL,
  "status"            "OutboxStatus" NOT NULL DEFAULT 'PENDING',
  "scheduledFor"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "attempts"          INTEGER        NOT NULL DEFAULT 0,
  "providerMessageId" TEXT,
  "lastError"         TEXT,
  "sentAt"            TIMESTAMPTZ(3),
  "createdAt"         TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "outbox_messages_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "outbox_messages_tenantId_appointmentId_fkey" FOREIGN KEY ("tenantId", "appointmentId") REFERENCES "appointments"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "outbox_messages_tenantId_dedupeKey_key" ON "outbox_messages"("tenantId", "dedupeKey");
CREATE INDEX "outbox_messages_status_scheduledFor_idx" ON "outbox_messages"("status", "scheduledFor");

CREATE TABLE "idempotency_records" (
  "id"             UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"       UUID           NOT NULL,
  "key"            TEXT           NOT NULL,
  "scope"          TEXT           NOT NULL,
  "requestHash"    TEXT           NOT NULL,
  "responseStatus" INTEGER,
  "responseBody"   JSONB,
  "createdAt"      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "idempotency_records_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "idempotency_records_tenantId_scope_key_key" ON "idempotency_records"("tenantId", "scope", "key");
