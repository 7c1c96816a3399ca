import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { E2E_RESULTS } from './results-dir.ts';

/** What test/e2e/serve.ts wrote once it was listening: the demo tenant's keys and its database. */
export interface ServerInfo {
  baseUrl: string;
  databaseUrl: string;
  publishableKey: string;
  secretKey: string;
  /** The demo tenant's owner account (prisma/seed-demo-owner.ts), for the console's tests. */
  owner: { email: string; password: string };
  /**
   * The fake Stripe the API takes card payments through (test/fakes/stripe), when serve.ts starts
   * one: its URL, the platform's secret key the API uses, and a connected account made on it for
   * the demo tenant (payment.spec.ts connects the tenant to it for its own tests).
   */
  stripe?: { url: string; secretKey: string; account: string };
}

const SERVER_INFO = path.join(E2E_RESULTS, 'server.json');

let cached: ServerInfo | undefined;

export function serverInfo(): ServerInfo {
  cached ??= JSON.parse(readFileSync(path.resolve(SERVER_INFO), 'utf8')) as ServerInfo;
  return cached;
}

/** One query on the e2e database, on a connection of its own (tests check what the API stored). */
export async function query<Row extends pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: serverInfo().databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export interface StoredAppointment {
  id: string;
  status: string;
  startTimeUtc: Date;
  providerId: string | null;
  serviceName: string;
  clientName: string;
  clientEmail: string;
  clientTimezone: string;
  rescheduledFromId: string | null;
  cancellationReason: string | null;
}

export async function storedAppointment(id: string): Promise<StoredAppointment | undefined> {
  const rows = await query<StoredAppointment>(
    `SELECT a.id, a.status, a."startTimeUtc", a."providerId", s.name AS "serviceName", a."clientName",
            a."clientEmail", a."clientTimezone", a."rescheduledFromId", a."cancellationReason"
       FROM appointments a JOIN services s ON s.id = a."serviceId"
      WHERE a.id = $1`,
    [id],
  );
  return rows[0];
}

/** The intake answers stored with a booking, by field label. */
export async function storedIntake(appointmentId: string): Promise<Record<string, unknown>> {
  const rows = await query<{ label: string; value: unknown }>(
    'SELECT label, value FROM intake_form_responses WHERE "appointmentId" = $1',
    [appointmentId],
  );
  return Object.fromEntries(rows.map((row) => [row.label, row.value]));
}

/**
 * Connects the demo tenant to a Stripe account (what PUT /v1/tenant-admin/settings/stripe stores),
 * or disconnects it (null): with no account, paid services are booked as holds without a card step.
 */
export async function connectDemoTenant(stripeAccountId: string | null): Promise<void> {
  await query('UPDATE tenants SET "stripeAccountId" = $1 WHERE slug = $2', [stripeAccountId, 'demo']);
}

export interface StoredPayment {
  status: string;
  kind: string;
  amountCents: number;
  currency: string;
  stripePaymentIntentId: string | null;
}

/** The card payments recorded for a booking, oldest first. */
export async function storedPayments(appointmentId: string): Promise<StoredPayment[]> {
  return query<StoredPayment>(
    `SELECT status, kind, "amountCents", currency, "stripePaymentIntentId"
       FROM payments WHERE "appointmentId" = $1 ORDER BY "createdAt"`,
    [appointmentId],
  );
}
