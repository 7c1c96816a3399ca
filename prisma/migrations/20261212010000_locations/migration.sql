-- Locations: where a tenant's services are performed (the console's Resources area). A service may
-- name one; the public service answer shows its name and address.
CREATE TABLE "locations" (
  "id"           UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"     UUID           NOT NULL,
  "name"         TEXT           NOT NULL CHECK (length("name") BETWEEN 1 AND 200),
  "addressLines" TEXT[]         NOT NULL DEFAULT ARRAY[]::TEXT[] CHECK (cardinality("addressLines") <= 3),
  "city"         TEXT           NOT NULL DEFAULT '' CHECK (length("city") <= 100),
  "postalCode"   TEXT           NOT NULL DEFAULT '' CHECK (length("postalCode") <= 20),
  "country"      CHAR(2)        CHECK ("country" ~ '^[A-Z]{2}$'),
  "phone"        TEXT,
  "timezone"     TEXT,
  "active"       BOOLEAN        NOT NULL DEFAULT true,
  "createdAt"    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "locations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "locations_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "locations_tenantId_id_key" ON "locations"("tenantId", "id");
CREATE UNIQUE INDEX "locations_tenantId_name_key" ON "locations"("tenantId", "name");
CREATE INDEX "locations_tenantId_createdAt_idx" ON "locations"("tenantId", "createdAt");

-- A service's place. Composite key: another tenant's location cannot be named. RESTRICT: a location
-- in use is not deleted (the API answers 409 location_in_use first).
ALTER TABLE "services" ADD COLUMN "locationId" UUID;
ALTER TABLE "services" ADD CONSTRAINT "services_tenantId_locationId_fkey"
  FOREIGN KEY ("tenantId", "locationId") REFERENCES "locations"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "services_tenantId_locationId_idx" ON "services"("tenantId", "locationId");
