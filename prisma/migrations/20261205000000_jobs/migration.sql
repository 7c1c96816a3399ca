-- Background jobs follow the appointment history. appointment_events is numbered per tenant in
-- commit order (see 20261202000000_appointment_history), so one cursor per tenant says how far the
-- event dispatcher has gone: it reads the events after it, enqueues their jobs (pg-boss, in the
-- same transaction) and moves the cursor, all in one commit. A committed change is never left
-- without its jobs, a rolled-back one never gets any, and each event is dispatched once.
-- pg-boss keeps its own tables in the schema "pgboss", created when a worker starts.
CREATE TABLE appointment_event_cursors (
  "tenantId"  uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  "lastSeq"   bigint NOT NULL DEFAULT 0 CHECK ("lastSeq" >= 0),
  "updatedAt" timestamptz(3) NOT NULL DEFAULT now()
);
