import { describe, expect, it } from 'vitest';
import {
  addOrigin,
  basisPointsToPercent,
  logoProblem,
  parseOrigin,
  percentToBasisPoints,
} from './settings-input.ts';

describe('allowed origins', () => {
  it('keeps the origin of an address, lower case', () => {
    expect(parseOrigin(' https://Studio.Example/book?x=1 ')).toEqual({ origin: 'https://studio.example' });
    expect(parseOrigin('http://localhost:8080')).toEqual({ origin: 'http://localhost:8080' });
  });

  it('refuses what is not a web origin', () => {
    expect(parseOrigin('')).toHaveProperty('error');
    expect(parseOrigin('studio.example')).toHaveProperty('error');
    expect(parseOrigin('ftp://studio.example')).toHaveProperty('error');
    expect(parseOrigin('https://a:b@studio.example')).toHaveProperty('error');
  });

  it('does not list an origin twice', () => {
    expect(addOrigin(['https://a.example'], 'https://a.example')).toEqual({
      origins: ['https://a.example'],
      added: false,
    });
    expect(addOrigin([], 'https://a.example')).toEqual({ origins: ['https://a.example'], added: true });
  });
});

describe('invoicing inputs', () => {
  it('turns percentages into basis points and back', () => {
    expect(percentToBasisPoints('19')).toBe(1900);
    expect(percentToBasisPoints('7,5')).toBe(750);
    expect(percentToBasisPoints('0.07')).toBe(7);
    expect(percentToBasisPoints('100.01')).toBeNull();
    expect(percentToBasisPoints('-1')).toBeNull();
    expect(percentToBasisPoints('1.234')).toBeNull();
    expect(basisPointsToPercent(750)).toBe('7.5');
  });

  it('accepts PNG and JPEG logos up to 256 KB', () => {
    expect(logoProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(logoProblem({ type: 'image/gif', size: 1000 })).toMatch(/PNG or JPEG/);
    expect(logoProblem({ type: 'image/jpeg', size: 256 * 1024 + 1 })).toMatch(/256 KB/);
  });
});
