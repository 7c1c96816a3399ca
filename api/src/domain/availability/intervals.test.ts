import { describe, expect, it } from 'vitest';
import { intersectIntervals, mergeIntervals } from './intervals.ts';

const i = (start: number, end: number) => ({ start, end });

describe('mergeIntervals', () => {
  it('sorts, joins overlapping and touching intervals, and drops empty ones', () => {
    expect(mergeIntervals([i(5, 7), i(0, 2), i(2, 3), i(6, 9), i(4, 4)])).toEqual([i(0, 3), i(5, 9)]);
  });
});

describe('intersectIntervals', () => {
  it('keeps only the common parts', () => {
    expect(intersectIntervals([i(0, 5), i(8, 12)], [i(3, 9), i(11, 20)])).toEqual([
      i(3, 5),
      i(8, 9),
      i(11, 12),
    ]);
    expect(intersectIntervals([i(0, 5)], [i(5, 9)])).toEqual([]);
  });
});
