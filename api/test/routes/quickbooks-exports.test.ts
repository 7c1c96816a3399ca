import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportsRepository } from '../../src/adapters/db/repositories/exports.repository.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// GET /v1/tenant-admin/exports/quickbooks.csv and quickbooks.iif: parsed back here and checked
// against QuickBooks' documented columns and against sums computed in this file from the ledger
// rows it inserted (api/README.md, "QuickBooks files").
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

// 27–29 March 2027 in Berlin (the clocks go from 02:00 to 03:00 on the 28th).
const PERIOD = 'startDate=2027-03-27&endDate=2027-03-29';
const FROM = new Date('2027-03-26T23:00:00Z');
const TO = new Date('2027-03-29T22:00:00Z');
const CSV_URL = `/v1/tenant-admin/exports/quickbooks.csv?${PERIOD}`;
const IIF_URL = `/v1/tenant-admin/exports/quickbooks.iif?${PERIOD}`;

const QBO_COLUMNS = [
  'InvoiceNo',
  'Customer',
  'InvoiceDate',
  'DueDate',
  'Terms',
  'Location',
  'Memo',
  'Item(Product/Service)',
  'ItemDescription',
  'ItemQuantity',
  'ItemRate',
  'ItemAmount',
  'Taxable',
  'TaxRate',
  'Service Date',
];
const HOSTILE_NAME = '=HYPERLINK("http://evil.example")\tTab\r\nNew "line", Name';
/** The line of the files each kind's money is on (fees are not sales: IIF only). */
const LINE_OF: Record<string, string> = {
  CHARGE: 'payment',
  DEPOSIT: 'payment',
  BALANCE_CARD: 'payment',
  BALANCE_VENUE: 'payment',
  NO_SHOW_FEE: 'noShow',
  NO_SHOW_FEE_VENUE: 'noShow',
  REFUND: 'refund',
  DISPUTE: 'dispute',
  DISPUTE_REVERSAL: 'dispute',
  STRIPE_FEE: 'stripeFee',
  PLATFORM_FEE: 'platformFee',
};
const FEE_LINES = new Set(['stripeFee', 'platformFee']);

const appointments: Record<string, string> = {};

async function appointmentOf(owner: CreatedTenant, serviceName: string, start: string): Promise<string> {
  const { serviceId } = await bookableService(t.app, owner, { service: { name: serviceName } });
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start, { overrideRules: true }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id;
}

const STRIPE_PREFIX: Record<string, string | undefined> = {
  CHARGE: 'ch',
  DEPOSIT: 'ch',
  BALANCE_CARD: 'ch',
  NO_SHOW_FEE: 'ch',
  REFUND: 're',
  DISPUTE: 'dp',
  DISPUTE_REVERSAL: 'dp',
  STRIPE_FEE: 'txn',
  PLATFORM_FEE: 'txn',
};
let stripeIds = 0;

