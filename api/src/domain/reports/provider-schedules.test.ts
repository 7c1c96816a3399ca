import { describe, expect, it } from 'vitest';
import type { StoredOverride, StoredRule } from '../availability/schedule-resolution.ts';
import { providerSchedules } from './provider-schedules.ts';

const rule = (providerId: string | null, serviceId: string | null, dayOfWeek = 1): StoredRule => ({
  providerId,
  serviceId,
  dayOfWeek,
  startTime: '09:00',
  endTime: '17:00',
  effectiveFrom: null,
  effectiveTo: null,
});
const override = (providerId: string | null, date: string): StoredOverride => ({
  providerId,
  date,
  closed: true,
  startTime: null,
  endTime: null,
});

describe('providerSchedules', () => {
  const rules = [
    rule('p1', null),
    rule('p1', 's1', 2),
    rule(null, 's1', 3),
    rule(null, 's2', 4),
    rule('p3', null),
  ];
  const overrides = [
    override('p1', '2027-03-28'),
    override(null, '2027-03-28'),
    override(null, '2027-03-29'),
  ];
  const services = [
    { id: 's1', timezone: null },
    { id: 's2', timezone: 'America/New_York' },
  ];

  it("takes all the provider's own rules in their zone, their overrides before the business's", () => {
    const [schedule, ...more] = providerSchedules(
      { id: 'p1', timezone: 'Europe/London', serviceIds: ['s1'] },
      { services, rules, overrides },
      'Europe/Berlin',
    );
    expect(more).toEqual([]);
    expect(schedule!.zone).toBe('Europe/London');
    expect(schedule!.rules.map((r) => r.dayOfWeek)).toEqual([1, 2]);
    expect(schedule!.overrides).toEqual([override('p1', '2027-03-28'), override(null, '2027-03-29')]);
  });

  it("falls back to the hours of each service performed, in the service's zone", () => {
    const schedules = providerSchedules(
      { id: 'p2', timezone: null, serviceIds: ['s1', 's2'] },
      { services, rules, overrides },
      'Europe/Berlin',
    );
    expect(schedules.map((s) => [s.zone, s.rules[0]!.dayOfWeek])).toEqual([
      ['Europe/Berlin', 3],
      ['America/New_York', 4],
    ]);
    expect(
      providerSchedules({ id: 'p4', timezone: null, serviceIds: [] }, { services, rules, overrides }, 'UTC'),
    ).toEqual([]);
  });
});
