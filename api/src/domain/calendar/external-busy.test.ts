import { describe, expect, it } from 'vitest';
import { busyIntervalOf, type ExternalEvent } from './external-busy.ts';

const timed: ExternalEvent = {
  id: 'dentist',
  cancelled: false,
  transparent: false,
  declinedBySelf: false,
  bookingId: null,
  start: { instant: new Date('2027-03-03T09:00:00Z') },
  end: { instant: new Date('2027-03-03T10:30:00Z') },
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('busyIntervalOf', () => {
  it('holds a timed event from its start to its end', () => {
    const busy = busyIntervalOf(timed, 'Europe/Berlin')!;
    expect([iso(busy.start), iso(busy.end)]).toEqual([
      '2027-03-03T09:00:00.000Z',
      '2027-03-03T10:30:00.000Z',
    ]);
  });

  it('holds an all-day event from midnight to midnight in the provider’s zone', () => {
    const allDay = { ...timed, start: { date: '2027-03-03' }, end: { date: '2027-03-04' } };
    const berlin = busyIntervalOf(allDay, 'Europe/Berlin')!;
    expect([iso(berlin.start), iso(berlin.end)]).toEqual([
      '2027-03-02T23:00:00.000Z',
      '2027-03-03T23:00:00.000Z',
    ]);
    const kathmandu = busyIntervalOf(allDay, 'Asia/Kathmandu')!;
    expect(iso(kathmandu.start)).toBe('2027-03-02T18:15:00.000Z');
  });

  it('makes the day the clocks go forward 23 hours long, and two days two midnights apart', () => {
    // Europe/Berlin moved from +01:00 to +02:00 on 28 March 2027.
    const springForward = { ...timed, start: { date: '2027-03-28' }, end: { date: '2027-03-29' } };
    const busy = busyIntervalOf(springForward, 'Europe/Berlin')!;
    expect((busy.end - busy.start) / 3_600_000).toBe(23);
    const twoDays = { ...timed, start: { date: '2027-03-03' }, end: { date: '2027-03-05' } };
    const both = busyIntervalOf(twoDays, 'Europe/Berlin')!;
    expect((both.end - both.start) / 3_600_000).toBe(48);
  });

  it('holds nothing for cancelled, available and declined events', () => {
    for (const change of [{ cancelled: true }, { transparent: true }, { declinedBySelf: true }]) {
      expect(busyIntervalOf({ ...timed, ...change }, 'Europe/Berlin'), JSON.stringify(change)).toBeNull();
    }
  });

  it('holds nothing for the provider’s own bookings, but holds another provider’s', () => {
    const booking = { ...timed, bookingId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' };
    expect(busyIntervalOf(booking, 'UTC', new Set([booking.bookingId]))).toBeNull();
    expect(busyIntervalOf(booking, 'UTC', new Set())).not.toBeNull();
  });

  it('holds nothing without usable times', () => {
    expect(busyIntervalOf({ ...timed, start: null }, 'UTC')).toBeNull();
    expect(
      busyIntervalOf({ ...timed, end: { instant: new Date('2027-03-03T09:00:00Z') } }, 'UTC'),
    ).toBeNull();
    expect(busyIntervalOf({ ...timed, start: { date: 'not a date' } }, 'UTC')).toBeNull();
  });
});
