import type { Schedule } from './schedule.ts';
import type { SlotQuery } from './slots.ts';

const ALWAYS_OPEN: Schedule = {
  zone: 'UTC',
  rules: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startTime: '00:00',
    endTime: '24:00',
    effectiveFrom: null,
    effectiveTo: null,
  })),
  overrides: [],
};

/**
 * The same query with the business rules lifted (opening hours, slot grid,
 * minimum notice, booking window) for an admin's manual booking "outside the
 * rules". What remains is what no flag may lift: busy times, seats and
 * resources, so a manual booking can never double-book.
 */
export function withoutRules(query: SlotQuery): SlotQuery {
  return {
    ...query,
    service: { ...query.service, slotIntervalMinutes: 1, minimumNoticeMinutes: 0, bookingWindowDays: 36_500 },
    serviceSchedule: null,
    providers: query.providers.map((provider) => ({ ...provider, schedule: ALWAYS_OPEN })),
    now: query.from,
  };
}