async function ledger(
  owner: CreatedTenant,
  appointmentId: string,
  rows: Array<[kind: string, cents: number, currency: string, at: string]>,
) {
  for (const [kind, amountCents, currency, at] of rows) {
    // The Stripe ids the ledger's check constraint asks of each kind (none at the venue).
    const prefix = STRIPE_PREFIX[kind];
    const stripeId = prefix ? `${prefix}_${++stripeIds}` : null;
    await t.db.$executeRaw`
      INSERT INTO ledger_entries ("tenantId", "appointmentId", kind, "amountCents", currency, "occurredAt",
                                  "stripeObjectId", "stripeBalanceTransactionId")
      VALUES (${owner.tenant.id}::uuid, ${appointmentId}::uuid, ${kind}::"LedgerEntryKind", ${amountCents},
              ${currency}, ${new Date(at)}, ${stripeId}, ${prefix === 'txn' ? stripeId : null})`;
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);

  appointments.ada = await appointmentOf(tenant, 'Haircut', '2027-03-28T09:00:00Z');
  await ledger(tenant, appointments.ada, [
    ['DEPOSIT', 2000, 'EUR', '2027-03-27T10:00:00Z'],
    ['STRIPE_FEE', -60, 'EUR', '2027-03-27T10:00:00Z'],
    ['BALANCE_VENUE', 3000, 'EUR', '2027-03-28T01:30:00Z'], // 03:30 in Berlin, after the change
    ['REFUND', -1000, 'EUR', '2027-03-29T21:30:00Z'], // 23:30 on the 29th in Berlin
    ['PLATFORM_FEE', -20, 'EUR', '2027-03-29T21:30:00Z'],
    ['CHARGE', 700, 'EUR', '2027-03-26T22:59:59.999Z'], // 23:59 on the 26th: before the period
    ['CHARGE', 800, 'EUR', TO.toISOString()], // midnight of the 30th: after it
  ]);

  appointments.hostile = await appointmentOf(tenant, '+Cut:Colour\tDeluxe', '2027-03-28T10:00:00Z');
  await t.db.appointment.update({
    where: { id: appointments.hostile },
    data: { clientName: HOSTILE_NAME, clientEmail: 'Evil@Example.com' },
  });
  await ledger(tenant, appointments.hostile, [
    ['CHARGE', 5000, 'EUR', '2027-03-28T08:00:00Z'],
    ['NO_SHOW_FEE', 1000, 'EUR', '2027-03-28T09:00:00Z'],
    ['STRIPE_FEE', -175, 'EUR', '2027-03-28T09:00:00Z'],
  ]);
  // Its invoice, as the invoicing code issues it (number 1 on the 28th).
  await t.db.$executeRaw`
    INSERT INTO invoices ("tenantId", "appointmentId", number, "totalCents", "subtotalCents", currency, "issuedAt")
    VALUES (${tenant.tenant.id}::uuid, ${appointments.hostile}::uuid, 1, 5000, 5000, 'EUR', '2027-03-28T08:00:00Z')`;

  appointments.yen = await appointmentOf(tenant, 'Tea ceremony', '2027-03-29T09:00:00Z');
  await ledger(tenant, appointments.yen, [
    ['CHARGE', 1500, 'JPY', '2027-03-28T12:00:00Z'],
    ['DISPUTE', -1500, 'JPY', '2027-03-29T12:00:00Z'],
    ['DISPUTE_REVERSAL', 1500, 'JPY', '2027-03-29T13:00:00Z'],
  ]);

  appointments.other = await appointmentOf(other, 'Secret service', '2027-03-28T09:00:00Z');
  await ledger(other, appointments.other, [['CHARGE', 9900, 'EUR', '2027-03-28T12:00:00Z']]);
});
afterAll(() => t.close());

function exportOf(owner: CreatedTenant, url: string) {
  return admin(t.app, owner, { method: 'GET', url });
}

/** The local day in Berlin, "YYYY-MM-DD", by Intl (the export uses PostgreSQL). */
const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short' });
const usDate = (isoDay: string) => `${isoDay.slice(5, 7)}/${isoDay.slice(8, 10)}/${isoDay.slice(0, 4)}`;

/** The stored ledger rows of the period grouped by (US date, appointment, currency), summed here. */
async function expectedGroups(owner: CreatedTenant) {
  const rows = await t.db.ledgerEntry.findMany({
    where: { tenantId: owner.tenant.id, occurredAt: { gte: FROM, lt: TO } },
  });
  const groups = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const key = `${usDate(berlinDay.format(row.occurredAt))}|${row.appointmentId}|${row.currency}`;
    const lines = groups.get(key) ?? {};
    lines[LINE_OF[row.kind]!] = (lines[LINE_OF[row.kind]!] ?? 0) + row.amountCents;
    groups.set(key, lines);
  }
  // A day whose every line sums to zero (a dispute and its reversal) is in neither file.
  return new Map(
    [...groups]
      .filter(([, lines]) => Object.values(lines).some((cents) => cents !== 0))
      .map(([key, lines]) => {
        const entries = Object.entries(lines);
        const sum = (list: Array<[string, number]>) => list.reduce((total, [, cents]) => total + cents, 0);
        return [key, { net: sum(entries), sales: sum(entries.filter(([line]) => !FEE_LINES.has(line))) }];
      }),
  );
}

