import { describe, expect, it } from 'vitest';
import { boundedName, customerName, oneLine, usDate } from './names.ts';

describe('oneLine', () => {
  it.each([
    ['Ada\tLovelace', 'Ada Lovelace'],
    ['Ada\r\nLovelace', 'Ada Lovelace'],
    ['Cut: long', 'Cut- long'],
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['\t=1+1', `'=1+1`],
    ['Say "hi"', 'Say "hi"'],
    ['a\u2028b\u0085c', 'a b c'],
  ])('%j → %j', (text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });
});

describe('boundedName', () => {
  it('leaves a short name alone', () => {
    expect(boundedName('Ada', 41)).toBe('Ada');
  });

  it('cuts a long name to the limit and keeps two long names apart', () => {
    const a = boundedName(`${'x'.repeat(40)}-a@example.com`, 41);
    const b = boundedName(`${'x'.repeat(40)}-b@example.com`, 41);
    expect([...a]).toHaveLength(41);
    expect(a).not.toBe(b);
    expect(a.startsWith('x'.repeat(32))).toBe(true);
  });

  it('counts characters, not UTF-16 units, so it never splits a surrogate pair', () => {
    const name = boundedName('😀'.repeat(50), 41);
    expect([...name]).toHaveLength(41);
    expect(name.startsWith('😀'.repeat(32))).toBe(true);
  });
});

describe('customerName', () => {
  it('is the name and the lower-case email', () => {
    expect(customerName('Ada Lovelace', 'Ada@Example.com', 100)).toBe('Ada Lovelace (ada@example.com)');
  });

  it('guards a formula at the start', () => {
    expect(customerName('=cmd', 'a@b.c', 100)).toBe(`'=cmd (a@b.c)`);
  });
});

describe('usDate', () => {
  it('writes MM/DD/YYYY', () => {
    expect(usDate('2027-03-08')).toBe('03/08/2027');
  });
});
