import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_RULES, LedgerEntryKind } from '../src/domain/ledger/entries.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

/**
 * ledger_entries in the database itself (prisma/migrations/20261203000000_ledger):
 * append-only, one row per Stripe movement, signs and Stripe ids per kind, and
 * composite keys that keep every reference inside its tenant.
 */

let database: TestDatabase;
let client: pg.Client;

async function one<T extends object>(sql: string, values: unknown[] = []): Promise<T> {
  return (await client.query<T>(sql, values)).rows[0]!;
}

/** A tenant with a service and one confirmed appointment of 100.00 EUR, paid by card. */
async function tenantWithAppointment(slug: string) {
  const { id: tenantId } = await one<{ id: string }>(
    `INSERT INTO tenants (slug, name, timezone, currency) VALUES ($1, $1, 'Europe/Berlin', 'EUR') RETURNING id`,
    [slug],
  );
  const { id: serviceId } = await one<{ id: string }>(
    `INSERT INTO services ("tenantId", name, "durationMinutes", "slotIntervalMinutes", "priceBaseCents", currency)
     VALUES ($1, 'Session', 60, 60, 10000, 'EUR') RETURNING id`,
    [tenantId],
  );
  const appointment = () =>
    one<{ id: string }>(
      `INSERT INTO appointments ("tenantId", "serviceId", "clientName", "clientEmail", "clientTimezone",
         "startTimeUtc", "endTimeUtc", "occupiedStartUtc", "occupiedEndUtc", "sessionKey", status,
         currency, "totalAmountCents", "manageTokenHash")
       VALUES ($1, $2, 'Ada', 'ada@example.com', 'Europe/Berlin', '2027-03-03T10:00Z', '2027-03-03T11:00Z',
         '2027-03-03T10:00Z', '2027-03-03T11:00Z', gen_random_uuid()::text, 'CONFIRMED', 'EUR', 10000, 'x')
       RETURNING id`,
      [tenantId, serviceId],
    );
  const { id: appointmentId } = await appointment();
  const { id: secondAppointmentId } = await appointment();
  const { id: paymentId } = await one<{ id: string }>(
    `INSERT INTO payments ("tenantId", "appointmentId", kind, status, "amountCents", currency)
     VALUES ($1, $2, 'FULL', 'SUCCEEDED', 10000, 'EUR') RETURNING id`,
    [tenantId, appointmentId],
  );
  const { id: refundId } = await one<{ id: string }>(
    `INSERT INTO refunds ("tenantId", "paymentId", "amountCents", currency, status)
     VALUES ($1, $2, 4000, 'EUR', 'SUCCEEDED') RETURNING id`,
    [tenantId, paymentId],
  );
  return { tenantId, appointmentId, secondAppointmentId, paymentId, refundId };
}

type Fixture = Awaited<ReturnType<typeof tenantWithAppointment>>;
let a: Fixture;
let b: Fixture;
let stripeIds = 0;

interface EntryFields {
  tenantId?: string;
  appointmentId?: string;
  paymentId?: string | null;
  refundId?: string | null;
  kind?: LedgerEntryKind;
  amountCents?: number;
  currency?: string;
  stripeObjectId?: string | null;
  stripeBalanceTransactionId?: string | null;
  correctsEntryId?: string | null;
}

