import type { MoneyDay, MoneyLine } from './money-day.ts';

/** A MoneyDay for the unit tests: zeros unless given. */
export function moneyDay(
  overrides: Partial<Omit<MoneyDay, 'sums'>> & { sums?: Partial<Record<MoneyLine, number>> } = {},
): MoneyDay {
  const { sums, ...rest } = overrides;
  return {
    day: '2027-03-28',
    appointmentId: '3f2a9c01-0000-4000-8000-000000000001',
    currency: 'EUR',
    serviceName: 'Haircut',
    clientName: 'Ada Lovelace',
    clientEmail: 'Ada@Example.com',
    serviceDay: '2027-03-30',
    invoiceNumber: null,
    invoiceDay: null,
    ...rest,
    sums: { payments: 0, noShowFees: 0, refunds: 0, disputes: 0, stripeFees: 0, platformFees: 0, ...sums },
  };
}
