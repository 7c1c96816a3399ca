-- The money ledger, the tenant's Stripe account, and how late a booking may be moved.

-- Every movement of an appointment's money, one row each, never changed (see
-- api/README.md, "The ledger", and api/src/domain/ledger/). Amounts are signed
-- minor units: money towards the business is positive, money leaving it
-- (refunds, disputes, fees) negative.
--
--   kind              sign  Stripe object (stripeObjectId)
--   CHARGE             +    ch_/py_  a card payment of the whole price
--   DEPOSIT            +    ch_/py_  a card payment of a deposit
--   BALANCE_CARD       +    ch_/py_  a card payment of the rest after a deposit
--   BALANCE_VENUE      +    none     the rest paid at the venue, outside Stripe
--   NO_SHOW_FEE        +    ch_/py_  a card charge of a no-show or late-cancellation fee
--   REFUND             −    re_/pyr_ money returned to the client
--   DISPUTE            −    dp_/du_  disputed money withdrawn by the bank
--   DISPUTE_REVERSAL   +    dp_/du_  disputed money reinstated (dispute won)
--   STRIPE_FEE         ±    txn_     Stripe's fee on a balance transaction (+ when Stripe returns it)
--   PLATFORM_FEE       ±    txn_     our application fee on a balance transaction (+ when returned)
--
-- A correction is a new row pointing at the row it corrects (correctsEntryId),
-- with any sign and no Stripe ids of its own: it belongs to the movement of the
-- row it corrects.
CREATE TYPE "LedgerEntryKind" AS ENUM (
  'CHARGE', 'DEPOSIT', 'BALANCE_CARD', 'BALANCE_VENUE', 'NO_SHOW_FEE',
  'REFUND', 'DISPUTE', 'DISPUTE_REVERSAL', 'STRIPE_FEE', 'PLATFORM_FEE'
);

-- Ledger rows point at refunds with (tenantId, id), like every reference between tenant rows.
CREATE UNIQUE INDEX "refunds_tenantId_id_key" ON "refunds"("tenantId", "id");

