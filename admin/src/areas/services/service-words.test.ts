import { describe, expect, it } from 'vitest';
import { durationText, paymentModeText } from './service-words.ts';

describe('service words', () => {
  it('writes durations in hours and minutes', () => {
    expect(durationText(45)).toBe('45 min');
    expect(durationText(120)).toBe('2 h');
    expect(durationText(90)).toBe('1 h 30 min');
  });

  it('writes the payment mode with its deposit', () => {
    const base = { depositCents: null, depositPercent: null, currency: 'EUR' };
    expect(paymentModeText({ ...base, paymentMode: 'NONE' })).toBe('At the appointment');
    expect(paymentModeText({ ...base, paymentMode: 'FULL' })).toBe('In full at booking');
    expect(paymentModeText({ ...base, paymentMode: 'DEPOSIT', depositPercent: 25 })).toBe('Deposit 25 %');
    expect(paymentModeText({ ...base, paymentMode: 'DEPOSIT', depositCents: 2000 })).toMatch(
      /^Deposit .*20\.00/,
    );
  });
});
