import { majorUnits } from '../exports/csv-cells.ts';
import { documentNumber, type MoneyDay, type MoneyLine } from './money-day.ts';
import { boundedName, customerName, oneLine, usDate } from './names.ts';

/** QuickBooks Desktop's longest name (customers, items) and account name segment. */
export const DESKTOP_NAME_LENGTH = 41;

/** The accounts the file posts to; the company file must have them (or QuickBooks creates them on import). */
export const IIF_ACCOUNTS = {
  undeposited: 'Undeposited Funds',
  serviceIncome: 'Service Income',
  noShowFees: 'No-show Fee Income',
  stripeFees: 'Stripe Fees',
  platformFees: 'Platform Fees',
} as const;

const TRNS_COLUMNS = ['TRNSID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'AMOUNT', 'DOCNUM', 'MEMO'] as const;
const SPL_COLUMNS = ['SPLID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'AMOUNT', 'DOCNUM', 'MEMO'] as const;

/** The three header rows an IIF file of transactions starts with. */
export const IIF_HEADER: readonly (readonly string[])[] = [
  ['!TRNS', ...TRNS_COLUMNS],
  ['!SPL', ...SPL_COLUMNS],
  ['!ENDTRNS'],
];

/** A journal entry's type: it takes any mix of signs, so refunds and fees need no other type. */
export const IIF_TRANSACTION_TYPE = 'GENERAL JOURNAL';

/**
 * One day's money of one appointment as a balanced IIF journal entry: the TRNS row puts the net
 * (what reached Stripe or the till) on Undeposited Funds, and one SPL row per kind of money
 * posts the other side: payments, refunds and disputes to "Service Income:<service>", no-show
 * fees to their income account, Stripe's and the platform's fees to expense accounts. IIF
 * amounts are debits positive, so each SPL carries minus the ledger's sum and the rows sum to
 * zero. Rows are arrays of fields; a field holds no tab or line break (`oneLine`). A day with
 * nothing but zeros gives no rows.
 */
export function iifTransaction(day: MoneyDay): string[][] {
  const service = boundedName(oneLine(day.serviceName), DESKTOP_NAME_LENGTH);
  const candidates: Array<{ line: MoneyLine; account: string; memo: string }> = [
    { line: 'payments', account: `${IIF_ACCOUNTS.serviceIncome}:${service}`, memo: 'Payment' },
    { line: 'noShowFees', account: IIF_ACCOUNTS.noShowFees, memo: 'No-show fee' },
    { line: 'refunds', account: `${IIF_ACCOUNTS.serviceIncome}:${service}`, memo: 'Refund' },
    { line: 'disputes', account: `${IIF_ACCOUNTS.serviceIncome}:${service}`, memo: 'Card dispute' },
    { line: 'stripeFees', account: IIF_ACCOUNTS.stripeFees, memo: 'Stripe fees' },
    { line: 'platformFees', account: IIF_ACCOUNTS.platformFees, memo: 'Platform fees' },
  ];
  const splits = candidates.filter((split) => day.sums[split.line] !== 0);
  if (splits.length === 0) return [];

  const date = usDate(day.day);
  const name = customerName(day.clientName, day.clientEmail, DESKTOP_NAME_LENGTH);
  // DOCNUM holds 11 characters in QuickBooks Desktop: the invoice number fits, the longer
  // reference goes into the memo.
  const docNum = day.invoiceNumber === null ? '' : String(day.invoiceNumber);
  const reference = documentNumber(day);
  const net = splits.reduce((sum, split) => sum + day.sums[split.line], 0);
  return [
    [
      'TRNS',
      '',
      IIF_TRANSACTION_TYPE,
      date,
      IIF_ACCOUNTS.undeposited,
      name,
      majorUnits(net, day.currency),
      docNum,
      `${reference} ${day.currency} appointment ${day.appointmentId}`,
    ],
    ...splits.map((split) => [
      'SPL',
      '',
      IIF_TRANSACTION_TYPE,
      date,
      split.account,
      name,
      majorUnits(-day.sums[split.line], day.currency),
      docNum,
      `${reference} ${split.memo}`,
    ]),
    ['ENDTRNS'],
  ];
}
