-- No-show protection and cards kept for later charges (a balance, a no-show fee).
--
-- A service may charge a fee when the client does not come: a fixed amount per seat or a share of
-- the booking's price. The fee is fixed on the booking when it is made (appointments.noShowFeeCents,
-- like its price), so changing the service later does not change what a booked client agreed to.

ALTER TYPE "PaymentKind" ADD VALUE 'NO_SHOW_FEE';
ALTER TYPE "AppointmentEventType" ADD VALUE 'CARD_SAVED';

-- A no-show fee taken at the venue (the card was declined, or none was kept): like BALANCE_VENUE,
-- positive and outside Stripe. The constraints compare the kind as text: an enum value added in
-- a transaction cannot be used as one in it.
ALTER TYPE "LedgerEntryKind" ADD VALUE 'NO_SHOW_FEE_VENUE' AFTER 'NO_SHOW_FEE';
ALTER TABLE ledger_entries
  DROP CONSTRAINT "ledger_entries_sign",
  ADD CONSTRAINT "ledger_entries_sign" CHECK (
    "correctsEntryId" IS NOT NULL OR CASE
      WHEN "kind"::text IN ('CHARGE', 'DEPOSIT', 'BALANCE_CARD', 'BALANCE_VENUE', 'NO_SHOW_FEE', 'NO_SHOW_FEE_VENUE', 'DISPUTE_REVERSAL')
        THEN "amountCents" > 0
      WHEN "kind"::text IN ('REFUND', 'DISPUTE') THEN "amountCents" < 0
      ELSE true
    END
  ),
  DROP CONSTRAINT "ledger_entries_stripe_ids",
  ADD CONSTRAINT "ledger_entries_stripe_ids" CHECK (
    ("stripeBalanceTransactionId" IS NULL OR "stripeBalanceTransactionId" ~ '^txn_[A-Za-z0-9]+$') AND
    COALESCE(CASE
      WHEN "correctsEntryId" IS NOT NULL OR "kind"::text IN ('BALANCE_VENUE', 'NO_SHOW_FEE_VENUE')
        THEN "stripeObjectId" IS NULL AND "stripeBalanceTransactionId" IS NULL
      WHEN "kind"::text IN ('CHARGE', 'DEPOSIT', 'BALANCE_CARD', 'NO_SHOW_FEE')
        THEN "stripeObjectId" ~ '^(ch|py)_[A-Za-z0-9]+$'
      WHEN "kind"::text = 'REFUND'
        THEN "stripeObjectId" ~ '^(re|pyr)_[A-Za-z0-9]+$'
      WHEN "kind"::text IN ('DISPUTE', 'DISPUTE_REVERSAL')
        THEN "stripeObjectId" ~ '^(dp|du)_[A-Za-z0-9]+$'
      WHEN "kind"::text IN ('STRIPE_FEE', 'PLATFORM_FEE')
        THEN "stripeObjectId" ~ '^txn_[A-Za-z0-9]+$' AND "stripeBalanceTransactionId" = "stripeObjectId"
    END, false)
  );

ALTER TABLE services
  ADD COLUMN "noShowFeeCents"   INTEGER,
  ADD COLUMN "noShowFeePercent" INTEGER,
  ADD CONSTRAINT "services_no_show_fee" CHECK (
    ("noShowFeeCents" IS NULL OR "noShowFeeCents" >= 1) AND
    ("noShowFeePercent" IS NULL OR "noShowFeePercent" BETWEEN 1 AND 100) AND
    NOT ("noShowFeeCents" IS NOT NULL AND "noShowFeePercent" IS NOT NULL)
  );

-- paidCents and refundedCents are what the appointment's succeeded payments brought in and what
-- was refunded of them, kept by the two write paths that change them (settle-payment and
-- collect-balance through markPaid, record-refund through markRefunded), so what is still due is
-- read from the row (domain/payments/amount-due.ts) without summing payments for every list.
-- The card on file: the Stripe customer and payment method on the tenant's connected account
-- (ids, not secrets: only the platform's secret key can charge them), and the SetupIntent that
-- saves a card for a booking with nothing to pay up front.
ALTER TABLE appointments
  ADD COLUMN "noShowFeeCents"        INTEGER NOT NULL DEFAULT 0 CHECK ("noShowFeeCents" >= 0),
  ADD COLUMN "paidCents"             INTEGER NOT NULL DEFAULT 0 CHECK ("paidCents" >= 0),
  ADD COLUMN "refundedCents"         INTEGER NOT NULL DEFAULT 0 CHECK ("refundedCents" >= 0),
  ADD COLUMN "stripeCustomerId"      TEXT CHECK ("stripeCustomerId" ~ '^cus_'),
  ADD COLUMN "stripePaymentMethodId" TEXT CHECK ("stripePaymentMethodId" ~ '^pm_'),
  ADD COLUMN "stripeSetupIntentId"   TEXT UNIQUE CHECK ("stripeSetupIntentId" ~ '^seti_'),
  ADD CONSTRAINT "appointments_refunds_within_payments" CHECK ("refundedCents" <= "paidCents");

UPDATE appointments a
   SET "paidCents" = coalesce((
         SELECT sum(p."amountCents") FROM payments p
          WHERE p."tenantId" = a."tenantId" AND p."appointmentId" = a.id AND p.status = 'SUCCEEDED'), 0),
       "refundedCents" = coalesce((
         SELECT sum(r."amountCents") FROM refunds r JOIN payments p ON p.id = r."paymentId"
          WHERE p."tenantId" = a."tenantId" AND p."appointmentId" = a.id AND r.status = 'SUCCEEDED'), 0);
