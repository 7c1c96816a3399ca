import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './time-zone.ts';

describe('isIanaTimeZone', () => {
  it.each([
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/Argentina/Buenos_Aires',
    'UTC',
  ])('accepts %s', (zone) => expect(isIanaTimeZone(zone)).toBe(true));

  it.each(['Mars/Olympus', 'CET', 'UTC+2', '+02:00', 'europe berlin', '', 'Europe/'])('rejects %j', (zone) =>
    expect(isIanaTimeZone(zone)).toBe(false),
  );
});
