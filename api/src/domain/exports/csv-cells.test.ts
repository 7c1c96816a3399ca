import { describe, expect, it } from 'vitest';
import { localMinute, majorUnits, minorUnitDigits, spreadsheetText } from './csv-cells.ts';

describe('spreadsheetText', () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['+49 30 1234567', "'+49 30 1234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['Ada = Lovelace', 'Ada = Lovelace'],
    ["O'Brien", "O'Brien"],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(spreadsheetText(text)).toBe(expected);
  });

  it('leaves null alone', () => {
    expect(spreadsheetText(null)).toBeNull();
  });
});

describe('majorUnits', () => {
  it.each([
    [-150, 'EUR', '-1.50'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [123_456_789, 'USD', '1234567.89'],
    [1500, 'JPY', '1500'],
    [-300, 'JPY', '-300'],
    [1005, 'BHD', '1.005'],
  ])('%d %s → %s', (cents, currency, expected) => {
    expect(majorUnits(cents, currency)).toBe(expected);
  });

  it('takes the digits from Intl', () => {
    expect([minorUnitDigits('JPY'), minorUnitDigits('EUR'), minorUnitDigits('KWD')]).toEqual([0, 2, 3]);
  });
});

describe('localMinute', () => {
  it("shows the zone's wall clock on both sides of a change (Berlin, 28 March 2027, 02:00 → 03:00)", () => {
    expect(localMinute(new Date('2027-03-28T00:30:00Z'), 'Europe/Berlin')).toBe('2027-03-28 01:30');
    expect(localMinute(new Date('2027-03-28T01:30:00Z'), 'Europe/Berlin')).toBe('2027-03-28 03:30');
  });
});
