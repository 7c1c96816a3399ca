import { describe, expect, it } from 'vitest';
import { localIsoString, zoneOffsetMinutes } from './zone-offset.ts';

describe('zoneOffsetMinutes and localIsoString', () => {
  it.each([
    ['2027-03-02T08:00:00Z', 'America/New_York', -300, '2027-03-02T03:00:00-05:00'],
    ['2027-07-02T08:00:00Z', 'America/New_York', -240, '2027-07-02T04:00:00-04:00'],
    ['2027-03-02T08:00:00Z', 'Asia/Kathmandu', 345, '2027-03-02T13:45:00+05:45'],
    ['2027-01-10T12:00:00Z', 'Australia/Lord_Howe', 660, '2027-01-10T23:00:00+11:00'],
    ['2027-07-10T12:00:00Z', 'Australia/Lord_Howe', 630, '2027-07-10T22:30:00+10:30'],
    ['2027-03-02T08:00:00Z', 'UTC', 0, '2027-03-02T08:00:00+00:00'],
  ])('%s in %s', (instant, zone, offset, local) => {
    const ms = Date.parse(instant);
    expect(zoneOffsetMinutes(zone, ms)).toBe(offset);
    expect(zoneOffsetMinutes(zone, ms)).toBe(offset); // from the cache
    expect(localIsoString(ms, zone)).toBe(local);
  });
});
