import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../time-units.ts';
import { channelRenewalDue, fullSyncDue, overlapsWindow, syncWindow } from './sync-window.ts';

const now = new Date('2027-03-03T12:00:00Z');

describe('syncWindow', () => {
  it('runs from a day ago to the longest booking window and a day more', () => {
    const window = syncWindow(now, 60);
    expect(new Date(window.start).toISOString()).toBe('2027-03-02T12:00:00.000Z');
    expect(new Date(window.end).toISOString()).toBe('2027-05-03T12:00:00.000Z');
  });

  it('keeps what overlaps it, not what only touches it', () => {
    const window = syncWindow(now, 1);
    expect(overlapsWindow({ start: window.start - HOUR, end: window.start + 1 }, window)).toBe(true);
    expect(overlapsWindow({ start: window.start - HOUR, end: window.start }, window)).toBe(false);
    expect(overlapsWindow({ start: window.end, end: window.end + HOUR }, window)).toBe(false);
  });
});

describe('fullSyncDue', () => {
  it('is due before the first full listing and a day after the last', () => {
    expect(fullSyncDue(null, now)).toBe(true);
    expect(fullSyncDue(new Date(now.getTime() - DAY + 1), now)).toBe(false);
    expect(fullSyncDue(new Date(now.getTime() - DAY), now)).toBe(true);
  });
});

describe('channelRenewalDue', () => {
  it('renews a missing channel and one with less than a day left', () => {
    expect(channelRenewalDue(null, now)).toBe(true);
    expect(channelRenewalDue(new Date(now.getTime() + DAY), now)).toBe(false);
    expect(channelRenewalDue(new Date(now.getTime() + DAY - 1), now)).toBe(true);
    expect(channelRenewalDue(new Date(now.getTime() - HOUR), now)).toBe(true);
  });
});
