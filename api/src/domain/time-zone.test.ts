import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isIanaTimeZone } from './time-zone.ts';

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

describe('canonicalTimeZone', () => {
  it.each([
    ['europe/berlin', 'Europe/Berlin'],
    ['EUROPE/BERLIN', 'Europe/Berlin'],
    ['america/new_york', 'America/New_York'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    ['antarctica/dumontdurville', 'Antarctica/DumontDUrville'],
    ['utc', 'UTC'],
  ])('fixes the case of %j', (sent, stored) => expect(canonicalTimeZone(sent)).toBe(stored));

  it.each(['Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires', 'Australia/Lord_Howe'])(
    'keeps %j as sent',
    (zone) => expect(canonicalTimeZone(zone)).toBe(zone),
  );

  // Whichever of a link and its target this Node's ICU prefers, a correctly
  // spelled name comes back as sent.
  it.each(['Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'Europe/Kiev', 'Asia/Kathmandu', 'Etc/UTC'])(
    'keeps the link or its target %j as sent',
    (zone) => expect(canonicalTimeZone(zone)).toBe(zone),
  );

  it('answers a link sent in another case with a correctly spelled name of the same zone', () => {
    const stored = canonicalTimeZone('asia/kolkata');
    expect(['Asia/Kolkata', 'Asia/Calcutta']).toContain(stored);
  });

  it.each(['Mars/Olympus', 'Europe/', ''])('does not know %j', (zone) =>
    expect(canonicalTimeZone(zone)).toBeUndefined(),
  );
});
