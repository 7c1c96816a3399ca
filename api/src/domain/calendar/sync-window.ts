import type { Interval } from '../availability/intervals.ts';
import { DAY } from '../time-units.ts';

/**
 * Which part of a provider's Google calendar we keep as busy blocks: from a day ago (a booking of
 * today may still be moved) to the furthest a client may book ahead (the longest bookingWindowDays
 * of the tenant's services) and a day more, for zones ahead of UTC. Recurring events are expanded
 * into their instances (singleEvents) inside it only: an endless weekly meeting becomes a bounded
 * list. The window moves with time, so the blocks are rebuilt from a full listing once a day; in
 * between, incremental syncs bring changes, and events outside the window are not kept.
 */
export function syncWindow(now: Date, longestBookingWindowDays: number): Interval {
  return {
    start: now.getTime() - DAY,
    end: now.getTime() + (longestBookingWindowDays + 1) * DAY,
  };
}

/** How old the last full listing may be before the next sync lists everything again. */
export const FULL_SYNC_EVERY_MS = DAY;

export function fullSyncDue(fullSyncedAt: Date | null, now: Date): boolean {
  return fullSyncedAt === null || now.getTime() - fullSyncedAt.getTime() >= FULL_SYNC_EVERY_MS;
}

export function overlapsWindow(interval: Interval, window: Interval): boolean {
  return interval.start < window.end && interval.end > window.start;
}

/**
 * Push channels: asked for a week (the most Google gives an events channel) and replaced once less
 * than a day is left, so the hourly renewal has 24 tries before one lapses. A lapse loses nothing:
 * the 15-minute poll syncs anyway.
 */
export const CHANNEL_TTL_SECONDS = 7 * 24 * 3600;
export const RENEW_CHANNEL_BEFORE_MS = DAY;

export function channelRenewalDue(expiresAt: Date | null, now: Date): boolean {
  return expiresAt === null || expiresAt.getTime() - now.getTime() < RENEW_CHANNEL_BEFORE_MS;
}
