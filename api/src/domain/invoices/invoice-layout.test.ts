import { describe, expect, it } from 'vitest';
import { invoiceFor } from './invoice-details.ts';
import { invoiceLayout } from './invoice-layout.ts';
import { receiptLayout } from './receipt-layout.ts';

const base = {
  tenantName: 'Studio Uno',
  settings: {
    legalName: 'Studio Uno GmbH',
    address: 'Hauptstr. 1\n\n 10115 Berlin ',
    taxId: 'DE123456789',
    taxRateBasisPoints: 1900,
    taxInclusive: true,
  },
  appointment: {
    clientName: 'Ada Client',
    clientEmail: 'ada@example.com',
    locale: 'en',
    startTimeUtc: new Date('2027-03-28T00:30:00Z'),
    seats: 2,
    totalAmountCents: 10_000,
    noShowFeeCents: 2500,
  },
  serviceName: 'Colour',
  firstPaymentKind: 'DEPOSIT' as const,
};

// Figures only: Intl's spaces (no-break in "100,00 €") are compared as plain spaces.
const plain = (layout: unknown) => JSON.parse(JSON.stringify(layout).replace(/[\u00a0\u202f]/g, ' '));

describe('invoiceFor', () => {
  it('sells the booking (service × seats) with the tax taken out of inclusive prices', () => {
    const invoice = invoiceFor(base);
    expect(invoice).toMatchObject({ subtotalCents: 8403, taxCents: 1597, totalCents: 10_000 });
    expect(invoice.details.lines).toEqual([
      { kind: 'service', description: 'Colour', quantity: 2, amountCents: 10_000 },
    ]);
    expect(invoice.details.seller).toEqual({
      name: 'Studio Uno GmbH',
      addressLines: ['Hauptstr. 1', '10115 Berlin'],
      taxId: 'DE123456789',
    });
  });

  it('adds exclusive tax on top, and a first payment that is a no-show fee sells the fee', () => {
    const invoice = invoiceFor({
      ...base,
      settings: { ...base.settings, taxInclusive: false, legalName: null },
      firstPaymentKind: 'NO_SHOW_FEE',
    });
    expect(invoice).toMatchObject({ subtotalCents: 2500, taxCents: 475, totalCents: 2975 });
    expect(invoice.details.lines).toEqual([
      { kind: 'no_show_fee', description: 'Colour', quantity: 1, amountCents: 2500 },
    ]);
    expect(invoice.details.seller.name).toBe('Studio Uno');
  });
});

describe('invoiceLayout', () => {
  const issued = (overrides: Partial<typeof base> = {}, currency = 'EUR') => ({
    number: 42,
    issuedAt: new Date('2027-03-27T23:30:00Z'),
    currency,
    ...invoiceFor({ ...base, ...overrides }),
  });

  it("dates in the tenant's zone, money in the currency, English for an English booking", () => {
    const layout = plain(invoiceLayout(issued(), 'Europe/Berlin'));
    expect(layout.title).toBe('Invoice 42');
    // 23:30Z on the 27th is already the 28th in Berlin.
    expect(layout.meta).toContainEqual(['Date', 'March 28, 2027']);
    expect(layout.meta).toContainEqual(['Billed to', 'Ada Client <ada@example.com>']);
    expect(layout.table.rows).toEqual([['Colour', '2', '€100.00']]);
    expect(layout.totals).toEqual([
      ['Subtotal', '€84.03'],
      ['Tax 19 % (included)', '€15.97'],
      ['Total', '€100.00'],
    ]);
    expect(layout.seller.taxIdLine).toBe('Tax ID: DE123456789');
  });

  it('Spanish for a Spanish booking; JPY without decimals', () => {
    const layout = plain(
      invoiceLayout(
        issued(
          {
            appointment: { ...base.appointment, locale: 'es', totalAmountCents: 1000, seats: 1 },
            settings: { ...base.settings, taxRateBasisPoints: 1000 },
          },
          'JPY',
        ),
        'Asia/Tokyo',
      ),
    );
    expect(layout.title).toBe('Factura 42');
    expect(layout.meta).toContainEqual(['Fecha', '28 de marzo de 2027']);
    expect(layout.totals).toEqual([
      ['Base imponible', '909 JPY'],
      ['Impuesto 10 % (incluido)', '91 JPY'],
      ['Total', '1000 JPY'],
    ]);
  });

  it('a receipt lists payments and refunds with the invoice number and nets them', () => {
    const layout = plain(
      receiptLayout(
        issued(),
        [
          {
            type: 'payment',
            id: 'p1',
            at: new Date('2027-03-01T10:00:00Z'),
            method: 'card',
            amountCents: 2000,
          },
          {
            type: 'payment',
            id: 'p2',
            at: new Date('2027-03-08T10:00:00Z'),
            method: 'venue',
            amountCents: 8000,
          },
          {
            type: 'refund',
            id: 'r1',
            at: new Date('2027-03-09T10:00:00Z'),
            method: 'card',
            amountCents: 500,
          },
        ],
        'Europe/Berlin',
      ),
    );
    expect(layout.title).toBe('Receipt 42');
    expect(layout.meta[0]).toEqual(['Receipt for invoice', '42']);
    expect(layout.table.rows).toEqual([
      ['March 1, 2027', 'Card', '€20.00'],
      ['March 8, 2027', 'At the venue', '€80.00'],
      ['March 9, 2027', 'Refund (Card)', '-€5.00'],
    ]);
    expect(layout.totals).toEqual([
      ['Paid', '€100.00'],
      ['Refunded', '-€5.00'],
      ['Net paid', '€95.00'],
    ]);
  });
});
