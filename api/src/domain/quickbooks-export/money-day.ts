import type { LedgerEntryKind } from '../../generated/prisma/enums.ts';

/**
 * The ledger kinds of each line a QuickBooks file shows. A Record over the enum, so a new kind is
 * a type error here until someone decides which line its money belongs to.
 */
export const KIND_LINES = {
  CHARGE: 'payments',
  DEPOSIT: 'payments',
  BALANCE_CARD: 'payments',
  BALANCE_VENUE: 'payments',
  NO_SHOW_FEE: 'noShowFees',
  NO_SHOW_FEE_VENUE: 'noShowFees',
  REFUND: 'refunds',
  DISPUTE: 'disputes',
  DISPUTE_REVERSAL: 'disputes',
  STRIPE_FEE: 'stripeFees',
  PLATFORM_FEE: 'platformFees',
} as const satisfies Record<LedgerEntryKind, string>;

export type MoneyLine = (typeof KIND_LINES)[LedgerEntryKind];
export const MONEY_LINES = [
  'payments',
  'noShowFees',
  'refunds',
  'disputes',
  'stripeFees',
  'platformFees',
] as const satisfies readonly MoneyLine[];

/** The kinds summed into `line`. */
export function kindsOf(line: MoneyLine): LedgerEntryKind[] {
  return (Object.keys(KIND_LINES) as LedgerEntryKind[]).filter((kind) => KIND_LINES[kind] === line);
}

/**
 * The money of one appointment on one day of the tenant's zone (cash basis: the day the money
 * moved), in one currency: the unit both QuickBooks files are made of. Sums are signed minor
 * units as the ledger stores them (refunds, disputes and fees negative).
 */
export interface MoneyDay {
  /** "YYYY-MM-DD", the tenant's local day the money moved. */
  day: string;
  appointmentId: string;
  currency: string;
  serviceName: string;
  clientName: string;
  clientEmail: string;
  /** "YYYY-MM-DD", the local day the appointment starts. */
  serviceDay: string;
  /** The appointment's invoice (the first, if ever several), null before invoices exist. */
  invoiceNumber: number | null;
  /** "YYYY-MM-DD", the local day that invoice was issued. */
  invoiceDay: string | null;
  sums: Record<MoneyLine, number>;
}

/**
 * The document number of a day's sales, the same in every export that holds that day (so a
 * re-import is seen as a duplicate, not a new sale): the invoice's number on the day it was
 * issued, "number-YYYYMMDD" on the appointment's other days (a later refund); without an invoice
 * the appointment's first 8 hex digits and the day, "3F2A9C01-20270328". At most 21 characters
 * (QuickBooks Online's limit for InvoiceNo).
 */
export function documentNumber(day: MoneyDay): string {
  const compactDay = day.day.replaceAll('-', '');
  if (day.invoiceNumber !== null) {
    return day.invoiceDay === day.day ? String(day.invoiceNumber) : `${day.invoiceNumber}-${compactDay}`;
  }
  return `${day.appointmentId.slice(0, 8).toUpperCase()}-${compactDay}`;
}