CREATE TABLE "ledger_entries" (
  "id"                         UUID              NOT NULL DEFAULT gen_random_uuid(),
  "tenantId"                   UUID              NOT NULL,
  "appointmentId"              UUID              NOT NULL,
  "paymentId"                  UUID,
  "refundId"                   UUID,
  "kind"                       "LedgerEntryKind" NOT NULL,
  "amountCents"                INTEGER           NOT NULL,
  "currency"                   CHAR(3)           NOT NULL,
  "stripeObjectId"             TEXT,
  "stripeBalanceTransactionId" TEXT,
  "correctsEntryId"            UUID,
  "occurredAt"                 TIMESTAMPTZ(3)    NOT NULL,
  "createdAt"                  TIMESTAMPTZ(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
  -- Money history outlives nothing it refers to: a tenant, appointment, payment
  -- or refund with ledger rows cannot be deleted.
  CONSTRAINT "ledger_entries_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ledger_entries_tenantId_appointmentId_fkey" FOREIGN KEY ("tenantId", "appointmentId") REFERENCES "appointments"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ledger_entries_tenantId_paymentId_fkey" FOREIGN KEY ("tenantId", "paymentId") REFERENCES "payments"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ledger_entries_tenantId_refundId_fkey" FOREIGN KEY ("tenantId", "refundId") REFERENCES "refunds"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("amountCents" <> 0),
  CONSTRAINT "ledger_entries_currency_format" CHECK ("currency" ~ '^[A-Z]{3}$'),
  CONSTRAINT "ledger_entries_not_self_correcting" CHECK ("correctsEntryId" <> "id"),
  -- The sign of each kind (the table above); a correction may have either.
  CONSTRAINT "ledger_entries_sign" CHECK (
    "correctsEntryId" IS NOT NULL OR CASE
      WHEN "kind" IN ('CHARGE', 'DEPOSIT', 'BALANCE_CARD', 'BALANCE_VENUE', 'NO_SHOW_FEE', 'DISPUTE_REVERSAL') THEN "amountCents" > 0
      WHEN "kind" IN ('REFUND', 'DISPUTE') THEN "amountCents" < 0
      ELSE true
    END
  ),
  -- What identifies a movement (the unique index below): the Stripe object that
  -- moved the money, of the right type for the kind; for fees, the balance
  -- transaction that charged them, because one object can be charged fees more
  -- than once (a dispute when it opens and again when it is won). Venue payments
  -- and corrections carry no Stripe ids.
  CONSTRAINT "ledger_entries_stripe_ids" CHECK (
    ("stripeBalanceTransactionId" IS NULL OR "stripeBalanceTransactionId" ~ '^txn_[A-Za-z0-9]+$') AND
    COALESCE(CASE
      WHEN "correctsEntryId" IS NOT NULL OR "kind" = 'BALANCE_VENUE'
        THEN "stripeObjectId" IS NULL AND "stripeBalanceTransactionId" IS NULL
      WHEN "kind" IN ('CHARGE', 'DEPOSIT', 'BALANCE_CARD', 'NO_SHOW_FEE')
        THEN "stripeObjectId" ~ '^(ch|py)_[A-Za-z0-9]+$'
      WHEN "kind" = 'REFUND'
        THEN "stripeObjectId" ~ '^(re|pyr)_[A-Za-z0-9]+$'
      WHEN "kind" IN ('DISPUTE', 'DISPUTE_REVERSAL')
        THEN "stripeObjectId" ~ '^(dp|du)_[A-Za-z0-9]+$'
      WHEN "kind" IN ('STRIPE_FEE', 'PLATFORM_FEE')
        THEN "stripeObjectId" ~ '^txn_[A-Za-z0-9]+$' AND "stripeBalanceTransactionId" = "stripeObjectId"
    END, false)
  )
);
-- One Stripe movement is recorded once: a webhook delivered twice, or a webhook
-- and a reconciliation run, meet this index. Rows without Stripe ids never
-- collide (NULLs are distinct).
CREATE UNIQUE INDEX "ledger_entries_tenantId_kind_stripeObjectId_key" ON "ledger_entries"("tenantId", "kind", "stripeObjectId");
-- …and one charge is one payment, of one kind (not a DEPOSIT and a CHARGE both).
CREATE UNIQUE INDEX "ledger_entries_one_payment_per_charge" ON "ledger_entries"("tenantId", "stripeObjectId")
  WHERE "kind" IN ('CHARGE', 'DEPOSIT', 'BALANCE_CARD', 'NO_SHOW_FEE');
-- An appointment's money (its leading columns), and the key corrections refer to.
CREATE UNIQUE INDEX "ledger_entries_tenantId_appointmentId_id_key" ON "ledger_entries"("tenantId", "appointmentId", "id");
-- Reports over a period.
CREATE INDEX "ledger_entries_tenantId_occurredAt_idx" ON "ledger_entries"("tenantId", "occurredAt");
-- A correction stays within its tenant and appointment.
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenantId_appointmentId_correctsEntryId_fkey"
  FOREIGN KEY ("tenantId", "appointmentId", "correctsEntryId") REFERENCES "ledger_entries"("tenantId", "appointmentId", "id")
  ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is append-only: a wrong row is corrected by a new row, never
-- edited or removed, so every report can be re-derived and audited.
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: record a correction instead';
END $$;
CREATE TRIGGER "ledger_entries_no_update_or_delete" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();

-- The tenant's connected Stripe account (acct_…); the platform's fee is configuration.
ALTER TABLE "tenants" ADD COLUMN "stripeAccountId" TEXT;
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_stripeAccountId_format" CHECK ("stripeAccountId" ~ '^acct_[A-Za-z0-9]+$');
CREATE UNIQUE INDEX "tenants_stripeAccountId_key" ON "tenants"("stripeAccountId");

-- A client may reschedule until this many hours before the start; null = the
-- policy sets no such limit.
ALTER TABLE "cancellation_policies" ADD COLUMN "rescheduleAllowedUntilHours" INTEGER;
ALTER TABLE "cancellation_policies" ADD CONSTRAINT "cancellation_policies_reschedule_hours" CHECK ("rescheduleAllowedUntilHours" >= 0);