/** Major units as written ("-12.50", "1500") back to minor units. */
function minor(amount: string, currency: string): number {
  expect(amount).toMatch(currency === 'JPY' ? /^-?\d+$/ : /^-?\d+\.\d{2}$/);
  return currency === 'JPY' ? Number(amount) : Math.round(Number(amount) * 100);
}

describe('GET /v1/tenant-admin/exports/quickbooks.csv', () => {
  it('answers a CSV attachment in the columns of QuickBooks Online’s invoice import', async () => {
    const response = await exportOf(tenant, CSV_URL);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="quickbooks-2027-03-27-2027-03-29.csv"',
    );
    const [header, ...rows] = parse(response.body) as string[][];
    expect(header).toEqual(QBO_COLUMNS);
    for (const row of rows) {
      expect(row).toHaveLength(QBO_COLUMNS.length);
      expect(row[2]).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      expect(row[3]).toBe(row[2]);
      expect(row[9]).toBe('1');
      expect(row[10]).toBe(row[11]);
    }
    expect(response.body.endsWith('\r\n')).toBe(true);
  });

  it('sums every invoice’s lines to the sales money the ledger holds for its appointment and day', async () => {
    const records = parse((await exportOf(tenant, CSV_URL)).body, { columns: true }) as Array<
      Record<string, string>
    >;
    const expected = await expectedGroups(tenant);
    const actual = new Map<string, number>();
    for (const record of records) {
      const id = /MAIS appointment ([0-9a-f-]{36}) \(([A-Z]{3})\)/.exec(record.Memo!)!;
      const key = `${record.InvoiceDate}|${id[1]}|${id[2]}`;
      actual.set(key, (actual.get(key) ?? 0) + minor(record.ItemAmount!, id[2]!));
    }
    const salesDays = [...expected].filter(([, group]) => group.sales !== 0);
    expect(Object.fromEntries(actual)).toEqual(
      Object.fromEntries(salesDays.map(([key, group]) => [key, group.sales])),
    );
    // One InvoiceNo per appointment and day.
    const numbers = new Map(
      records.map((record) => [record.InvoiceNo, `${record.InvoiceDate}|${record.Memo}`]),
    );
    expect(numbers.size).toBe(actual.size);
  });

  it('writes refunds and disputes as negative lines, no-show fees as their own product, yen without decimals', async () => {
    const records = parse((await exportOf(tenant, CSV_URL)).body, { columns: true }) as Array<
      Record<string, string>
    >;
    const pick = (record: Record<string, string>) => [
      record.InvoiceDate,
      record['Item(Product/Service)'],
      record.ItemDescription,
      record.ItemAmount,
    ];
    const of = (id: string) => records.filter((record) => record.Memo!.includes(id)).map(pick);
    expect(of(appointments.ada!)).toEqual([
      ['03/27/2027', 'Haircut', 'Payment', '20.00'],
      ['03/28/2027', 'Haircut', 'Payment', '30.00'],
      ['03/29/2027', 'Haircut', 'Refund', '-10.00'],
    ]);
    expect(of(appointments.yen!)).toEqual([['03/28/2027', 'Tea ceremony', 'Payment', '1500']]);
    expect(
      records.filter((record) => record.Memo!.includes(appointments.ada!)).map((r) => r.InvoiceNo),
    ).toEqual([
      `${appointments.ada!.slice(0, 8).toUpperCase()}-20270327`,
      `${appointments.ada!.slice(0, 8).toUpperCase()}-20270328`,
      `${appointments.ada!.slice(0, 8).toUpperCase()}-20270329`,
    ]);
    expect(records.find((record) => record.Memo!.includes(appointments.ada!))!.Customer).toBe(
      'Ada Client (ada@example.com)',
    );
  });

  it('uses the invoice number, and keeps a hostile name on one safe line', async () => {
    const records = parse((await exportOf(tenant, CSV_URL)).body, { columns: true }) as Array<
      Record<string, string>
    >;
    const hostile = records.filter((record) => record.Memo!.includes(appointments.hostile!));
    expect(
      hostile.map((record) => [record.InvoiceNo, record['Item(Product/Service)'], record.ItemAmount]),
    ).toEqual([
      ['1', `'+Cut-Colour Deluxe`, '50.00'],
      ['1', 'No-show fee', '10.00'],
    ]);
    expect(hostile[0]!.Customer).toBe(
      `'=HYPERLINK("http-//evil.example") Tab New "line", Name (evil@example.com)`,
    );
  });

  it("holds no other tenant's money, and theirs none of ours", async () => {
    const ours = (await exportOf(tenant, CSV_URL)).body;
    expect(ours).not.toContain(appointments.other);
    expect(ours).not.toContain('Secret service');
    const [, ...theirs] = parse((await exportOf(other, CSV_URL)).body) as string[][];
    expect(theirs.map((row) => [row[7], row[11]])).toEqual([['Secret service', '99.00']]);
  });

  it('starts with the BOM only when asked', async () => {
    const withBom = await exportOf(tenant, `${CSV_URL}&bom=true`);
    expect(withBom.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.rawPayload.subarray(3).equals((await exportOf(tenant, CSV_URL)).rawPayload)).toBe(true);
  });
});

