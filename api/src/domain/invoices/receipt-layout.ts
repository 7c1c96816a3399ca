import { formatMoney } from '../notifications/format.ts';
import type { DocumentLayout } from './document-layout.ts';
import { localDate, sellerBlock, type InvoiceRecordData } from './invoice-layout.ts';
import { LABELS } from './labels.ts';

/** A movement of the booking's money: a succeeded payment, or a refund of one. */
export interface ReceiptMovement {
  type: 'payment' | 'refund';
  id: string;
  at: Date;
  method: 'card' | 'venue';
  amountCents: number;
}

/**
 * The receipt of a booking: each payment and refund (date in the tenant's zone, how, amount;
 * refunds negative), with the number of the booking's invoice, and what was paid, refunded and
 * kept. `movements` may be one (the receipt of a single payment or refund).
 */
export function receiptLayout(
  invoice: InvoiceRecordData,
  movements: readonly ReceiptMovement[],
  zone: string,
): DocumentLayout {
  const locale = invoice.details.locale;
  const words = LABELS[locale];
  const money = (cents: number) => formatMoney(cents, invoice.currency, locale);
  const paid = sum(movements.filter((movement) => movement.type === 'payment'));
  const refunded = sum(movements.filter((movement) => movement.type === 'refund'));
  const totals: Array<[string, string]> = [[words.paid, money(paid)]];
  if (refunded > 0) totals.push([words.refunded, money(-refunded)], [words.net, money(paid - refunded)]);
  return {
    title: `${words.receipt} ${invoice.number}`,
    seller: sellerBlock(invoice.details, locale),
    meta: [
      [words.receiptFor, String(invoice.number)],
      [words.client, `${invoice.details.client.name} <${invoice.details.client.email}>`],
      [words.appointment, localDate(new Date(invoice.details.appointmentStartUtc), zone, locale)],
    ],
    table: {
      headers: [words.date, words.method, words.amount],
      rows: movements.map((movement) => [
        localDate(movement.at, zone, locale),
        movement.type === 'refund' ? `${words.refund} (${words[movement.method]})` : words[movement.method],
        money(movement.type === 'refund' ? -movement.amountCents : movement.amountCents),
      ]),
    },
    totals,
    notes: [],
  };
}

function sum(movements: readonly ReceiptMovement[]): number {
  return movements.reduce((total, movement) => total + movement.amountCents, 0);
}
