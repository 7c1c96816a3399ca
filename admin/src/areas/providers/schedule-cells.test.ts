import { describe, expect, it } from 'vitest';
import {
  cellsToRules,
  dayHours,
  emptyWeek,
  moveFocus,
  paintRectangle,
  rulesToCells,
  stepFor,
  toggleCell,
  wallTimeOf,
} from './schedule-cells.ts';

const MONDAY = 1;
const SUNDAY = 0;

describe('rules to cells and back', () => {
  it('merges adjacent cells into one rule per run, per day', () => {
    const { cells, kept } = rulesToCells(
      [
        { dayOfWeek: MONDAY, startTime: '09:00', endTime: '10:00' },
        { dayOfWeek: MONDAY, startTime: '10:00', endTime: '12:00' }, // touches the first: one run
        { dayOfWeek: MONDAY, startTime: '13:00', endTime: '17:30' },
        { dayOfWeek: 3, startTime: '08:00', endTime: '08:30' },
      ],
      30,
    );
    expect(kept).toEqual([]);
    expect(cellsToRules(cells, 30)).toEqual([
      { dayOfWeek: MONDAY, startTime: '09:00', endTime: '12:00' },
      { dayOfWeek: MONDAY, startTime: '13:00', endTime: '17:30' },
      { dayOfWeek: 3, startTime: '08:00', endTime: '08:30' },
    ]);
  });

  it('ends a run that reaches midnight at "24:00" and starts one at "00:00"', () => {
    const { cells } = rulesToCells(
      [
        { dayOfWeek: SUNDAY, startTime: '22:00', endTime: '24:00' },
        { dayOfWeek: MONDAY, startTime: '00:00', endTime: '02:00' },
      ],
      30,
    );
    expect(cells[SUNDAY]![47]).toBe(true);
    expect(cells[MONDAY]![0]).toBe(true);
    // Sunday night and Monday morning stay two rules: the API's rules are per day.
    expect(cellsToRules(cells, 30)).toEqual([
      { dayOfWeek: SUNDAY, startTime: '22:00', endTime: '24:00' },
      { dayOfWeek: MONDAY, startTime: '00:00', endTime: '02:00' },
    ]);
    expect(
      cellsToRules(rulesToCells([{ dayOfWeek: 2, startTime: '00:00', endTime: '24:00' }], 15).cells, 15),
    ).toEqual([{ dayOfWeek: 2, startTime: '00:00', endTime: '24:00' }]);
  });

  it('gives no rules for an empty week, and no rule for an empty day', () => {
    expect(cellsToRules(emptyWeek(30), 30)).toEqual([]);
    const { cells } = rulesToCells([{ dayOfWeek: 5, startTime: '09:00', endTime: '10:00' }], 30);
    expect(cellsToRules(cells, 30).map((rule) => rule.dayOfWeek)).toEqual([5]);
    expect(dayHours(cells[4]!, 30)).toBe('');
  });

  it('keeps rules the grid cannot draw: tied to a service or dates, off the step, or empty', () => {
    const rules = [
      { dayOfWeek: MONDAY, startTime: '09:00', endTime: '12:00' },
      { dayOfWeek: MONDAY, startTime: '14:00', endTime: '15:00', serviceId: 'svc' },
      { dayOfWeek: 2, startTime: '09:00', endTime: '12:00', effectiveFrom: '2027-01-01' },
      { dayOfWeek: 3, startTime: '09:10', endTime: '12:00' },
    ];
    const { cells, kept } = rulesToCells(rules, 15);
    expect(kept).toEqual(rules.slice(1));
    expect(cellsToRules(cells, 15)).toEqual([rules[0]]);
  });

  it('uses 30-minute cells unless a plain rule needs quarter hours', () => {
    expect(stepFor([{ dayOfWeek: 1, startTime: '09:00', endTime: '17:30' }])).toBe(30);
    expect(stepFor([{ dayOfWeek: 1, startTime: '09:15', endTime: '17:30' }])).toBe(15);
    expect(stepFor([{ dayOfWeek: 1, startTime: '09:15', endTime: '17:30', serviceId: 's' }])).toBe(30);
    expect(stepFor([])).toBe(30);
  });

  it('writes times as the API does', () => {
    expect([wallTimeOf(0), wallTimeOf(570), wallTimeOf(1440)]).toEqual(['00:00', '09:30', '24:00']);
  });
});

describe('painting', () => {
  it('paints the rectangle between the anchor and the pointer, over the grid as the drag began', () => {
    const baseline = emptyWeek(30);
    // Monday (column 0) 09:00 to Wednesday (column 2) 10:30: rows 18–20.
    const painted = paintRectangle(baseline, { column: 0, row: 18 }, { column: 2, row: 20 }, true);
    expect(cellsToRules(painted, 30)).toEqual([
      { dayOfWeek: 1, startTime: '09:00', endTime: '10:30' },
      { dayOfWeek: 2, startTime: '09:00', endTime: '10:30' },
      { dayOfWeek: 3, startTime: '09:00', endTime: '10:30' },
    ]);
    expect(cellsToRules(baseline, 30)).toEqual([]); // not changed in place
    // Dragging back up-left from the anchor covers the cells the other way round.
    const back = paintRectangle(baseline, { column: 2, row: 20 }, { column: 0, row: 18 }, true);
    expect(back).toEqual(painted);
  });

  it('removes when the drag starts on a painted cell (paint = false), Sunday last', () => {
    const week = rulesToCells([{ dayOfWeek: 0, startTime: '08:00', endTime: '12:00' }], 30).cells;
    const erased = paintRectangle(week, { column: 6, row: 16 }, { column: 6, row: 17 }, false);
    expect(cellsToRules(erased, 30)).toEqual([{ dayOfWeek: 0, startTime: '09:00', endTime: '12:00' }]);
  });

  it('toggles one cell with the keyboard', () => {
    const once = toggleCell(emptyWeek(30), { column: 4, row: 0 });
    expect(cellsToRules(once, 30)).toEqual([{ dayOfWeek: 5, startTime: '00:00', endTime: '00:30' }]);
    expect(cellsToRules(toggleCell(once, { column: 4, row: 0 }), 30)).toEqual([]);
  });

  it('moves the focus with arrows, pages, Home and End, inside the grid', () => {
    const at = { column: 0, row: 0 };
    expect(moveFocus(at, 'ArrowUp', 48, 4)).toEqual(at);
    expect(moveFocus(at, 'ArrowLeft', 48, 4)).toEqual(at);
    expect(moveFocus(at, 'ArrowDown', 48, 4)).toEqual({ column: 0, row: 1 });
    expect(moveFocus({ column: 6, row: 3 }, 'ArrowRight', 48, 4)).toEqual({ column: 6, row: 3 });
    expect(moveFocus(at, 'PageDown', 48, 4)).toEqual({ column: 0, row: 4 });
    expect(moveFocus(at, 'End', 48, 4)).toEqual({ column: 0, row: 47 });
    expect(moveFocus(at, 'x', 48, 4)).toBeNull();
  });

  it('says a day’s hours in words', () => {
    const { cells } = rulesToCells(
      [
        { dayOfWeek: 1, startTime: '09:00', endTime: '12:00' },
        { dayOfWeek: 1, startTime: '13:00', endTime: '24:00' },
      ],
      30,
    );
    expect(dayHours(cells[1]!, 30)).toBe('09:00–12:00, 13:00–24:00');
  });
});
