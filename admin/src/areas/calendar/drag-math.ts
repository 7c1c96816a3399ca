/**
 * Where a dragged appointment lands, and which time an empty spot means: pixels to wall-clock
 * minutes, snapped to a quarter hour, kept inside the visible days and the day.
 */

export const SNAP_MINUTES = 15;

export interface DragStart {
  dayIndex: number;
  /** Wall-clock minutes of the appointment's start on its day. */
  startMinutes: number;
  durationMinutes: number;
}

export interface DragGeometry {
  /** Width of one day's column, in px. */
  columnWidth: number;
  pxPerMinute: number;
  dayCount: number;
}

export interface DropTarget {
  dayIndex: number;
  minutes: number;
}

/** The day and start an appointment moved by (dx, dy) px lands on. */
export function dropTarget(from: DragStart, dx: number, dy: number, geometry: DragGeometry): DropTarget {
  const dayIndex = clamp(from.dayIndex + Math.round(dx / geometry.columnWidth), 0, geometry.dayCount - 1);
  const latest = Math.floor((24 * 60 - Math.max(from.durationMinutes, 0)) / SNAP_MINUTES) * SNAP_MINUTES;
  const minutes = clamp(snap(from.startMinutes + dy / geometry.pxPerMinute), 0, Math.max(latest, 0));
  return { dayIndex, minutes };
}

/** Whether the pointer moved far enough to be a drag rather than a click (a few px of jitter). */
export function isDrag(dx: number, dy: number): boolean {
  return Math.abs(dx) > 4 || Math.abs(dy) > 4;
}

/** The quarter hour at `offsetY` px into a day column that starts at `firstMinute`, rounded down. */
export function minutesAt(offsetY: number, pxPerMinute: number, firstMinute: number): number {
  const minutes = firstMinute + offsetY / pxPerMinute;
  return clamp(Math.floor(minutes / SNAP_MINUTES) * SNAP_MINUTES, 0, 24 * 60 - SNAP_MINUTES);
}

export function snap(minutes: number): number {
  return Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
}

/** "HH:MM" of minutes after midnight (for time inputs). */
export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes after midnight of an "HH:MM" input value; null when it is not one. */
export function minutesOfTime(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
