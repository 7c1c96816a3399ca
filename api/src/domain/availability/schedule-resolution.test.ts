import { describe, expect, it } from 'vitest';
import { resolveSchedules, type StoredOverride, type StoredRule } from './schedule-resolution.ts';

const rule = (providerId: string | null, serviceId: string | null, startTime: string): StoredRule => ({
  providerId,
  serviceId,
  dayOfWeek: 1,
  startTime,
  endTime: '17:00',
  effectiveFrom: null,
  effectiveTo: null,
});
const closed = (providerId: string | null, date: string): StoredOverride => ({
  providerId,
  date,
  closed: true,
  startTime: null,
  endTime: null,
});

const resolve = (rules: StoredRule[], overrides: StoredOverride[] = []) =>
  resolveSchedules({
    serviceId: 's',
    serviceZone: 'Europe/Berlin',
    providers: [
      { id: 'p', zone: 'America/New_York' },
      { id: 'q', zone: 'Asia/Tokyo' },
    ],
    rules,
    overrides,
  });

describe('resolveSchedules', () => {
  it("uses a provider's rules for the service over their general rules", () => {
    const result = resolve([rule('p', null, '09:00'), rule('p', 's', '12:00'), rule('p', 'other', '07:00')]);
    expect(result.providers.get('p')).toMatchObject({
      zone: 'America/New_York',
      rules: [{ startTime: '12:00' }],
    });
    expect(result.service).toBeNull();
  });

  it('falls back to general rules, and to the service’s hours (in its zone) for providers without any', () => {
    const result = resolve([rule('p', null, '09:00'), rule(null, 's', '10:00')]);
    expect(result.providers.get('p')).toMatchObject({ rules: [{ startTime: '09:00' }] });
    expect(result.providers.get('q')).toMatchObject({
      zone: 'Europe/Berlin',
      rules: [{ startTime: '10:00' }],
    });
    expect(result.service).toMatchObject({ zone: 'Europe/Berlin', rules: [{ startTime: '10:00' }] });
  });

  it('gives a provider nothing when neither they nor the service have hours', () => {
    expect(resolve([]).providers.get('p')?.rules).toEqual([]);
  });

  it("applies a provider's own override for a date before the business-wide one", () => {
    const own = { ...closed('p', '2027-03-01'), closed: false, startTime: '10:00', endTime: '12:00' };
    const result = resolve(
      [rule('p', null, '09:00'), rule('q', null, '09:00')],
      [own, closed(null, '2027-03-01'), closed(null, '2027-03-02')],
    );
    expect(result.providers.get('p')?.overrides).toEqual([own, closed(null, '2027-03-02')]);
    expect(result.providers.get('q')?.overrides).toEqual([
      closed(null, '2027-03-01'),
      closed(null, '2027-03-02'),
    ]);
  });
});
