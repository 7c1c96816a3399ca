-- Invoices and receipts (issue 11). See api/README.md, "Invoices and receipts".
--
-- An invoice is issued in the transaction that records a booking's first money (card or venue).
-- Its number comes from invoice_counters, one row per tenant, incremented by an upsert in that
-- same transaction: the row stays locked until the transaction ends, so invoices of one tenant
-- are numbered one after the other, and a transaction that rolls back takes its increment with it
-- (no gap). A sequence would be faster but hands out numbers that a rollback burns.
CREATE TABLE invoice_counters (
  "tenantId"   uuid    NOT NULL,
  "lastNumber" integer NOT NULL DEFAULT 0 CHECK ("lastNumber" >= 0),
  CONSTRAINT "invoice_counters_pkey" PRIMARY KEY ("tenantId"),
  CONSTRAINT "invoice_counters_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES tenants ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- What an invoice shows of the business. No row: the tenant's name, no address, no tax.
CREATE TABLE invoice_settings (
  "tenantId"           uuid           NOT NULL,
  -- NULL: the tenant's name.
  "legalName"          text,
  -- Multi-line postal address, lines separated by "\n".
  "address"            text,
  "taxId"              text,
  -- PNG or JPEG, at most 256 KB, checked by its magic bytes before it is stored; never fetched.
  "logo"               bytea          CHECK (octet_length("logo") <= 262144),
  "logoType"           text           CHECK ("logoType" IN ('image/png', 'image/jpeg')),
  -- 0–10000: 1900 is 19 %.
  "taxRateBasisPoints" integer        NOT NULL DEFAULT 0 CHECK ("taxRateBasisPoints" BETWEEN 0 AND 10000),
  -- true: prices include the tax; false: the tax is added on top of them.
  "taxInclusive"       boolean        NOT NULL DEFAULT true,
  "updatedAt"          timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "invoice_settings_pkey" PRIMARY KEY ("tenantId"),
  CONSTRAINT "invoice_settings_logo_pair" CHECK (("logo" IS NULL) = ("logoType" IS NULL)),
  CONSTRAINT "invoice_settings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES tenants ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The figures and lines of an invoice are fixed when it is issued: a later change of the tax rate,
-- the service's name or the business's address does not rewrite an invoice already given.
ALTER TABLE invoices
  ADD COLUMN "subtotalCents"      integer NOT NULL DEFAULT 0,
  ADD COLUMN "taxCents"           integer NOT NULL DEFAULT 0,
  ADD COLUMN "taxRateBasisPoints" integer NOT NULL DEFAULT 0,
  ADD COLUMN "taxInclusive"       boolean NOT NULL DEFAULT true,
  -- { seller, client, lines, locale }: see domain/invoices/invoice-details.ts.
  ADD COLUMN "details"            jsonb   NOT NULL DEFAULT '{}',
  ADD CONSTRAINT "invoices_number_positive" CHECK ("number" > 0),
  ADD CONSTRAINT "invoices_totals" CHECK ("totalCents" = "subtotalCents" + "taxCents");
-- One invoice per booking (the issuing transaction also holds the booking's lock).
CREATE UNIQUE INDEX "invoices_tenantId_appointmentId_key" ON invoices ("tenantId", "appointmentId");
-- The listing: a period of issuedAt, keyset (issuedAt, id).
CREATE INDEX "invoices_tenantId_issuedAt_id_idx" ON invoices ("tenantId", "issuedAt", "id");
