-- ICS subscription feeds: a secret URL per provider and one per tenant that calendar apps (Google,
-- Outlook, Apple) poll without OAuth. See api/README.md, "ICS feeds".
--
-- The URL's token is 32 random bytes; a request is matched by its SHA-256 (tokenHash, unique), so
-- the token is never compared nor stored in clear. The admin API must show the URL again, so the
-- token is also kept sealed (AES-256-GCM under ENCRYPTION_KEY, adapters/crypto/secret-box.ts,
-- bound to the tenant and provider); without ENCRYPTION_KEY tokenSealed is NULL and the URL is shown
-- only by the request that made it. Rotating replaces both in place: the old URL matches no row.
CREATE TABLE calendar_feeds (
  "id"          uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"    uuid           NOT NULL,
  -- NULL: the tenant's feed (all providers).
  "providerId"  uuid,
  "tokenHash"   text           NOT NULL CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
  -- The sealed form (v1.<key id>.<iv>.<tag>.<ciphertext>), never the token itself.
  "tokenSealed" text           CHECK ("tokenSealed" ~ '^v1\.'),
  -- When the current URL was made: created or last rotated.
  "rotatedAt"   timestamptz(3) NOT NULL,
  "createdAt"   timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "calendar_feeds_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES tenants ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "calendar_feeds_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES providers ("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "calendar_feeds_tokenHash_key" ON calendar_feeds ("tokenHash");
-- One feed per provider and one per tenant. Two partial indexes rather than UNIQUE NULLS NOT
-- DISTINCT (PostgreSQL 15+ only); an insert racing another uses ON CONFLICT DO NOTHING, which
-- any of them satisfies.
CREATE UNIQUE INDEX "calendar_feeds_one_per_provider" ON calendar_feeds ("tenantId", "providerId") WHERE "providerId" IS NOT NULL;
CREATE UNIQUE INDEX "calendar_feeds_one_per_tenant" ON calendar_feeds ("tenantId") WHERE "providerId" IS NULL;

-- Whether feeds show clients' full names and contact details; by default only first names.
ALTER TABLE tenants ADD COLUMN "icsFeedClientDetails" boolean NOT NULL DEFAULT false;
