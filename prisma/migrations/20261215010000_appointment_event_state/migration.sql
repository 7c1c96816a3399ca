-- Each history event keeps the appointment's state as its change left it (api/README.md,
-- "Outgoing webhooks"), so a webhook shows the booking as of its event. Events written before
-- this have none: they are sent with the booking as it is then.
ALTER TABLE "appointment_events" ADD COLUMN "state" JSONB;
