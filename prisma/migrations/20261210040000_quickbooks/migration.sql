-- QuickBooks Online sync (issue 11): a tenant's connection to one QuickBooks company, the OAuth
-- states of connections under way, and what was pushed there.
--
-- quickbooks_connections: one per tenant. Its tokens are sealed (SecretBox, "v1.<key id>.…",
-- bound to the tenant and column), never in clear: the CHECKs refuse anything else. An ACTIVE
-- connection has a refresh token; NEEDS_REAUTH (Intuit refused the grant) and DISCONNECTED have none.
-- backfillFrom/To: a period the tenant asked to push again (POST …/quickbooks/sync), waiting for
-- the minutely quickbooks.backfill job, which turns it into one push job per appointment.
CREATE TYPE "QuickBooksConnectionStatus" AS ENUM ('ACTIVE', 'NEEDS_REAUTH', 'DISCONNECTED');

CREATE TABLE quickbooks_connections (
  "id"              UUID                         NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"        UUID                         NOT NULL,
  "realmId"         TEXT                         NOT NULL,
  "status"          "QuickBooksConnectionStatus" NOT NULL DEFAULT 'ACTIVE',
  "refreshToken"    TEXT,
  "accessToken"     TEXT,
  "accessExpiresAt" TIMESTAMPTZ(3),
  "connectedAt"     TIMESTAMPTZ(3)               NOT NULL,
  "lastSyncedAt"    TIMESTAMPTZ(3),
  "lastError"       TEXT,
  "failures"        INTEGER                      NOT NULL DEFAULT 0,
  "backfillFrom"    TIMESTAMPTZ(3),
  "backfillTo"      TIMESTAMPTZ(3),
  "createdAt"       TIMESTAMPTZ(3)               NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"       TIMESTAMPTZ(3)               NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "quickbooks_connections_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "quickbooks_connections_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "quickbooks_connections_realm" CHECK ("realmId" ~ '^[0-9]{1,32}$'),
  CONSTRAINT "quickbooks_connections_refresh_token_sealed" CHECK ("refreshToken" IS NULL OR "refreshToken" LIKE 'v1.%'),
  CONSTRAINT "quickbooks_connections_access_token_sealed" CHECK ("accessToken" IS NULL OR "accessToken" LIKE 'v1.%'),
  CONSTRAINT "quickbooks_connections_active_has_token" CHECK (("status" = 'ACTIVE') = ("refreshToken" IS NOT NULL)),
  CONSTRAINT "quickbooks_connections_backfill" CHECK (("backfillFrom" IS NULL) = ("backfillTo" IS NULL) AND ("backfillFrom" IS NULL OR "backfillFrom" < "backfillTo"))
);
CREATE UNIQUE INDEX "quickbooks_connections_tenantId_key" ON quickbooks_connections ("tenantId");

-- The OAuth `state` of a connection under way: single use (the callback deletes the row it finds),
-- ten minutes long; only its SHA-256 (hex) is stored.
CREATE TABLE quickbooks_oauth_states (
  "id"        UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"  UUID           NOT NULL,
  "stateHash" TEXT           NOT NULL,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "quickbooks_oauth_states_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "quickbooks_oauth_states_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "quickbooks_oauth_states_hash" CHECK ("stateHash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "quickbooks_oauth_states_stateHash_key" ON quickbooks_oauth_states ("stateHash");
CREATE INDEX "quickbooks_oauth_states_expiresAt_idx" ON quickbooks_oauth_states ("expiresAt");

-- One row per payment or refund pushed (or being pushed) to QuickBooks: the one receipt it may
-- have. A push claims its row (PENDING, claimedUntil) before calling QuickBooks, so two pushes of
-- the same money at once make one call; a claim whose holder died lapses, and the next push asks
-- again with the same requestid, which QuickBooks answers with the receipt already made.
CREATE TYPE "QuickBooksSourceKind" AS ENUM ('PAYMENT', 'REFUND');
CREATE TYPE "QuickBooksPushStatus" AS ENUM ('PENDING', 'PUSHED');

CREATE TABLE quickbooks_pushes (
  "id"           UUID                   NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"     UUID                   NOT NULL,
  "sourceKind"   "QuickBooksSourceKind" NOT NULL,
  "sourceId"     UUID                   NOT NULL,
  "status"       "QuickBooksPushStatus" NOT NULL DEFAULT 'PENDING',
  "claimedUntil" TIMESTAMPTZ(3),
  "attempts"     INTEGER                NOT NULL DEFAULT 1,
  "realmId"      TEXT,
  "quickbooksId" TEXT,
  "lastError"    TEXT,
  "pushedAt"     TIMESTAMPTZ(3),
  "createdAt"    TIMESTAMPTZ(3)         NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "quickbooks_pushes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "quickbooks_pushes_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "quickbooks_pushes_pushed" CHECK (("status" = 'PUSHED') = ("quickbooksId" IS NOT NULL))
);
CREATE UNIQUE INDEX "quickbooks_pushes_tenantId_sourceKind_sourceId_key" ON quickbooks_pushes ("tenantId", "sourceKind", "sourceId");
