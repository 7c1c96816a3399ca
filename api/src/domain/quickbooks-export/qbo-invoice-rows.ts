import { majorUnits } from '../exports/csv-cells.ts';
import { documentNumber, type MoneyDay } from './money-day.ts';
import { boundedName, customerName, oneLine, usDate } from './names.ts';

/**
 * The columns of QuickBooks Online's invoice import template (Settings → Import data → Invoices),
 * spelled as the template spells them so the import maps them without manual mapping.
 */
export const QBO_INVOICE_COLUMNS = [
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
] as const;
export type QboInvoiceColumn = (typeof QBO_INVOICE_COLUMNS)[number];
export type QboInvoiceRow = Record<QboInvoiceColumn, string>;

/** QuickBooks Online's longest customer display name and product/service name. */
export const QBO_NAME_LENGTH = 100;
/** The product/service of no-show fees (one for every service). */
export const NO_SHOW_FEE_ITEM = 'No-show fee';

/**
 * A day's sales of one appointment as the lines of one invoice, paid on its date (due on
 * receipt): the service's payments, a no-show fee, and refunds and disputes as negative lines on
 * the service (QuickBooks Online's import takes only invoices, no credit memos). Stripe's and the
 * platform's fees are the business's costs, not sales: they are in the IIF file, not here. A day
 * with no sales money (only a fee) has no lines. Amounts are the ledger's, in major units with a
 * point; Taxable "N" because they are what the client paid, tax included if any.
 */
export function qboInvoiceRows(day: MoneyDay): QboInvoiceRow[] {
  const item = boundedName(oneLine(day.serviceName), QBO_NAME_LENGTH);
  const lines: Array<{ item: string; description: string; cents: number }> = [
    { item, description: 'Payment', cents: day.sums.payments },
    { item: NO_SHOW_FEE_ITEM, description: `No-show fee, ${item}`, cents: day.sums.noShowFees },
    { item, description: 'Refund', cents: day.sums.refunds },
    { item, description: 'Card dispute', cents: day.sums.disputes },
  ];
  const date = usDate(day.day);
  return lines
    .filter((line) => line.cents !== 0)
    .map((line) => {
      const amount = majorUnits(line.cents, day.currency);
      return {
        InvoiceNo: documentNumber(day),
        Customer: customerName(day.clientName, day.clientEmail, QBO_NAME_LENGTH),
        InvoiceDate: date,
        DueDate: date,
        Terms: 'Due on receipt',
        Location: '',
        Memo: `MAIS appointment ${day.appointmentId} (${day.currency})`,
        'Item(Product/Service)': line.item,
        ItemDescription: line.description,
        ItemQuantity: '1',
        ItemRate: amount,
        ItemAmount: amount,
        Taxable: 'N',
        TaxRate: '',
        'Service Date': usDate(day.serviceDay),
      };
    });
}
