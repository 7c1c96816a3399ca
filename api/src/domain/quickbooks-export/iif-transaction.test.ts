import { describe, expect, it } from 'vitest';
import { IIF_HEADER, iifTransaction } from './iif-transaction.ts';
import { moneyDay } from './test-days.ts';

/** The AMOUNT column (index 6 in TRNS and SPL rows) in minor units of a two-decimal currency. */
function cents(row: string[]): number {
  return Math.round(Number(row[6]) * 100);
}

describe('iifTransaction', () => {
  it('balances: the SPL amounts are minus the TRNS amount', () => {
    const rows = iifTransaction(
      moneyDay({
        invoiceNumber: 12,
        invoiceDay: '2027-03-28',
        sums: {
          payments: 5000,
          noShowFees: 1000,
          refunds: -1250,
          disputes: -300,
          stripeFees: -175,
          platformFees: -50,
        },
      }),
    );
    expect(rows[0]![0]).toBe('TRNS');
    expect(rows.at(-1)).toEqual(['ENDTRNS']);
    const entries = rows.filter((row) => row[0] === 'TRNS' || row[0] === 'SPL');
    expect(entries.reduce((sum, row) => sum + cents(row), 0)).toBe(0);
    expect(cents(rows[0]!)).toBe(5000 + 1000 - 1250 - 300 - 175 - 50);
    expect(rows[0]).toEqual([
      'TRNS',
      '',
      'GENERAL JOURNAL',
      '03/28/2027',
      'Undeposited Funds',
      'Ada Lovelace (ada@example.com)',
      '42.25',
      '12',
      '12 EUR appointment 3f2a9c01-0000-4000-8000-000000000001',
    ]);
    expect(rows.slice(1, -1).map((row) => [row[4], row[6]])).toEqual([
      ['Service Income:Haircut', '-50.00'],
      ['No-show Fee Income', '-10.00'],
      ['Service Income:Haircut', '12.50'],
      ['Service Income:Haircut', '3.00'],
      ['Stripe Fees', '1.75'],
      ['Platform Fees', '0.50'],
    ]);
  });

  it('has as many fields in each row as its header', () => {
    const rows = iifTransaction(moneyDay({ sums: { payments: 100 } }));
    expect(rows[0]).toHaveLength(IIF_HEADER[0]!.length);
    expect(rows[1]).toHaveLength(IIF_HEADER[1]!.length);
  });

  it('writes a fee-only day (a Stripe fee booked the day after) and nothing for an empty day', () => {
    expect(iifTransaction(moneyDay({ sums: { stripeFees: -30 } })).map((row) => row[6])).toEqual([
      '-0.30',
      '0.30',
      undefined,
    ]);
    expect(iifTransaction(moneyDay())).toEqual([]);
  });

  it('writes zero-decimal currencies without a point', () => {
    const rows = iifTransaction(moneyDay({ currency: 'JPY', sums: { payments: 1500, refunds: -300 } }));
    expect(rows.map((row) => row[6])).toEqual(['1200', '-1500', '300', undefined]);
  });

  it('keeps tabs and line breaks out of every field and names within 41 characters', () => {
    const rows = iifTransaction(
      moneyDay({
        clientName: 'Evil\tName\r\nWith "quotes" =1',
        clientEmail: 'a.very.long.address.for.testing@example.com',
        serviceName: 'Cut\tand\nColour',
        sums: { payments: 100 },
      }),
    );
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/[\t\r\n]/);
    expect([...rows[0]![5]!].length).toBeLessThanOrEqual(41);
    expect(rows[1]![4]).toBe('Service Income:Cut and Colour');
  });

  it('uses a reference with the day when no invoice exists, and no DOCNUM', () => {
    const rows = iifTransaction(moneyDay({ sums: { payments: 100 } }));
    expect(rows[0]![7]).toBe('');
    expect(rows[0]![8]).toMatch(/^3F2A9C01-20270328 /);
  });
});
