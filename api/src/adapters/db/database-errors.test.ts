import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isForeignKeyViolation, sqlState } from './database-errors.ts';

// How errors from PostgreSQL going away are told apart from everything else (503 vs 500).
describe('isDatabaseUnavailable', () => {
  it('knows a Prisma error wrapping 57P01 (a restart cut the connection)', () => {
    const error = { meta: { driverAdapterError: { cause: { originalCode: '57P01' } } } };
    expect(sqlState(error)).toBe('57P01');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("knows the driver adapter's own error, unwrapped, as a transaction's ROLLBACK meets a restart", () => {
    const error = Object.assign(new Error('terminating connection due to administrator command'), {
      name: 'DriverAdapterError',
      cause: { kind: 'postgres', originalCode: '57P01', originalMessage: 'terminating connection' },
    });
    expect(sqlState(error)).toBe('57P01');
    expect(isDatabaseUnavailable(error)).toBe(true);
    const withoutCause = Object.assign(new Error('terminating connection due to administrator command'), {
      name: 'DriverAdapterError',
    });
    expect(isDatabaseUnavailable(withoutCause)).toBe(true);
  });

  it('leaves other database errors alone (a unique violation is no outage)', () => {
    expect(
      isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { originalCode: '23505' } } } }),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error('division by zero'))).toBe(false);
  });
});

describe('isForeignKeyViolation', () => {
  it('knows 23503 wrapped by Prisma and Prisma’s own P2003, and nothing else', () => {
    expect(
      isForeignKeyViolation({ meta: { driverAdapterError: { cause: { originalCode: '23503' } } } }),
    ).toBe(true);
    expect(isForeignKeyViolation({ code: 'P2003' })).toBe(true);
    expect(
      isForeignKeyViolation({ meta: { driverAdapterError: { cause: { originalCode: '23505' } } } }),
    ).toBe(false);
    expect(isForeignKeyViolation(new Error('23503'))).toBe(false);
  });
});
