import { describe, expect, it } from 'vitest';
import { documentNumber, KIND_LINES, kindsOf, MONEY_LINES } from './money-day.ts';
import { moneyDay } from './test-days.ts';

describe('kindsOf', () => {
  it('puts every ledger kind in exactly one line', () => {
    const all = MONEY_LINES.flatMap((line) => kindsOf(line)).sort();
    expect(all).toEqual(Object.keys(KIND_LINES).sort());
  });

  it('sums deposits and balances as payments', () => {
    expect(kindsOf('payments').sort()).toEqual(['BALANCE_CARD', 'BALANCE_VENUE', 'CHARGE', 'DEPOSIT']);
  });
});

describe('documentNumber', () => {
  it('is the invoice number on the day it was issued', () => {
    expect(documentNumber(moneyDay({ invoiceNumber: 42, invoiceDay: '2027-03-28' }))).toBe('42');
  });

  it('adds the day on the appointment’s other days', () => {
    expect(documentNumber(moneyDay({ invoiceNumber: 42, invoiceDay: '2027-03-01' }))).toBe('42-20270328');
  });

  it('falls back to the appointment and day without an invoice, within 21 characters', () => {
    const number = documentNumber(moneyDay());
    expect(number).toBe('3F2A9C01-20270328');
    expect(number.length).toBeLessThanOrEqual(21);
    expect(
      documentNumber(moneyDay({ invoiceNumber: 2_147_483_647, invoiceDay: '2027-01-01' })).length,
    ).toBeLessThanOrEqual(21);
  });
});