/** Inserts one row (a card charge of tenant a unless told otherwise) and returns its id. */
async function insert(fields: EntryFields = {}): Promise<string> {
  const row = {
    tenantId: a.tenantId,
    appointmentId: a.appointmentId,
    kind: 'CHARGE',
    amountCents: 10_000,
    currency: 'EUR',
    stripeObjectId: `ch_test${++stripeIds}`,
    occurredAt: '2027-03-01T09:00:00Z',
    ...fields,
  };
  const columns = Object.keys(row);
  const { id } = await one<{ id: string }>(
    `INSERT INTO ledger_entries (${columns.map((column) => `"${column}"`).join(', ')})
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  a = await tenantWithAppointment('ledger-a');
  b = await tenantWithAppointment('ledger-b');
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

describe('ledger_entries', () => {
  it('records a charge with its fees, a refund, a venue payment and a correction', async () => {
    const charge = await insert({
      paymentId: a.paymentId,
      stripeObjectId: 'ch_rec1',
      stripeBalanceTransactionId: 'txn_rec1',
    });
    await insert({
      kind: 'STRIPE_FEE',
      amountCents: -320,
      stripeObjectId: 'txn_rec1',
      stripeBalanceTransactionId: 'txn_rec1',
    });
    await insert({
      kind: 'PLATFORM_FEE',
      amountCents: -200,
      stripeObjectId: 'txn_rec1',
      stripeBalanceTransactionId: 'txn_rec1',
    });
    await insert({ kind: 'REFUND', amountCents: -4_000, refundId: a.refundId, stripeObjectId: 're_rec1' });
    await insert({
      kind: 'BALANCE_VENUE',
      amountCents: 500,
      stripeObjectId: null,
      appointmentId: a.secondAppointmentId,
    });
    await insert({ kind: 'CHARGE', amountCents: -1, stripeObjectId: null, correctsEntryId: charge });

    const { rows } = await client.query<{ kind: string; amountCents: number; createdAt: Date }>(
      `SELECT kind, "amountCents", "createdAt" FROM ledger_entries
       WHERE "tenantId" = $1 AND "appointmentId" = $2 ORDER BY "createdAt", kind`,
      [a.tenantId, a.appointmentId],
    );
    expect(rows.map((row) => [row.kind, row.amountCents])).toEqual(
      expect.arrayContaining([
        ['CHARGE', 10_000],
        ['STRIPE_FEE', -320],
        ['PLATFORM_FEE', -200],
        ['REFUND', -4_000],
        ['CHARGE', -1],
      ]),
    );
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const id = await insert();
    await expect(
      client.query(`UPDATE ledger_entries SET "amountCents" = 1 WHERE id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM ledger_entries WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(client.query(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
    expect(
      (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE id = $1`, [id])).n,
    ).toBe(1);
  });

  it('refuses the same Stripe movement twice (a webhook delivered again)', async () => {
    await insert({ stripeObjectId: 'ch_twice' });
    await expect(insert({ stripeObjectId: 'ch_twice' })).rejects.toMatchObject({
      code: '23505',
      constraint: 'ledger_entries_tenantId_kind_stripeObjectId_key',
    });
    await insert({ kind: 'REFUND', amountCents: -100, stripeObjectId: 're_twice' });
    await expect(
      insert({ kind: 'REFUND', amountCents: -100, stripeObjectId: 're_twice' }),
    ).rejects.toMatchObject({
      code: '23505',
    });
    const fee = {
      kind: 'STRIPE_FEE',
      amountCents: -30,
      stripeObjectId: 'txn_twice',
      stripeBalanceTransactionId: 'txn_twice',
    } as const;
    await insert(fee);
    await expect(insert(fee)).rejects.toMatchObject({ code: '23505' });
  });

  it('records one charge as one payment of one kind', async () => {
    await insert({ kind: 'DEPOSIT', amountCents: 2_000, stripeObjectId: 'ch_kind' });
    await expect(
      insert({ kind: 'CHARGE', amountCents: 2_000, stripeObjectId: 'ch_kind' }),
    ).rejects.toMatchObject({
      code: '23505',
      constraint: 'ledger_entries_one_payment_per_charge',
    });
  });

  it('keeps a dispute, its reversal and the fees of each apart', async () => {
    await insert({ kind: 'DISPUTE', amountCents: -10_000, stripeObjectId: 'dp_keep' });
    await insert({
      kind: 'STRIPE_FEE',
      amountCents: -1_500,
      stripeObjectId: 'txn_dk1',
      stripeBalanceTransactionId: 'txn_dk1',
    });
    await insert({ kind: 'DISPUTE_REVERSAL', amountCents: 10_000, stripeObjectId: 'dp_keep' });
    await insert({
      kind: 'STRIPE_FEE',
      amountCents: 1_500,
      stripeObjectId: 'txn_dk2',
      stripeBalanceTransactionId: 'txn_dk2',
    });
  });

  it("refuses a row pointing at another tenant's appointment, payment, refund or row", async () => {
    const theirs = await insert({ tenantId: b.tenantId, appointmentId: b.appointmentId });
    const foreignKey = { code: '23503' };
    await expect(insert({ appointmentId: b.appointmentId })).rejects.toMatchObject({
      ...foreignKey,
      constraint: 'ledger_entries_tenantId_appointmentId_fkey',
    });
    await expect(insert({ paymentId: b.paymentId })).rejects.toMatchObject({
      ...foreignKey,
      constraint: 'ledger_entries_tenantId_paymentId_fkey',
    });
    await expect(
      insert({ kind: 'REFUND', amountCents: -1, refundId: b.refundId, stripeObjectId: 're_foreign' }),
    ).rejects.toMatchObject({ ...foreignKey, constraint: 'ledger_entries_tenantId_refundId_fkey' });
    await expect(
      insert({ amountCents: -1, stripeObjectId: null, correctsEntryId: theirs }),
    ).rejects.toMatchObject(foreignKey);
  });

  it("refuses a correction of another appointment's row", async () => {
    const original = await insert();
    await expect(
      insert({
        appointmentId: a.secondAppointmentId,
        amountCents: -1,
        stripeObjectId: null,
        correctsEntryId: original,
      }),
    ).rejects.toMatchObject({
      code: '23503',
      constraint: 'ledger_entries_tenantId_appointmentId_correctsEntryId_fkey',
    });
  });

  it('refuses a zero amount and a currency that is not three capitals', async () => {
    await expect(insert({ amountCents: 0 })).rejects.toMatchObject({
      constraint: 'ledger_entries_amount_nonzero',
    });
    await expect(insert({ currency: 'eur' })).rejects.toMatchObject({
      constraint: 'ledger_entries_currency_format',
    });
  });

  it.each(Object.values(LedgerEntryKind))('%s: the sign the domain expects (KIND_RULES)', async (kind) => {
    const stripeObjectId = {
      CHARGE: 'ch_sign',
      DEPOSIT: 'ch_sign',
      BALANCE_CARD: 'ch_sign',
      NO_SHOW_FEE: 'ch_sign',
      BALANCE_VENUE: null,
      NO_SHOW_FEE_VENUE: null,
      REFUND: 're_sign',
      DISPUTE: 'dp_sign',
      DISPUTE_REVERSAL: 'dp_sign',
      STRIPE_FEE: 'txn_sign',
      PLATFORM_FEE: 'txn_sign',
    }[kind];
    const fields = {
      tenantId: b.tenantId,
      appointmentId: b.secondAppointmentId,
      kind,
      stripeObjectId: stripeObjectId && `${stripeObjectId}${kind.replace(/_/g, '')}`,
      stripeBalanceTransactionId: stripeObjectId?.startsWith('txn_')
        ? `${stripeObjectId}${kind.replace(/_/g, '')}`
        : null,
    };
    const { sign } = KIND_RULES[kind];
    for (const amountCents of [1, -1]) {
      await client.query('BEGIN');
      try {
        const attempt = insert({ ...fields, amountCents });
        if (sign === 0 || Math.sign(amountCents) === sign)
          await expect(attempt).resolves.toBeTypeOf('string');
        else await expect(attempt).rejects.toMatchObject({ constraint: 'ledger_entries_sign' });
      } finally {
        await client.query('ROLLBACK');
      }
    }
  });

  it.each([
    ['a card payment without its charge', { stripeObjectId: null }],
    ['a card payment named by its PaymentIntent', { stripeObjectId: 'pi_123' }],
    ['a refund named by its charge', { kind: 'REFUND', amountCents: -1, stripeObjectId: 'ch_123' }],
    [
      'a fee not named by its balance transaction',
      { kind: 'STRIPE_FEE', amountCents: -1, stripeObjectId: 'ch_123' },
    ],
    [
      'a fee whose two transaction ids differ',
      { kind: 'STRIPE_FEE', amountCents: -1, stripeObjectId: 'txn_1', stripeBalanceTransactionId: 'txn_2' },
    ],
    ['a venue payment with a Stripe id', { kind: 'BALANCE_VENUE', stripeObjectId: 'ch_123' }],
    ['a balance transaction id that is not one', { stripeBalanceTransactionId: 'ch_123' }],
  ] as const)('refuses %s', async (_name, fields: EntryFields) => {
    await expect(insert(fields)).rejects.toMatchObject({ constraint: 'ledger_entries_stripe_ids' });
  });

  it('refuses a correction with Stripe ids of its own', async () => {
    const original = await insert();
    await expect(insert({ amountCents: -1, correctsEntryId: original })).rejects.toMatchObject({
      constraint: 'ledger_entries_stripe_ids',
    });
  });

  it('keeps a tenant with money history from being deleted', async () => {
    await expect(client.query(`DELETE FROM tenants WHERE id = $1`, [a.tenantId])).rejects.toMatchObject({
      code: '23503',
    });
  });

  it('has the kinds the domain knows, in the same order', async () => {
    const { labels } = await one<{ labels: string[] }>(
      `SELECT array_agg(enumlabel::text ORDER BY enumsortorder) AS labels FROM pg_enum
       WHERE enumtypid = '"LedgerEntryKind"'::regtype`,
    );
    expect(labels).toEqual(Object.keys(KIND_RULES));
  });
});

describe('columns added for payments', () => {
  it('tenants.stripeAccountId: an acct_ id, one tenant per account', async () => {
    await client.query(`UPDATE tenants SET "stripeAccountId" = 'acct_1Abc' WHERE id = $1`, [a.tenantId]);
    await expect(
      client.query(`UPDATE tenants SET "stripeAccountId" = 'acct_1Abc' WHERE id = $1`, [b.tenantId]),
    ).rejects.toMatchObject({ code: '23505', constraint: 'tenants_stripeAccountId_key' });
    await expect(
      client.query(`UPDATE tenants SET "stripeAccountId" = 'sk_live_x' WHERE id = $1`, [b.tenantId]),
    ).rejects.toMatchObject({ constraint: 'tenants_stripeAccountId_format' });
  });

  it('cancellation_policies.rescheduleAllowedUntilHours: null or ≥ 0', async () => {
    const insertPolicy = (hours: number | null) =>
      client.query(
        `INSERT INTO cancellation_policies ("tenantId", "rescheduleAllowedUntilHours") VALUES ($1, $2)`,
        [b.tenantId, hours],
      );
    await expect(insertPolicy(-1)).rejects.toMatchObject({
      constraint: 'cancellation_policies_reschedule_hours',
    });
    await insertPolicy(24);
  });
});
