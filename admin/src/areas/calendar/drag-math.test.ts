import { describe, expect, it } from 'vitest';
import { dropTarget, isDrag, minutesAt, minutesOfTime, timeOfMinutes } from './drag-math.ts';

const geometry = { columnWidth: 100, pxPerMinute: 1, dayCount: 7 };

describe('dropTarget', () => {
  it('moves by whole columns and snaps the start to a quarter hour', () => {
    const from = { dayIndex: 1, startMinutes: 600, durationMinutes: 60 };
    expect(dropTarget(from, 0, 37, geometry)).toEqual({ dayIndex: 1, minutes: 630 });
    expect(dropTarget(from, 0, 7, geometry)).toEqual({ dayIndex: 1, minutes: 600 });
    expect(dropTarget(from, 160, -52, geometry)).toEqual({ dayIndex: 3, minutes: 555 });
    expect(dropTarget(from, -40, 0, { ...geometry, pxPerMinute: 2 })).toEqual({ dayIndex: 1, minutes: 600 });
  });

  it('stays inside the visible days and inside the day', () => {
    const from = { dayIndex: 0, startMinutes: 1380, durationMinutes: 45 };
    expect(dropTarget(from, -300, 0, geometry)).toEqual({ dayIndex: 0, minutes: 1380 });
    expect(dropTarget(from, 900, 200, geometry)).toEqual({ dayIndex: 6, minutes: 1395 });
    expect(dropTarget({ ...from, startMinutes: 30 }, 0, -100, geometry)).toEqual({ dayIndex: 0, minutes: 0 });
    expect(dropTarget({ ...from, durationMinutes: 90 }, 0, 60, geometry)).toEqual({
      dayIndex: 0,
      minutes: 1350,
    });
  });
});

describe('helpers', () => {
  it('tells a drag from a click by a few pixels', () => {
    expect(isDrag(3, -4)).toBe(false);
    expect(isDrag(0, 5)).toBe(true);
  });

  it('reads the quarter hour under an offset in a column', () => {
    expect(minutesAt(0, 1, 420)).toBe(420);
    expect(minutesAt(44, 1, 420)).toBe(450);
    expect(minutesAt(10_000, 1, 420)).toBe(1425);
  });

  it('writes and reads time input values', () => {
    expect(timeOfMinutes(545)).toBe('09:05');
    expect(minutesOfTime('09:05')).toBe(545);
    expect(minutesOfTime('24:00')).toBeNull();
    expect(minutesOfTime('')).toBeNull();
  });
});
