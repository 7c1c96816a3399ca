-- Staff accounts, sign-in sessions, invite/reset tokens and sign-in lockout (issue 12).
-- See api/README.md, "Staff accounts and sessions".
CREATE TYPE "StaffRole" AS ENUM ('OWNER', 'MANAGER', 'PROVIDER');
CREATE TYPE "StaffTokenKind" AS ENUM ('INVITE', 'RESET');

CREATE TABLE staff_accounts (
  "id"           uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"     uuid           NOT NULL,
  -- Stored lower-cased (checked): one account per address and tenant.
  "email"        text           NOT NULL CHECK ("email" = lower("email") AND length("email") BETWEEN 3 AND 254),
  "name"         text           NOT NULL CHECK (length("name") BETWEEN 1 AND 200),
  "role"         "StaffRole"    NOT NULL,
  "providerId"   uuid,
  -- scrypt$N$r$p$salt$hash; NULL until an invited account sets its password.
  "passwordHash" text,
  "createdAt"    timestamptz(3) NOT NULL DEFAULT now(),
  "updatedAt"    timestamptz(3) NOT NULL DEFAULT now(),
  "disabledAt"   timestamptz(3),
  CONSTRAINT "staff_accounts_pkey" PRIMARY KEY ("id"),
  -- A provider account acts for exactly one provider; others for none.
  CONSTRAINT "staff_accounts_provider_role" CHECK (("role" = 'PROVIDER') = ("providerId" IS NOT NULL)),
  CONSTRAINT "staff_accounts_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES tenants ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "staff_accounts_provider_fkey" FOREIGN KEY ("tenantId", "providerId") REFERENCES providers ("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "staff_accounts_tenantId_email_key" ON staff_accounts ("tenantId", "email");
CREATE UNIQUE INDEX "staff_accounts_tenantId_id_key" ON staff_accounts ("tenantId", "id");
-- Sign-in looks an address up across tenants.
CREATE INDEX "staff_accounts_email_idx" ON staff_accounts ("email");
CREATE INDEX "staff_accounts_tenantId_createdAt_idx" ON staff_accounts ("tenantId", "createdAt");

-- Only SHA-256 of the cookie's token and of the CSRF token are kept.
CREATE TABLE staff_sessions (
  "id"            uuid           NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"      uuid           NOT NULL,
  "accountId"     uuid           NOT NULL,
  "tokenHash"     text           NOT NULL,
  "csrfTokenHash" text           NOT NULL,
  "createdAt"     timestamptz(3) NOT NULL DEFAULT now(),
  "lastSeenAt"    timestamptz(3) NOT NULL DEFAULT now(),
  -- The absolute end; the idle end is lastSeenAt + the idle limit (domain/staff/session-policy.ts).
  "expiresAt"     timestamptz(3) NOT NULL,
  "revokedAt"     timestamptz(3),
  CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "staff_sessions_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES tenants ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "staff_sessions_account_fkey" FOREIGN KEY ("tenantId", "accountId") REFERENCES staff_accounts ("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "staff_sessions_tokenHash_key" ON staff_sessions ("tokenHash");
CREATE INDEX "staff_sessions_tenantId_accountId_idx" ON staff_sessions ("tenantId", "accountId");

-- Invite and password-reset tokens: single-use (usedAt set by one conditional UPDATE), expiring.
CREATE TABLE staff_tokens (
  "id"        uuid             NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"  uuid             NOT NULL,
  "accountId" uuid             NOT NULL,
  "kind"      "StaffTokenKind" NOT NULL,
  "tokenHash" text             NOT NULL,
  "createdAt" timestamptz(3)   NOT NULL DEFAULT now(),
  "expiresAt" timestamptz(3)   NOT NULL,
  "usedAt"    timestamptz(3),
  CONSTRAINT "staff_tokens_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "staff_tokens_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES tenants ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "staff_tokens_account_fkey" FOREIGN KEY ("tenantId", "accountId") REFERENCES staff_accounts ("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "staff_tokens_tokenHash_key" ON staff_tokens ("tokenHash");
CREATE INDEX "staff_tokens_tenantId_accountId_idx" ON staff_tokens ("tenantId", "accountId");

-- Failed sign-ins per address (SHA-256 of the lower-cased email, whether or not an account
-- exists), across tenants. Each attempt locks its row (SELECT … FOR UPDATE) while the password
-- is checked, so concurrent attempts are counted one after the other.
CREATE TABLE sign_in_attempts (
  "emailHash"   text           NOT NULL,
  "failures"    integer        NOT NULL DEFAULT 0 CHECK ("failures" >= 0),
  "lockedUntil" timestamptz(3),
  "updatedAt"   timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("emailHash")
);

-- A staff email's link token (invitation, password reset) is a secret: the outbox body keeps a
-- placeholder and the token itself is kept here sealed (AES-256-GCM under ENCRYPTION_KEY), put in
-- only as the email leaves, as manage tokens are.
ALTER TABLE outbox_messages ADD COLUMN "linkTokenSealed" text CHECK ("linkTokenSealed" ~ '^v1\.');
