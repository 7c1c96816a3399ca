-- Staff notes about a client (the console's Clients area). A client is lower("clientEmail") within a
-- tenant, as in the clients report; notes are read newest first per client.
CREATE TABLE client_notes (
  "id"              uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"        uuid           NOT NULL,
  "clientEmail"     text           NOT NULL CHECK ("clientEmail" = lower("clientEmail") AND length("clientEmail") BETWEEN 3 AND 254),
  "body"            text           NOT NULL CHECK (length("body") BETWEEN 1 AND 5000),
  -- The staff account that wrote it, NULL for a secret key. Not a foreign key: an account may be
  -- deleted, and its notes keep the name it had (authorName).
  "authorAccountId" uuid,
  "authorName"      text           NOT NULL CHECK (length("authorName") BETWEEN 1 AND 200),
  "createdAt"       timestamptz(3) NOT NULL DEFAULT now(),
  "updatedAt"       timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "client_notes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "client_notes_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES tenants ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "client_notes_tenantId_clientEmail_createdAt_idx" ON client_notes ("tenantId", "clientEmail", "createdAt");
