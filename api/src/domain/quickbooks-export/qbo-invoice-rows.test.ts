import { describe, expect, it } from 'vitest';
import { QBO_INVOICE_COLUMNS, qboInvoiceRows } from './qbo-invoice-rows.ts';
import { moneyDay } from './test-days.ts';

describe('qboInvoiceRows', () => {
  it('writes one row per non-zero sales line, every column filled as QuickBooks Online expects', () => {
    const rows = qboInvoiceRows(
      moneyDay({
        invoiceNumber: 7,
        invoiceDay: '2027-03-28',
        sums: { payments: 5000, refunds: -1250, stripeFees: -175 },
      }),
    );
    expect(rows).toEqual([
      {
        InvoiceNo: '7',
        Customer: 'Ada Lovelace (ada@example.com)',
        InvoiceDate: '03/28/2027',
        DueDate: '03/28/2027',
        Terms: 'Due on receipt',
        Location: '',
        Memo: 'MAIS appointment 3f2a9c01-0000-4000-8000-000000000001 (EUR)',
        'Item(Product/Service)': 'Haircut',
        ItemDescription: 'Payment',
        ItemQuantity: '1',
        ItemRate: '50.00',
        ItemAmount: '50.00',
        Taxable: 'N',
        TaxRate: '',
        'Service Date': '03/30/2027',
      },
      expect.objectContaining({ ItemDescription: 'Refund', ItemRate: '-12.50', ItemAmount: '-12.50' }),
    ]);
    for (const row of rows) expect(Object.keys(row)).toEqual([...QBO_INVOICE_COLUMNS]);
  });

  it('puts no-show fees on their own product and disputes on the service', () => {
    const rows = qboInvoiceRows(moneyDay({ sums: { noShowFees: 2000, disputes: -3000 } }));
    expect(rows.map((row) => [row['Item(Product/Service)'], row.ItemAmount])).toEqual([
      ['No-show fee', '20.00'],
      ['Haircut', '-30.00'],
    ]);
  });

  it('writes zero-decimal currencies without a point', () => {
    const [row] = qboInvoiceRows(moneyDay({ currency: 'JPY', sums: { payments: 1500 } }));
    expect(row!.ItemAmount).toBe('1500');
  });

  it('leaves out a day with only fees', () => {
    expect(qboInvoiceRows(moneyDay({ sums: { stripeFees: -30, platformFees: -10 } }))).toEqual([]);
  });

  it('makes hostile names safe', () => {
    const [row] = qboInvoiceRows(
      moneyDay({
        clientName: '=HYPERLINK("x")\tEvil\nName',
        serviceName: '+Cut:Colour',
        sums: { payments: 1 },
      }),
    );
    expect(row!.Customer).toBe(`'=HYPERLINK("x") Evil Name (ada@example.com)`);
    expect(row!['Item(Product/Service)']).toBe(`'+Cut-Colour`);
  });
});
