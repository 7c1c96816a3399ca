import { describe, expect, it } from 'vitest';
import { confirmingEvent, messagesForEvent, type HistoryEvent } from './event-messages.ts';

const ID = '11111111-1111-4111-8111-111111111111';

/** A history from types (and data), numbered from 1. */
function history(...entries: Array<HistoryEvent['type'] | [HistoryEvent['type'], Record<string, unknown>]>) {
  return entries.map((entry, index): HistoryEvent => {
    const [type, data] = Array.isArray(entry) ? entry : [entry, {}];
    return { seq: index + 1, type, data };
  });
}

function kindsFor(events: HistoryEvent[], seq: number) {
  return messagesForEvent(ID, events[seq - 1]!, events).map(
    (m) => `${m.kind} ${m.dedupeKey} ${m.invitation} ${m.sequence}`,
  );
}

describe('which messages an event asks for', () => {
  it('a booking confirmed at once: the confirmation with its .ics and the provider notice', () => {
    expect(kindsFor(history('CREATED'), 1)).toEqual([
      `confirmation confirmation:${ID} REQUEST 0`,
      `provider-booked provider-booked:${ID} null 0`,
    ]);
  });

  it('a hold sends nothing until its payment confirms it; a later payment is a receipt', () => {
    const events = history(
      'HELD',
      'PAYMENT_REQUESTED',
      ['PAID', { amountCents: 1000 }],
      ['PAID', { amountCents: 4000 }],
    );
    expect(kindsFor(events, 1)).toEqual([]);
    expect(kindsFor(events, 2)).toEqual([]);
    expect(kindsFor(events, 3)).toEqual([
      `confirmation confirmation:${ID} REQUEST 0`,
      `provider-booked provider-booked:${ID} null 0`,
    ]);
    expect(kindsFor(events, 4)).toEqual([`payment-received payment-received:${ID}:4 null 0`]);
  });

  it('a card saved by a SetupIntent confirms a hold; a card saved with a payment does not', () => {
    const setup = history('HELD', ['CARD_SAVED', { paymentMethodId: 'pm_1', setupIntentId: 'seti_1' }]);
    expect(confirmingEvent(setup)?.seq).toBe(2);
    expect(kindsFor(setup, 2)[0]).toBe(`confirmation confirmation:${ID} REQUEST 0`);
    const withPayment = history('HELD', ['CARD_SAVED', { paymentMethodId: 'pm_1' }], 'PAID');
    expect(kindsFor(withPayment, 2)).toEqual([]);
    expect(kindsFor(withPayment, 3)[0]).toBe(`confirmation confirmation:${ID} REQUEST 0`);
  });

  it('a hold that ends unpaid sends nothing, not even a cancellation', () => {
    const events = history('HELD', ['CANCELLED', { reason: 'hold_expired' }]);
    expect(confirmingEvent(events)).toBeNull();
    expect(kindsFor(events, 2)).toEqual([]);
  });

  it('moves count up the SEQUENCE; a move overtaken by another sends nothing', () => {
    const events = history('CREATED', 'RESCHEDULED', 'RESCHEDULED');
    expect(kindsFor(events, 2)).toEqual([]);
    expect(kindsFor(events, 3)).toEqual([
      `reschedule reschedule:${ID}:2 REQUEST 2`,
      `provider-rescheduled provider-rescheduled:${ID}:2 null 2`,
    ]);
  });

  it('a cancellation carries METHOD:CANCEL one revision past the last move', () => {
    const events = history('CREATED', 'RESCHEDULED', 'CANCELLED');
    expect(kindsFor(events, 3)).toEqual([
      `cancellation cancellation:${ID} CANCEL 2`,
      `provider-cancelled provider-cancelled:${ID} null 1`,
    ]);
    // Handled late, the booking's confirmation and move say nothing the cancellation does not.
    expect(kindsFor(events, 1)).toEqual([]);
    expect(kindsFor(events, 2)).toEqual([]);
  });

  it('a resend is one more confirmation keyed by its event, with the moves so far; none once cancelled', () => {
    const events = history('CREATED', 'RESCHEDULED', 'CONFIRMATION_RESENT', 'CONFIRMATION_RESENT');
    expect(kindsFor(events, 3)).toEqual([`confirmation confirmation:${ID}:resend:3 REQUEST 1`]);
    expect(kindsFor(events, 4)).toEqual([`confirmation confirmation:${ID}:resend:4 REQUEST 1`]);
    expect(kindsFor(history('CREATED', 'CONFIRMATION_RESENT', 'CANCELLED'), 2)).toEqual([]);
    expect(kindsFor(history('HELD', 'CONFIRMATION_RESENT'), 2)).toEqual([]);
  });

  it('completions, no-shows, refunds and payment requests send nothing', () => {
    const events = history(
      'CREATED',
      'COMPLETED',
      'REFUNDED',
      'PAYMENT_REQUESTED',
      'PAYMENT_FAILED',
      'NO_SHOW',
    );
    for (const seq of [2, 3, 4, 5, 6]) expect(kindsFor(events, seq)).toEqual([]);
  });
});
