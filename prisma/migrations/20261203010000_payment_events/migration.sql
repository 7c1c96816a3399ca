-- Payments: each change of an appointment's payment state is a history event, and each Stripe
-- event is handled once.

ALTER TYPE "AppointmentEventType" ADD VALUE 'PAYMENT_REQUESTED';
ALTER TYPE "AppointmentEventType" ADD VALUE 'PAID';
ALTER TYPE "AppointmentEventType" ADD VALUE 'PAYMENT_FAILED';
ALTER TYPE "AppointmentEventType" ADD VALUE 'REFUNDED';

-- One payment row per PaymentIntent and appointment; payments are looked up by intent.
CREATE UNIQUE INDEX "payments_tenantId_appointmentId_id_key" ON payments ("tenantId", "appointmentId", id);

-- Stripe events already handled (webhooks arrive twice, late and out of order). Platform-wide:
-- Stripe's event ids are unique across accounts; the account says which tenant it was for.
CREATE TABLE stripe_events (
  id           text PRIMARY KEY CHECK (id ~ '^evt_'),
  type         text NOT NULL,
  account      text,
  "receivedAt" timestamptz(3) NOT NULL DEFAULT now()
);
