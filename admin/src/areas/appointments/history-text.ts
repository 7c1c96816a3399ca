import { formatMoney, humanize } from '../../ui/format.ts';

/** One history event as the page lists it: what happened, in words, with the amounts it carries. */
export function historyText(
  event: { type: string; data: Record<string, unknown> },
  currency: string,
): string {
  const amount = typeof event.data.amountCents === 'number' ? event.data.amountCents : null;
  const money = amount === null ? '' : ` ${formatMoney(amount, currency, 'en')}`;
  const reason = typeof event.data.reason === 'string' && event.data.reason ? ` (${event.data.reason})` : '';
  switch (event.type) {
    case 'CREATED':
      return 'Booked';
    case 'HELD':
      return 'Held until paid';
    case 'PAID':
      return `Paid${money}`;
    case 'REFUNDED':
      return `Refunded${money}${reason}`;
    case 'PAYMENT_REQUESTED':
      return `Payment asked${money}`;
    case 'PAYMENT_FAILED':
      return `Payment failed${money}`;
    case 'CANCELLED':
      return `Cancelled${reason}`;
    case 'CONFIRMATION_RESENT':
      return 'Confirmation sent again';
    case 'CARD_SAVED':
      return 'Card saved';
    default:
      return humanize(event.type);
  }
}

/** Who made a change: the client, staff, or the system (a job, Stripe). */
export function actorText(actor: string): string {
  return actor === 'ADMIN' ? 'Staff' : actor === 'CLIENT' ? 'Client' : 'System';
}
