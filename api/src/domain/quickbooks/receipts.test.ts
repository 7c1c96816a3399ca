import { describe, expect, it } from 'vitest';
import {
  customerDisplayName,
  itemName,
  majorUnits,
  queryLiteral,
  receiptBody,
  receiptEntity,
  receiptRequestId,
  txnDate,
  type MoneyToPush,
} from './receipts.ts';

const PAYMENT: MoneyToPush = {
  kind: 'PAYMENT',
  id: '11111111-1111-4111-8111-111111111111',
  appointmentId: '22222222-2222-4222-8222-222222222222',
  amountCents: 4550,
  currency: 'EUR',
  at: new Date('2027-03-01T23:30:00Z'),
  clientName: 'Ada Lovelace',
  clientEmail: 'Ada@Example.com',
  serviceName: 'Haircut',
  paymentKind: 'DEPOSIT',
};

describe('QuickBooks receipts', () => {
  it('makes a payment a sales receipt dated in the tenant zone, with the amount in major units', () => {
    const body = receiptBody(PAYMENT, { customerId: '58', itemId: '7' }, 'Europe/Berlin');
    expect(receiptEntity('PAYMENT')).toBe('SalesReceipt');
    expect(body).toEqual({
      TxnDate: '2027-03-02',
      CustomerRef: { value: '58' },
      CurrencyRef: { value: 'EUR' },
      PrivateNote: `MAIS appointment ${PAYMENT.appointmentId}; payment ${PAYMENT.id}`,
      Line: [
        {
          Amount: 45.5,
          DetailType: 'SalesItemLineDetail',
          Description: 'Haircut: deposit',
          SalesItemLineDetail: { ItemRef: { value: '7' }, Qty: 1, UnitPrice: 45.5 },
        },
      ],
    });
  });

  it('makes a refund a refund receipt paid from the given account', () => {
    const refund = { ...PAYMENT, kind: 'REFUND' as const, amountCents: 1000 };
    const body = receiptBody(refund, { customerId: '58', itemId: '7', refundAccountId: '35' }, 'UTC');
    expect(receiptEntity('REFUND')).toBe('RefundReceipt');
    expect(body.DepositToAccountRef).toEqual({ value: '35' });
    expect(body.TxnDate).toBe('2027-03-01');
    expect((body.Line as Array<{ Amount: number; Description: string }>)[0]).toMatchObject({
      Amount: 10,
      Description: 'Haircut: refund of deposit',
    });
  });

  it('uses each currency’s own decimals', () => {
    expect(majorUnits(1999, 'USD')).toBe(19.99);
    expect(majorUnits(500, 'JPY')).toBe(500);
    expect(majorUnits(1234, 'KWD')).toBe(1.234);
    expect(majorUnits(1, 'EUR')).toBe(0.01);
  });

  it('dates by the day in the zone across DST', () => {
    expect(txnDate(new Date('2027-03-28T00:30:00Z'), 'Europe/Berlin')).toBe('2027-03-28');
    expect(txnDate(new Date('2027-03-27T23:30:00Z'), 'Europe/Berlin')).toBe('2027-03-28');
    expect(txnDate(new Date('2027-03-28T03:30:00Z'), 'America/New_York')).toBe('2027-03-27');
  });

  it('names customers by name and email, without characters QuickBooks refuses', () => {
    expect(customerDisplayName('Ada:\tLovelace\n', 'Ada@Example.com')).toBe('Ada Lovelace (ada@example.com)');
    expect([...customerDisplayName('x'.repeat(600), 'a@b.c')]).toHaveLength(500);
    expect(itemName(' Cut: and colour ')).toBe('Cut and colour');
    expect(itemName('::')).toBe('Service');
  });

  it('derives a stable requestid of at most 50 characters', () => {
    const id = receiptRequestId('PAYMENT', PAYMENT.id);
    expect(id).toBe(receiptRequestId('PAYMENT', PAYMENT.id));
    expect(id).not.toBe(receiptRequestId('REFUND', PAYMENT.id));
    expect(id.length).toBeLessThanOrEqual(50);
  });

  it('quotes query literals', () => {
    expect(queryLiteral("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
  });
});
