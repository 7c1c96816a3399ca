import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../errors.ts';
import { assertStatusChange, type AppointmentStatus, type StatusChange } from './status.ts';

const now = new Date('2027-03-01T12:00:00Z');
const future = new Date('2027-03-02T12:00:00Z');
const past = new Date('2027-03-01T09:00:00Z');

// Holds in these cases are still running; expired holds have their own case.
const hold = new Date('2027-03-01T12:10:00Z');

describe('assertStatusChange', () => {
  it.each<[AppointmentStatus, StatusChange, Date, 'client' | 'admin']>([
    ['CONFIRMED', 'cancel', future, 'client'],
    ['PENDING', 'cancel', future, 'client'],
    ['CONFIRMED', 'reschedule', future, 'client'],
    ['CONFIRMED', 'cancel', past, 'admin'],
    ['CONFIRMED', 'complete', past, 'admin'],
    ['CONFIRMED', 'no-show', past, 'admin'],
  ])('allows %s → %s (start %s, by %s)', (status, change, start, actor) => {
    expect(() =>
      assertStatusChange({ status, startTimeUtc: start, holdExpiresAt: hold }, change, now, actor),
    ).not.toThrow();
  });

  it.each<[AppointmentStatus, StatusChange, Date, 'client' | 'admin']>([
    ['CANCELLED', 'cancel', future, 'client'],
    ['COMPLETED', 'cancel', past, 'admin'],
    ['NO_SHOW', 'reschedule', future, 'client'],
    ['CONFIRMED', 'cancel', past, 'client'],
    ['CONFIRMED', 'reschedule', past, 'client'],
    ['CONFIRMED', 'complete', future, 'admin'],
    ['PENDING', 'complete', past, 'admin'],
    ['CANCELLED', 'no-show', past, 'admin'],
  ])('refuses %s → %s (start %s, by %s)', (status, change, start, actor) => {
    expect(() =>
      assertStatusChange({ status, startTimeUtc: start, holdExpiresAt: hold }, change, now, actor),
    ).toThrow(InvalidStateError);
  });

  it.each<StatusChange>(['cancel', 'reschedule'])('refuses to %s a hold that has expired', (change) => {
    const expired = { status: 'PENDING' as const, startTimeUtc: future, holdExpiresAt: now };
    expect(() => assertStatusChange(expired, change, now, 'client')).toThrow(/hold has expired/);
    expect(() => assertStatusChange(expired, change, now, 'admin')).toThrow(InvalidStateError);
  });
});
