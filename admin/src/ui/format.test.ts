import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatTime, humanize, moneyInputValue, parseMoney } from './format.ts';

describe('console formats', () => {
  it('writes minor units in the currency', () => {
    expect(formatMoney(1250, 'eur', 'en-US')).toBe('€12.50');
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250');
    expect(formatMoney(-500, 'USD', 'en-US')).toBe('-$5.00');
  });

  it('reads amounts typed in major units, refusing anything else', () => {
    expect(parseMoney('12.5', 'EUR')).toBe(1250);
    expect(parseMoney('12,50', 'EUR')).toBe(1250);
    expect(parseMoney(' 40 ', 'EUR')).toBe(4000);
    expect(parseMoney('1250', 'JPY')).toBe(1250);
    expect(parseMoney('12.5', 'JPY')).toBeNull();
    expect(parseMoney('12.505', 'EUR')).toBeNull();
    expect(parseMoney('-3', 'EUR')).toBeNull();
    expect(parseMoney('abc', 'EUR')).toBeNull();
    expect(moneyInputValue(1250, 'EUR')).toBe('12.50');
  });

  it('writes times in the business zone and codes as words', () => {
    expect(formatTime('2027-01-15T08:30:00Z', 'Europe/Berlin', 'en-GB')).toBe('9:30');
    expect(humanize('NO_SHOW')).toBe('No show');
  });

  it('writes an instant’s day in the business zone', () => {
    // 23:30 UTC on 31 Dec is already New Year's Day in Berlin.
    expect(formatDate('2026-12-31T23:30:00Z', 'Europe/Berlin', 'en-US')).toBe('Jan 1, 2027');
  });
});
