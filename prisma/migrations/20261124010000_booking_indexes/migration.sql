-- Busy-time reads of the slot engine: live appointments of some providers (or
-- resources) overlapping a range. Partial on the live statuses, like the
-- exclusion constraints, so cancelled history does not slow them down.
CREATE INDEX "appointments_live_provider_occupied_idx"
  ON "appointments" ("tenantId", "providerId", "occupiedStartUtc")
  WHERE "status" IN ('PENDING', 'CONFIRMED');
CREATE INDEX "appointments_live_resource_occupied_idx"
  ON "appointments" ("tenantId", "resourceId", "occupiedStartUtc")
  WHERE "status" IN ('PENDING', 'CONFIRMED') AND "resourceId" IS NOT NULL;
CREATE INDEX "busy_blocks_tenantId_providerId_endTimeUtc_idx"
  ON "busy_blocks" ("tenantId", "providerId", "endTimeUtc");
