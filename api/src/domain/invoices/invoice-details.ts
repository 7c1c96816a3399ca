import { taxOf } from './tax.ts';

/**
 * What an invoice says, fixed when it is issued (stored as the invoice's `details` and figures):
 * a later change of the tax rate, the business's address or the service's name does not rewrite
 * an invoice already given to a client.
 *
 * The invoice shows what was sold, not what was paid (payments and refunds are on receipts): the
 * booking's price (service × seats). A booking whose first money is a no-show fee (nothing was
 * paid before the client failed to come) sold only that fee, so its invoice shows the fee. A fee
 * charged after a deposit appears on the receipt, not on the invoice issued with the deposit.
 */

export type InvoiceLocale = 'en' | 'es';

export interface InvoiceSeller {
  name: string;
  addressLines: string[];
  taxId: string | null;
}

export interface InvoiceLine {
  kind: 'service' | 'no_show_fee';
  /** The service's name as it was when the invoice was issued. */
  description: string;
  quantity: number;
  /** The line's amount as priced (tax included when prices include it). */
  amountCents: number;
}

export interface InvoiceDetails {
  seller: InvoiceSeller;
  client: { name: string; email: string };
  appointmentStartUtc: string;
  lines: InvoiceLine[];
  locale: InvoiceLocale;
}

export interface IssuedInvoice {
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  taxRateBasisPoints: number;
  taxInclusive: boolean;
  details: InvoiceDetails;
}

export interface InvoiceSettingsData {
  legalName: string | null;
  address: string | null;
  taxId: string | null;
  taxRateBasisPoints: number;
  taxInclusive: boolean;
}

export interface InvoiceInput {
  tenantName: string;
  settings: InvoiceSettingsData;
  appointment: {
    clientName: string;
    clientEmail: string;
    locale: string;
    startTimeUtc: Date;
    seats: number;
    totalAmountCents: number;
    noShowFeeCents: number;
  };
  serviceName: string;
  /** The kind of the payment that brought the first money. */
  firstPaymentKind: 'DEPOSIT' | 'FULL' | 'BALANCE' | 'NO_SHOW_FEE';
}

export function invoiceFor(input: InvoiceInput): IssuedInvoice {
  const { appointment, settings } = input;
  const lines: InvoiceLine[] =
    input.firstPaymentKind === 'NO_SHOW_FEE'
      ? [
          {
            kind: 'no_show_fee',
            description: input.serviceName,
            quantity: 1,
            amountCents: appointment.noShowFeeCents,
          },
        ]
      : [
          {
            kind: 'service',
            description: input.serviceName,
            quantity: appointment.seats,
            amountCents: appointment.totalAmountCents,
          },
        ];
  const priced = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const rule = { rateBasisPoints: settings.taxRateBasisPoints, inclusive: settings.taxInclusive };
  return {
    ...taxOf(priced, rule),
    taxRateBasisPoints: rule.rateBasisPoints,
    taxInclusive: rule.inclusive,
    details: {
      seller: sellerOf(input.tenantName, settings),
      client: { name: appointment.clientName, email: appointment.clientEmail },
      appointmentStartUtc: appointment.startTimeUtc.toISOString(),
      lines,
      locale: appointment.locale === 'es' ? 'es' : 'en',
    },
  };
}

export function sellerOf(tenantName: string, settings: InvoiceSettingsData): InvoiceSeller {
  return {
    name: settings.legalName ?? tenantName,
    addressLines: (settings.address ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
    taxId: settings.taxId,
  };
}
