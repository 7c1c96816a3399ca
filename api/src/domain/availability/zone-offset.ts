import { IANAZone } from 'luxon';

/**
 * A zone's UTC offset (minutes) at an instant, memoised. Asking Intl for an
 * offset is the slot engine's most expensive step, and the same instants
 * (midnights, rule boundaries) come up in every request, so answers are
 * remembered. Offsets of a past or future instant never change while the
 * process runs (the tz database is fixed at start), so the cache is exact.
 */
const cache = new Map<string, number>();
const MAX_ENTRIES = 200_000;

export function zoneOffsetMinutes(zone: string, instant: number): number {
  const key = `${zone}|${instant}`;
  let offset = cache.get(key);
  if (offset === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    offset = IANAZone.create(zone).offset(instant);
    cache.set(key, offset);
  }
  return offset;
}

/** `instant` as ISO 8601 local time with offset in `zone`: "2027-03-02T03:00:00-05:00". */
export function localIsoString(instant: number, zone: string): string {
  const offset = zoneOffsetMinutes(zone, instant);
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}