/** IIF lines after the header as transactions: TRNS and SPL rows up to (without) each ENDTRNS. */
function transactionsOf(lines: string[][]): string[][][] {
  const transactions: string[][][] = [];
  let current: string[][] = [];
  for (const line of lines) {
    if (line[0] === 'ENDTRNS') {
      expect(line).toEqual(['ENDTRNS']);
      transactions.push(current);
      current = [];
    } else current.push(line);
  }
  expect(current).toEqual([]);
  return transactions;
}

describe('GET /v1/tenant-admin/exports/quickbooks.iif', () => {
  async function iifLines(owner = tenant) {
    const response = await exportOf(owner, IIF_URL);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.body.endsWith('\r\n')).toBe(true);
    const lines = response.body.slice(0, -2).split('\r\n');
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    return lines.map((line) => line.split('\t'));
  }

  it('answers an attachment with the three IIF header rows', async () => {
    const response = await exportOf(tenant, IIF_URL);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="quickbooks-2027-03-27-2027-03-29.iif"',
    );
    const lines = await iifLines();
    expect(lines.slice(0, 3)).toEqual([
      ['!TRNS', 'TRNSID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'AMOUNT', 'DOCNUM', 'MEMO'],
      ['!SPL', 'SPLID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'AMOUNT', 'DOCNUM', 'MEMO'],
      ['!ENDTRNS'],
    ]);
  });

  it('balances every transaction and puts the ledger’s net for each appointment and day on Undeposited Funds', async () => {
    const lines = (await iifLines()).slice(3);
    const expected = await expectedGroups(tenant);
    const actual = new Map<string, number>();
    for (const transaction of transactionsOf(lines)) {
      const [trns, ...splits] = transaction;
      expect(trns).toHaveLength(9);
      expect(trns![0]).toBe('TRNS');
      expect(trns![2]).toBe('GENERAL JOURNAL');
      expect(trns![4]).toBe('Undeposited Funds');
      expect(splits.length).toBeGreaterThan(0);
      const match = /([A-Z]{3}) appointment ([0-9a-f-]{36})$/.exec(trns![8]!)!;
      const currency = match[1]!;
      for (const split of splits) {
        expect(split).toHaveLength(9);
        expect(split[0]).toBe('SPL');
        expect([split[3], split[5], split[7]]).toEqual([trns![3], trns![5], trns![7]]);
      }
      const amounts = transaction.map((row) => minor(row[6]!, currency));
      expect(
        amounts.reduce((a, b) => a + b, 0),
        trns!.join(' '),
      ).toBe(0);
      actual.set(`${trns![3]}|${match[2]}|${currency}`, amounts[0]!);
    }
    expect(Object.fromEntries(actual)).toEqual(
      Object.fromEntries([...expected].map(([key, group]) => [key, group.net])),
    );
  });

  it('posts to the documented accounts, fees as debits, names within 41 characters and free of tabs', async () => {
    const lines = (await iifLines()).slice(3);
    const ada = transactionsOf(lines)
      .filter((transaction) => transaction[0]![8]!.endsWith(appointments.ada!))
      .flat();
    expect(ada.map((line) => [line[0], line[3], line[4], line[6]])).toEqual([
      ['TRNS', '03/27/2027', 'Undeposited Funds', '19.40'],
      ['SPL', '03/27/2027', 'Service Income:Haircut', '-20.00'],
      ['SPL', '03/27/2027', 'Stripe Fees', '0.60'],
      ['TRNS', '03/28/2027', 'Undeposited Funds', '30.00'],
      ['SPL', '03/28/2027', 'Service Income:Haircut', '-30.00'],
      ['TRNS', '03/29/2027', 'Undeposited Funds', '-10.20'],
      ['SPL', '03/29/2027', 'Service Income:Haircut', '10.00'],
      ['SPL', '03/29/2027', 'Platform Fees', '0.20'],
    ]);
    const hostile = lines.filter((line) => line[8]?.includes(appointments.hostile!));
    expect(hostile[0]![5]!.startsWith(`'=HYPERLINK("http-//evil.`)).toBe(true);
    expect([...hostile[0]![5]!].length).toBeLessThanOrEqual(41);
    expect(hostile[0]![7]).toBe('1');
    expect(lines.flat().join('')).not.toContain('\t');
    expect(lines.map((line) => line[4])).toContain('No-show Fee Income');
  });

  it("holds no other tenant's money", async () => {
    expect((await iifLines()).flat().join(' ')).not.toContain(appointments.other);
    const theirs = (await iifLines(other)).slice(3);
    expect(theirs.map((line) => [line[0], line[6]])).toEqual([
      ['TRNS', '99.00'],
      ['SPL', '-99.00'],
      ['ENDTRNS', undefined],
    ]);
  });
});

