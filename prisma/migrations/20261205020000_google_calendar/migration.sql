-- Google Calendar, both directions (issue 10).
--
-- calendar_syncs is a provider's connection to their Google calendar. Its secrets are kept sealed
-- (AES-256-GCM under ENCRYPTION_KEY, adapters/crypto/secret-box.ts, "v1.<key id>.…"), bound to the
-- row's tenant and provider, never in clear: the CHECKs refuse anything that is not a sealed value.
-- An ACTIVE connection has a refresh token; a connection that needs the provider to sign in again
-- (NEEDS_REAUTH: Google refused the token) or that was disconnected has none: a token Google no
-- longer honours, or one we were told to forget, is not kept.
ALTER TABLE calendar_syncs
  ADD CONSTRAINT "calendar_syncs_refresh_token_sealed" CHECK ("refreshToken" IS NULL OR "refreshToken" LIKE 'v1.%'),
  ADD CONSTRAINT "calendar_syncs_access_token_sealed" CHECK ("accessToken" IS NULL OR "accessToken" LIKE 'v1.%'),
  ADD CONSTRAINT "calendar_syncs_active_has_token" CHECK (("status" = 'ACTIVE') = ("refreshToken" IS NOT NULL));

-- The push channel (events.watch) Google notifies us on: its id (our UUID, in X-Goog-Channel-ID),
-- Google's id of the watched resource (needed to stop it), its expiry, and the SHA-256 (hex) of
-- the secret token Google sends back in X-Goog-Channel-Token: we only ever compare it, so only its
-- hash is stored. fullSyncedAt says when the busy blocks were last rebuilt from a full listing
-- (the window moves with time, so a full listing is repeated daily); connectedAt when the provider
-- last gave consent.
ALTER TABLE calendar_syncs
  ADD COLUMN "channelId"         TEXT,
  ADD COLUMN "channelResourceId" TEXT,
  ADD COLUMN "channelTokenHash"  TEXT,
  ADD COLUMN "channelExpiresAt"  TIMESTAMPTZ(3),
  ADD COLUMN "fullSyncedAt"      TIMESTAMPTZ(3),
  ADD COLUMN "connectedAt"       TIMESTAMPTZ(3),
  ADD CONSTRAINT "calendar_syncs_channel" CHECK (
    ("channelId" IS NULL) = ("channelTokenHash" IS NULL) AND
    ("channelId" IS NULL) = ("channelExpiresAt" IS NULL) AND
    ("channelTokenHash" IS NULL OR "channelTokenHash" ~ '^[0-9a-f]{64}$')
  );
CREATE UNIQUE INDEX "calendar_syncs_channelId_key" ON calendar_syncs ("channelId");

-- The OAuth `state` of a connection under way: single use (the callback deletes the row it finds),
-- ten minutes long, and what ties the callback to a tenant and provider. Only the SHA-256 (hex) of
-- the state is stored: a database reader cannot complete someone else's consent with it.
CREATE TABLE calendar_oauth_states (
  "id"         UUID           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"   UUID           NOT NULL,
  "providerId" UUID           NOT NULL,
  "stateHash"  TEXT           NOT NULL,
  "expiresAt"  TIMESTAMPTZ(3) NOT NULL,
  "createdAt"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "calendar_oauth_states_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "calendar_oauth_states_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "calendar_oauth_states_tenantId_providerId_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES "providers"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "calendar_oauth_states_hash" CHECK ("stateHash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "calendar_oauth_states_stateHash_key" ON calendar_oauth_states ("stateHash");
CREATE INDEX "calendar_oauth_states_expiresAt_idx" ON calendar_oauth_states ("expiresAt");

-- Whether a provider's Google event for a booking invites the client (Google then e-mails them
-- the invitation). Off by default: the client already gets our own confirmation.
ALTER TABLE tenants ADD COLUMN "calendarInviteClients" BOOLEAN NOT NULL DEFAULT false;
