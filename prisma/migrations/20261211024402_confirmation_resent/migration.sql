-- An admin asked for the booking's confirmation email again (POST …/resend-confirmation): a history
-- event, so the notifications job builds the message like every other (jobs follow the history).
ALTER TYPE "AppointmentEventType" ADD VALUE 'CONFIRMATION_RESENT';
