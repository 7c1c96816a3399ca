-- The hosted booking page (GET /book/:tenantSlug[/:serviceSlug]); see api/README.md, "The hosted booking page".

-- A tenant can turn its page off; the description is shown on it and in its meta tags.
ALTER TABLE tenants
  ADD COLUMN "bookingPageEnabled" boolean NOT NULL DEFAULT true,
  ADD COLUMN "bookingPageDescription" text NOT NULL DEFAULT '';

-- The page's own publishable key, kept sealed with ENCRYPTION_KEY (context: the key's row id) so the
-- page can be rendered with it; every other key stays hashed only. At most one live one per tenant:
-- two first renders at once insert one row, the other finds it.
ALTER TABLE api_keys
  ADD COLUMN "bookingPage" boolean NOT NULL DEFAULT false,
  ADD COLUMN "sealedKey" text;
CREATE UNIQUE INDEX api_keys_booking_page_key ON api_keys ("tenantId") WHERE "bookingPage" AND "revokedAt" IS NULL;

-- A service's slug for /book/:tenantSlug/:serviceSlug, made from its name like slugify() in
-- domain/tenancy/slug.ts (accents are dropped here rather than folded: existing rows only).
-- Same-named services: the oldest keeps the plain slug, the others get their id's first 8 digits.
ALTER TABLE services ADD COLUMN slug text;
WITH based AS (
  SELECT id, "tenantId", "createdAt",
         COALESCE(NULLIF(trim(BOTH '-' FROM left(trim(BOTH '-' FROM regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')), 31)), ''), 'service') AS base
    FROM services
), ranked AS (
  SELECT id, base, row_number() OVER (PARTITION BY "tenantId", base ORDER BY "createdAt", id) AS n FROM based
)
UPDATE services s
   SET slug = CASE WHEN r.n = 1 THEN r.base ELSE r.base || '-' || left(s.id::text, 8) END
  FROM ranked r
 WHERE r.id = s.id;
-- Rows inserted without one (not through the API: raw SQL, benches) get a random, valid slug.
ALTER TABLE services
  ALTER COLUMN slug SET DEFAULT left('service-' || replace(gen_random_uuid()::text, '-', ''), 40),
  ALTER COLUMN slug SET NOT NULL;
CREATE UNIQUE INDEX "services_tenantId_slug_key" ON services ("tenantId", slug);
