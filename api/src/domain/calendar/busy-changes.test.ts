import { describe, expect, it } from 'vitest';
import { busyChanges } from './busy-changes.ts';
import type { ExternalEvent } from './external-busy.ts';
import { syncWindow } from './sync-window.ts';

const now = new Date('2027-03-03T12:00:00Z');
const window = syncWindow(now, 30);
const event = (
  id: string,
  start: string,
  end: string,
  extra: Partial<ExternalEvent> = {},
): ExternalEvent => ({
  id,
  cancelled: false,
  transparent: false,
  declinedBySelf: false,
  bookingId: null,
  start: { instant: new Date(start) },
  end: { instant: new Date(end) },
  ...extra,
});

describe('busyChanges', () => {
  it('puts busy events inside the window and removes the rest', () => {
    const changes = busyChanges(
      [
        event('dentist', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z'),
        event('gone', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z', { cancelled: true }),
        event('free', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z', { transparent: true }),
        event('ours', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z', { bookingId: 'booking-1' }),
        event('theirs', '2027-03-04T11:00:00Z', '2027-03-04T12:00:00Z', { bookingId: 'booking-2' }),
        event('far', '2027-09-04T09:00:00Z', '2027-09-04T10:00:00Z'),
        event('past', '2027-02-01T09:00:00Z', '2027-02-01T10:00:00Z'),
      ],
      'Europe/Berlin',
      window,
      new Set(['booking-1']),
    );
    expect(changes.put).toEqual([
      {
        externalId: 'dentist',
        start: new Date('2027-03-04T09:00:00Z'),
        end: new Date('2027-03-04T10:00:00Z'),
      },
      {
        externalId: 'theirs',
        start: new Date('2027-03-04T11:00:00Z'),
        end: new Date('2027-03-04T12:00:00Z'),
      },
    ]);
    expect(changes.remove.sort()).toEqual(['far', 'free', 'gone', 'ours', 'past']);
  });

  it('takes an event listed twice at its last listing', () => {
    const changes = busyChanges(
      [
        event('moved', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z'),
        event('moved', '2027-03-04T11:00:00Z', '2027-03-04T12:00:00Z'),
        event('then-deleted', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z'),
        event('then-deleted', '2027-03-04T09:00:00Z', '2027-03-04T10:00:00Z', { cancelled: true }),
      ],
      'UTC',
      window,
      new Set(),
    );
    expect(changes.put.map((p) => [p.externalId, p.start.toISOString()])).toEqual([
      ['moved', '2027-03-04T11:00:00.000Z'],
    ]);
    expect(changes.remove).toEqual(['then-deleted']);
  });
});
