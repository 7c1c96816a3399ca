-- Notifications (issue 10): email confirmations and reminders through an outbox, SMS reminders,
-- .ics invitations. See api/README.md, "Notifications: the outbox first, then Postmark".

-- The language the client booked in (the widget's), for every message about the booking.
ALTER TABLE appointments
  ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en',
  ADD CONSTRAINT "appointments_locale" CHECK ("locale" IN ('en', 'es'));

-- The manage token that emails carry, kept apart from the one the booking answered with (only its
-- hash is stored, and a retried booking replaces it): its SHA-256 (accepted like the other) and
-- the token sealed with ENCRYPTION_KEY (SecretBox), so that every email about the booking can put
-- the same token in its link. Made when the first such email is sent; null without a key.
ALTER TABLE appointments
  ADD COLUMN "emailTokenHash" TEXT,
  ADD COLUMN "emailTokenSealed" TEXT,
  ADD CONSTRAINT "appointments_email_token_pair" CHECK (("emailTokenHash" IS NULL) = ("emailTokenSealed" IS NULL));

-- When reminders go, in minutes before the start: at most 5, each from 1 minute to 30 days.
ALTER TABLE services
  ADD COLUMN "reminderOffsetsMinutes" INTEGER[] NOT NULL DEFAULT '{1440,60}',
  ADD CONSTRAINT "services_reminder_offsets" CHECK (
    cardinality("reminderOffsetsMinutes") <= 5
    AND array_position("reminderOffsetsMinutes", NULL) IS NULL
    AND 1 <= ALL ("reminderOffsetsMinutes") AND 43200 >= ALL ("reminderOffsetsMinutes"));

-- Reminders by SMS too, to clients who gave a phone number. The page of the tenant's site with the
-- booking widget: links in emails open the booking there (?mais-appointment=…&mais-token=…).
ALTER TABLE tenants
  ADD COLUMN "smsReminders" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "bookingPageUrl" TEXT,
  ADD CONSTRAINT "tenants_booking_page_url" CHECK ("bookingPageUrl" ~ '^https?://');

-- SENDING: handed to the provider and not known to have arrived (a crash, a timeout). A retry asks
-- Postmark whether it went out (by the outboxId in its metadata) before sending again.
ALTER TYPE "OutboxStatus" ADD VALUE 'SENDING' BEFORE 'SENT';

-- What each message says, as built (the outbox route shows it, so a platform without Postmark
-- still shows what would have been sent). A manage token never is: bodies hold a placeholder that
-- is filled in at sending time. `sendBy`: a reminder is not sent after its window.
ALTER TABLE outbox_messages
  ADD COLUMN "subject" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "textBody" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "htmlBody" TEXT,
  ADD COLUMN "ics" TEXT,
  ADD COLUMN "sendBy" TIMESTAMPTZ(3),
  ADD COLUMN "sendingSince" TIMESTAMPTZ(3),
  ADD CONSTRAINT "outbox_messages_channel" CHECK ("channel" IN ('email', 'sms'));
ALTER TABLE outbox_messages ALTER COLUMN "subject" DROP DEFAULT, ALTER COLUMN "textBody" DROP DEFAULT;

-- The outbox route, newest first, all of a tenant's or one appointment's.
CREATE INDEX "outbox_messages_tenantId_createdAt_idx" ON outbox_messages ("tenantId", "createdAt", id);
CREATE INDEX "outbox_messages_tenantId_appointmentId_createdAt_idx"
  ON outbox_messages ("tenantId", "appointmentId", "createdAt", id);
