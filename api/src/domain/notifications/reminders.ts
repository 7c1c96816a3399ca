import type { AppointmentStatus } from '../../generated/prisma/enums.ts';
import { HOUR, MINUTE } from '../time-units.ts';

/** The offsets a service gets unless it names its own: a day before and an hour before. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES = [1440, 60] as const;

/**
 * How late a reminder may still go out: half its offset, at most 2 hours. A reminder meant for 24 h
 * before may leave until 22 h before, one meant for 1 h before until 30 minutes before; later (the
 * server was down) it is skipped, never sent late, so a reminder always gives at least half the
 * notice it promises and never arrives after the appointment began.
 */
export function reminderWindowMs(offsetMinutes: number): number {
  return Math.min((offsetMinutes * MINUTE) / 2, 2 * HOUR);
}

export interface PlannedReminder {
  offsetMinutes: number;
  /** start − offset: real minutes, so the instant is right across a daylight-saving change. */
  dueAt: Date;
  /** dueAt + the window: not sent after this. */
  sendBy: Date;
}

/**
 * The reminders of a booking that starts at `start`: one per offset, earliest first. Offsets are
 * real durations: for a booking at 10:00 in Berlin on 28 March 2027 (the spring change), "24 h
 * before" is 09:00 on the 27th by the clock, 1,440 minutes earlier. Reminders that were already due
 * when the booking was made or moved (`since`) are left out: a booking made 30 minutes ahead gets
 * no "in 1 hour" reminder.
 */
export function reminderPlan(start: Date, offsetsMinutes: readonly number[], since: Date): PlannedReminder[] {
  return [...new Set(offsetsMinutes)]
    .map((offsetMinutes) => {
      const due = start.getTime() - offsetMinutes * MINUTE;
      return {
        offsetMinutes,
        dueAt: new Date(due),
        sendBy: new Date(due + reminderWindowMs(offsetMinutes)),
      };
    })
    .filter((reminder) => reminder.dueAt.getTime() > since.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export type ReminderDecision =
  { send: true } | { send: false; reason: 'not_confirmed' | 'moved' | 'past_window' };

/**
 * Whether a reminder planned for `plannedStart` goes out `now`: only for a booking still
 * CONFIRMED, still at the start it was planned for (a moved booking has new reminders of its own),
 * and not past its window.
 */
export function reminderDecision(input: {
  status: AppointmentStatus;
  startTimeUtc: Date;
  plannedStart: Date;
  offsetMinutes: number;
  now: Date;
}): ReminderDecision {
  if (input.status !== 'CONFIRMED') return { send: false, reason: 'not_confirmed' };
  if (input.startTimeUtc.getTime() !== input.plannedStart.getTime()) return { send: false, reason: 'moved' };
  const due = input.plannedStart.getTime() - input.offsetMinutes * MINUTE;
  if (input.now.getTime() - due > reminderWindowMs(input.offsetMinutes)) {
    return { send: false, reason: 'past_window' };
  }
  return { send: true };
}