describe('reading in batches', () => {
  it('gives the same days whatever the batch size', async () => {
    const repository = new ExportsRepository(t.db, tenant.tenant.id);
    const collect = async (size: number) => {
      const days = [];
      for await (const day of repository.quickbooksDays({ from: FROM, to: TO }, 'Europe/Berlin', size))
        days.push(day);
      return days;
    };
    const whole = await collect(1_000);
    expect(whole.length).toBeGreaterThan(4);
    expect(await collect(1)).toEqual(whole);
    expect(await collect(2)).toEqual(whole);
  });
});

describe.each([
  ['quickbooks.csv', '/v1/tenant-admin/exports/quickbooks.csv'],
  ['quickbooks.iif', '/v1/tenant-admin/exports/quickbooks.iif'],
])('%s: bad input', (_, path) => {
  it.each([
    ['endDate before startDate', 'startDate=2027-03-29&endDate=2027-03-27', 'endDate'],
    ['94 days', 'startDate=2027-01-01&endDate=2027-04-04', 'endDate'],
    ['no such day', 'startDate=2027-02-30&endDate=2027-03-01', 'startDate'],
    ['year 0', 'startDate=0000-01-01&endDate=2027-03-01', 'startDate'],
    ['a NUL byte', 'startDate=2027-03-01%00&endDate=2027-03-02', 'startDate'],
    ['a lone surrogate', 'startDate=2027-03-01%ED%A0%80&endDate=2027-03-02', 'startDate'],
    ['an oversized value', `startDate=${'2'.repeat(10_000)}&endDate=2027-03-02`, 'startDate'],
    ['no dates', '', 'startDate'],
    ['an unknown parameter', `${PERIOD}&limit=5`, ''],
  ])('answers 400 validation_failed before streaming: %s', async (_, query, field) => {
    const response = await exportOf(tenant, `${path}?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-disposition']).toBeUndefined();
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    if (field) expect(error.details.map((detail: { path: string }) => detail.path)).toContain(field);
  });

  it('answers 401 without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: `${path}?${PERIOD}` });
    expect(response.statusCode).toBe(401);
  });
});
