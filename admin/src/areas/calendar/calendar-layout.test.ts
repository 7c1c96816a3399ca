import { describe, expect, it } from 'vitest';
import { layoutDays, packColumns, visibleMinutes, type Segment, type TimedItem } from './calendar-layout.ts';

const BERLIN = 'Europe/Berlin';

function item(id: string, start: string, end: string, allDay = false): TimedItem {
  return { id, start: new Date(start), end: new Date(end), allDay };
}

function placed(layout: ReturnType<typeof layoutDays>[number]) {
  return Object.fromEntries(
    layout.timed.map((s) => [s.item.id, [s.top, s.bottom, s.column, s.columns]] as const),
  );
}

describe('layoutDays', () => {
  it('places items at their wall-clock minutes in the zone, on the day they fall on', () => {
    const days = ['2027-01-04', '2027-01-05'];
    const [monday, tuesday] = layoutDays(
      [
        item('a', '2027-01-04T08:00:00Z', '2027-01-04T09:00:00Z'),
        item('b', '2027-01-05T13:15:00Z', '2027-01-05T13:45:00Z'),
      ],
      days,
      BERLIN,
    );
    expect(placed(monday!)).toEqual({ a: [540, 600, 0, 1] });
    expect(placed(tuesday!)).toEqual({ b: [855, 885, 0, 1] });
  });

  it('leaves out items outside the days and cuts one across midnight into two segments', () => {
    const [monday, tuesday] = layoutDays(
      [
        item('late', '2027-01-04T22:00:00Z', '2027-01-05T00:30:00Z'),
        item('before', '2027-01-03T08:00:00Z', '2027-01-03T09:00:00Z'),
      ],
      ['2027-01-04', '2027-01-05'],
      BERLIN,
    );
    expect(
      monday!.timed.map((s) => [s.item.id, s.top, s.bottom, s.continuesBefore, s.continuesAfter]),
    ).toEqual([['late', 1380, 1440, false, true]]);
    expect(
      tuesday!.timed.map((s) => [s.item.id, s.top, s.bottom, s.continuesBefore, s.continuesAfter]),
    ).toEqual([['late', 0, 90, true, false]]);
  });

  it('puts overlapping items side by side and shares the count across a chain of overlaps', () => {
    const [day] = layoutDays(
      [
        item('a', '2027-01-04T08:00:00Z', '2027-01-04T09:00:00Z'), // 09:00–10:00
        item('b', '2027-01-04T08:30:00Z', '2027-01-04T09:30:00Z'), // 09:30–10:30
        item('c', '2027-01-04T09:00:00Z', '2027-01-04T10:00:00Z'), // 10:00–11:00, after a
        item('d', '2027-01-04T10:00:00Z', '2027-01-04T10:30:00Z'), // 11:00–11:30, back to back with c
      ],
      ['2027-01-04'],
      BERLIN,
    );
    expect(placed(day!)).toEqual({
      a: [540, 600, 0, 2],
      b: [570, 630, 1, 2],
      c: [600, 660, 0, 2],
      d: [660, 690, 0, 1],
    });
  });

  it('keeps all-day blocks out of the hours, on every day they cover', () => {
    const layouts = layoutDays(
      [item('off', '2027-01-04T23:00:00Z', '2027-01-06T23:00:00Z', true)],
      ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07'],
      BERLIN,
    );
    expect(layouts.map((l) => l.allDay.map((i) => i.id))).toEqual([[], ['off'], ['off'], []]);
    expect(layouts.every((l) => l.timed.length === 0)).toBe(true);
  });

  it('draws the wall clock on the day clocks spring forward (23 hours)', () => {
    // 28 March 2027, Berlin: 02:00 becomes 03:00.
    const [day] = layoutDays(
      [
        item('across', '2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z'), // 01:30 CET – 03:30 CEST
        item('nine', '2027-03-28T07:00:00Z', '2027-03-28T08:00:00Z'), // 09:00–10:00 CEST
        item('last', '2027-03-28T21:00:00Z', '2027-03-28T22:00:00Z'), // 23:00–24:00 CEST
      ],
      ['2027-03-28'],
      BERLIN,
    );
    expect(placed(day!)).toEqual({
      across: [90, 210, 0, 1],
      nine: [540, 600, 0, 1],
      last: [1380, 1440, 0, 1],
    });
  });

  it('keeps the real length of an item in the hour that repeats when clocks fall back', () => {
    // 31 October 2027, Berlin: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    const [day] = layoutDays(
      [
        item('twice', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z'), // 02:30 CEST – 02:30 CET
        item('nine', '2027-10-31T08:00:00Z', '2027-10-31T09:00:00Z'), // 09:00–10:00 CET
      ],
      ['2027-10-31'],
      BERLIN,
    );
    expect(placed(day!)).toEqual({ twice: [150, 210, 0, 1], nine: [540, 600, 0, 1] });
  });

  it('uses the zone it is given', () => {
    const [day] = layoutDays(
      [item('a', '2027-01-04T14:00:00Z', '2027-01-04T15:00:00Z')],
      ['2027-01-04'],
      'America/New_York',
    );
    expect(placed(day!)).toEqual({ a: [540, 600, 0, 1] });
  });
});

describe('packColumns', () => {
  it('gives three items that all overlap three columns, in start order', () => {
    const segments = ['x', 'y', 'z'].map((id, index): Segment<TimedItem> => ({
      item: { id, start: new Date(0), end: new Date(0) },
      dayIndex: 0,
      top: 600 + index * 10,
      bottom: 700,
      column: 0,
      columns: 1,
      continuesBefore: false,
      continuesAfter: false,
    }));
    packColumns(segments);
    expect(segments.map((s) => [s.item.id, s.column, s.columns])).toEqual([
      ['x', 0, 3],
      ['y', 1, 3],
      ['z', 2, 3],
    ]);
  });
});

describe('visibleMinutes', () => {
  it('is 07:00–20:00 unless items reach further, widened to whole hours', () => {
    expect(visibleMinutes([])).toEqual({ start: 420, end: 1200 });
    const layouts = layoutDays(
      [
        item('early', '2027-01-04T05:30:00Z', '2027-01-04T06:00:00Z'),
        item('late', '2027-01-04T20:00:00Z', '2027-01-04T20:15:00Z'),
      ],
      ['2027-01-04'],
      BERLIN,
    );
    expect(visibleMinutes(layouts)).toEqual({ start: 360, end: 1320 });
  });
});
