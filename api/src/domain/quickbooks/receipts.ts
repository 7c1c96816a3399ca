import { DateTime } from 'luxon';

/**
 * What a payment or a refund becomes in QuickBooks Online, as plain data: a SalesReceipt for money
 * received, a RefundReceipt for money given back (https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/salesreceipt).
 * One line per receipt, the service as the item, the client as the customer, dated in the
 * tenant's zone (QuickBooks dates are calendar days, no time), amounts in major units.
 */

export type SourceKind = 'PAYMENT' | 'REFUND';

/** A succeeded payment or refund, with what its receipt names. */
export interface MoneyToPush {
  kind: SourceKind;
  /** The payment's or refund's id. */
  id: string;
  appointmentId: string;
  amountCents: number;
  currency: string;
  /** When the money moved. */
  at: Date;
  clientName: string;
  clientEmail: string;
  serviceName: string;
  /** The payment kind (DEPOSIT, FULL, BALANCE, NO_SHOW_FEE), for the line's description. */
  paymentKind: string;
}

export interface ReceiptRefs {
  customerId: string;
  itemId: string;
  /** The bank account a refund is paid from (RefundReceipt needs one). */
  refundAccountId?: string | null;
}

const DESCRIPTIONS: Record<string, string> = {
  DEPOSIT: 'deposit',
  FULL: 'payment',
  BALANCE: 'balance',
  NO_SHOW_FEE: 'no-show fee',
};

export function receiptEntity(kind: SourceKind): 'SalesReceipt' | 'RefundReceipt' {
  return kind === 'PAYMENT' ? 'SalesReceipt' : 'RefundReceipt';
}

export function receiptBody(money: MoneyToPush, refs: ReceiptRefs, zone: string): Record<string, unknown> {
  const amount = majorUnits(money.amountCents, money.currency);
  const what = DESCRIPTIONS[money.paymentKind] ?? 'payment';
  const body: Record<string, unknown> = {
    TxnDate: txnDate(money.at, zone),
    CustomerRef: { value: refs.customerId },
    CurrencyRef: { value: money.currency },
    PrivateNote: `MAIS appointment ${money.appointmentId}; ${money.kind.toLowerCase()} ${money.id}`,
    Line: [
      {
        Amount: amount,
        DetailType: 'SalesItemLineDetail',
        Description: clip(
          `${money.serviceName}: ${money.kind === 'REFUND' ? `refund of ${what}` : what}`,
          4000,
        ),
        SalesItemLineDetail: { ItemRef: { value: refs.itemId }, Qty: 1, UnitPrice: amount },
      },
    ],
  };
  if (money.kind === 'REFUND' && refs.refundAccountId) {
    body.DepositToAccountRef = { value: refs.refundAccountId };
  }
  return body;
}

/** The day the money moved, in the tenant's zone: 2027-03-01T23:30Z is 2027-03-02 in Berlin. */
export function txnDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** 1999 EUR cents → 19.99; 500 JPY → 500 (the currency's own decimals, from ISO 4217 via Intl). */
export function majorUnits(minor: number, currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Number((minor / 10 ** digits).toFixed(digits));
}

/**
 * The customer's DisplayName: name and email, since two clients may share a name and QuickBooks
 * wants DisplayName unique. QuickBooks refuses colons, tabs and line breaks in names, and takes
 * 500 characters at most.
 */
export function customerDisplayName(clientName: string, clientEmail: string): string {
  const name = cleanName(clientName);
  return clip(`${name} (${clientEmail.toLowerCase()})`, 500);
}

/** The item (product/service) for a service: its name, cleaned, at most 100 characters. */
export function itemName(serviceName: string): string {
  return clip(cleanName(serviceName) || 'Service', 100);
}

/**
 * QuickBooks' `requestid` for creating the receipt of a payment or refund: the same every time it
 * is asked for, so QuickBooks answers a retry with the receipt the first request made. 50
 * characters at most; a UUID with a two-letter prefix is 39.
 */
export function receiptRequestId(kind: SourceKind, id: string): string {
  return `${kind === 'PAYMENT' ? 'sr' : 'rr'}-${id}`;
}

/** A string literal in QuickBooks' query language: single quotes and backslashes escaped. */
export function queryLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function cleanName(value: string): string {
  return value
    .replace(/[:\t\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(value: string, max: number): string {
  return [...value].slice(0, max).join('');
}
