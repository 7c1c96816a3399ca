import { describe, expect, it } from 'vitest';
import { actorText, historyText } from './history-text.ts';

describe('history in words', () => {
  it('names the event with its amount and reason', () => {
    expect(historyText({ type: 'PAID', data: { amountCents: 1500 } }, 'EUR')).toBe('Paid €15.00');
    expect(historyText({ type: 'REFUNDED', data: { amountCents: 500, reason: 'Late start' } }, 'EUR')).toBe(
      'Refunded €5.00 (Late start)',
    );
    expect(historyText({ type: 'CANCELLED', data: {} }, 'EUR')).toBe('Cancelled');
    expect(historyText({ type: 'CONFIRMATION_RESENT', data: {} }, 'EUR')).toBe('Confirmation sent again');
    expect(historyText({ type: 'NO_SHOW', data: {} }, 'EUR')).toBe('No show');
  });

  it('names who did it', () => {
    expect([actorText('ADMIN'), actorText('CLIENT'), actorText('SYSTEM')]).toEqual([
      'Staff',
      'Client',
      'System',
    ]);
  });
});
