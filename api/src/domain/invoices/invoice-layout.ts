import { formatMoney } from '../notifications/format.ts';
import { DateTime } from 'luxon';
import type { DocumentLayout } from './document-layout.ts';
import type { InvoiceDetails, InvoiceLocale } from './invoice-details.ts';
import { LABELS } from './labels.ts';
import { ratePercent } from './tax.ts';

/** An issued invoice as its row keeps it. */
export interface InvoiceRecordData {
  number: number;
  issuedAt: Date;
  currency: string;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  taxRateBasisPoints: number;
  taxInclusive: boolean;
  details: InvoiceDetails;
}

/** The invoice's page: dates in the tenant's zone, money in its currency, words in the booking's language. */
export function invoiceLayout(invoice: InvoiceRecordData, zone: string): DocumentLayout {
  const locale = invoice.details.locale;
  const words = LABELS[locale];
  const money = (cents: number) => formatMoney(cents, invoice.currency, locale);
  const taxLabel = `${words.tax} ${ratePercent(invoice.taxRateBasisPoints)}${
    invoice.taxInclusive ? ` (${words.taxIncluded})` : ''
  }`;
  return {
    title: `${words.invoice} ${invoice.number}`,
    seller: sellerBlock(invoice.details, locale),
    meta: [
      [words.number, String(invoice.number)],
      [words.date, localDate(invoice.issuedAt, zone, locale)],
      [words.client, `${invoice.details.client.name} <${invoice.details.client.email}>`],
      [words.appointment, localDate(new Date(invoice.details.appointmentStartUtc), zone, locale)],
    ],
    table: {
      headers: [words.description, words.quantity, words.amount],
      rows: invoice.details.lines.map((line) => [
        line.kind === 'no_show_fee' ? `${words.noShowFee}: ${line.description}` : line.description,
        String(line.quantity),
        money(line.amountCents),
      ]),
    },
    totals: [
      [words.subtotal, money(invoice.subtotalCents)],
      [taxLabel, money(invoice.taxCents)],
      [words.total, money(invoice.totalCents)],
    ],
    notes: invoice.taxInclusive && invoice.taxRateBasisPoints > 0 ? [words.pricesIncludeTax] : [],
  };
}

export function sellerBlock(details: InvoiceDetails, locale: InvoiceLocale): DocumentLayout['seller'] {
  return {
    name: details.seller.name,
    addressLines: details.seller.addressLines,
    taxIdLine: details.seller.taxId ? `${LABELS[locale].taxId}: ${details.seller.taxId}` : null,
  };
}

/** "December 2, 2026" / "2 de diciembre de 2026", the day in `zone`. */
export function localDate(instant: Date, zone: string, locale: InvoiceLocale): string {
  return DateTime.fromJSDate(instant, { zone })
    .setLocale(locale)
    .toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' });
}
