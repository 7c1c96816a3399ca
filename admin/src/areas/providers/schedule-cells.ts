/**
 * The week grid of a provider's schedule and the weekly rules of
 * GET/PUT /v1/tenant-admin/providers/{id}/availability, both ways. A grid is 7 days
 * (index = dayOfWeek, 0 Sunday … 6 Saturday, as the API counts) × (1440 / step) cells; a painted
 * cell is an open time. Rules the grid cannot draw exactly (tied to a service, limited to dates,
 * or off the step: 09:10) are kept apart and sent back unchanged, so painting never rewrites them.
 */

export interface RuleLike {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  serviceId?: string | null | undefined;
  effectiveFrom?: string | null | undefined;
  effectiveTo?: string | null | undefined;
}

export interface PlainRule {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
}

export type WeekCells = boolean[][];

export const MINUTES_PER_DAY = 1440;
/** Monday first, as the business's week is shown; values are API days of week. */
export const DISPLAY_DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** "09:30" → 570; "24:00" → 1440. */
export function wallMinutes(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** 570 → "09:30"; 1440 → "24:00" (the end of the day, as the API writes it). */
export function wallTimeOf(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function emptyWeek(step: number): WeekCells {
  return Array.from({ length: 7 }, () => Array<boolean>(MINUTES_PER_DAY / step).fill(false));
}

/** Only a rule for every date and every service of the provider is a plain weekly hour. */
function isPlain(rule: RuleLike): boolean {
  return !rule.serviceId && !rule.effectiveFrom && !rule.effectiveTo;
}

/** 30-minute cells unless a plain rule starts or ends on a quarter hour; then 15. */
export function stepFor(rules: readonly RuleLike[]): 15 | 30 {
  const quarter = rules
    .filter(isPlain)
    .some((rule) => [rule.startTime, rule.endTime].some((time) => wallMinutes(time) % 30 !== 0));
  return quarter ? 15 : 30;
}

/** The rules as a grid at `step`, and the rules the grid leaves alone. */
export function rulesToCells<Rule extends RuleLike>(
  rules: readonly Rule[],
  step: number,
): { cells: WeekCells; kept: Rule[] } {
  const cells = emptyWeek(step);
  const kept: Rule[] = [];
  for (const rule of rules) {
    const start = wallMinutes(rule.startTime);
    const end = wallMinutes(rule.endTime);
    if (!isPlain(rule) || start % step !== 0 || end % step !== 0 || end <= start) {
      kept.push(rule);
      continue;
    }
    for (let minute = start; minute < end; minute += step) cells[rule.dayOfWeek]![minute / step] = true;
  }
  return { cells, kept };
}

/**
 * The painted cells as rules: each run of adjacent painted cells in a day is one rule, and a run
 * reaching midnight ends at "24:00". Days are not joined across midnight: the API's rules are
 * per day, and Monday 22:00–24:00 with Tuesday 00:00–02:00 is how it writes a night shift.
 */
export function cellsToRules(cells: WeekCells, step: number): PlainRule[] {
  const rules: PlainRule[] = [];
  cells.forEach((day, dayOfWeek) => {
    for (const [from, to] of runs(day)) {
      rules.push({ dayOfWeek, startTime: wallTimeOf(from * step), endTime: wallTimeOf(to * step) });
    }
  });
  return rules;
}

/** [start, end) cell indexes of each run of painted cells. */
function runs(day: readonly boolean[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let start = -1;
  day.forEach((painted, index) => {
    if (painted && start === -1) start = index;
    if (!painted && start !== -1) {
      found.push([start, index]);
      start = -1;
    }
  });
  if (start !== -1) found.push([start, day.length]);
  return found;
}

/** "09:00–12:00, 13:00–17:00", or "" for a closed day: a day's hours in words. */
export function dayHours(day: readonly boolean[], step: number): string {
  return runs(day)
    .map(([from, to]) => `${wallTimeOf(from * step)}–${wallTimeOf(to * step)}`)
    .join(', ');
}

export interface CellPoint {
  /** Index into DISPLAY_DAYS (the grid's column). */
  column: number;
  /** Cell of the day. */
  row: number;
}

/**
 * A drag from `anchor` to `current` sets every cell of the rectangle between them to `paint`,
 * over the grid as it was when the drag began (so dragging back un-paints what the drag added).
 */
export function paintRectangle(
  baseline: WeekCells,
  anchor: CellPoint,
  current: CellPoint,
  paint: boolean,
): WeekCells {
  const next = baseline.map((day) => [...day]);
  const [firstColumn, lastColumn] = ordered(anchor.column, current.column);
  const [firstRow, lastRow] = ordered(anchor.row, current.row);
  for (let column = firstColumn; column <= lastColumn; column++) {
    const day = next[DISPLAY_DAYS[column]!]!;
    for (let row = firstRow; row <= lastRow; row++) day[row] = paint;
  }
  return next;
}

/** One cell flipped (the keyboard's Space). */
export function toggleCell(cells: WeekCells, point: CellPoint): WeekCells {
  const dayOfWeek = DISPLAY_DAYS[point.column]!;
  return paintRectangle(cells, point, point, !cells[dayOfWeek]![point.row]);
}

/** Where an arrow, Home/End or Page key moves the focus in a grid of `rows` rows. */
export function moveFocus(
  point: CellPoint,
  key: string,
  rows: number,
  rowsPerPage: number,
): CellPoint | null {
  const clampRow = (row: number) => Math.min(rows - 1, Math.max(0, row));
  const clampColumn = (column: number) => Math.min(DISPLAY_DAYS.length - 1, Math.max(0, column));
  switch (key) {
    case 'ArrowUp':
      return { ...point, row: clampRow(point.row - 1) };
    case 'ArrowDown':
      return { ...point, row: clampRow(point.row + 1) };
    case 'ArrowLeft':
      return { ...point, column: clampColumn(point.column - 1) };
    case 'ArrowRight':
      return { ...point, column: clampColumn(point.column + 1) };
    case 'PageUp':
      return { ...point, row: clampRow(point.row - rowsPerPage) };
    case 'PageDown':
      return { ...point, row: clampRow(point.row + rowsPerPage) };
    case 'Home':
      return { ...point, row: 0 };
    case 'End':
      return { ...point, row: rows - 1 };
    default:
      return null;
  }
}

export function sameCells(a: WeekCells, b: WeekCells): boolean {
  return a.every((day, index) => day.every((cell, row) => cell === b[index]![row]));
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}
