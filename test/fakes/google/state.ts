import { randomBytes } from 'node:crypto';
import type { calendar_v3 } from '@googleapis/calendar';

/**
 * The fake's whole memory: Google accounts with one calendar each, the OAuth grants and tokens
 * issued for them, push channels, and the sync and page tokens handed out. Times come from `now`,
 * so a test moves tokens, channels and codes towards expiry with its own clock.
 */

export type GoogleEvent = calendar_v3.Schema$Event;

export interface StoredEvent {
  resource: GoogleEvent;
  /** The calendar's change counter when this event last changed (sync tokens compare it). */
  changedAt: number;
  /** Start stamps of instances of a recurring event deleted one by one. */
  cancelledInstances: Set<string>;
}

export interface FakeCalendar {
  owner: string;
  events: Map<string, StoredEvent>;
  /** Increases with every change of any event. */
  changes: number;
  /** Sync tokens from an older generation answer 410 (control: invalidateSyncTokens). */
  tokenGeneration: number;
}

export interface Grant {
  refreshToken: string;
  email: string;
  clientId: string;
  scope: string;
  revoked: boolean;
}

export interface AccessToken {
  token: string;
  grant: Grant;
  expiresAt: number;
  revoked: boolean;
}

export interface AuthorizationCode {
  code: string;
  email: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  offline: boolean;
  expiresAt: number;
  used: boolean;
}

export interface Channel {
  id: string;
  resourceId: string;
  resourceUri: string;
  token: string | null;
  address: string;
  calendar: string;
  expiration: number;
  stopped: boolean;
  messageNumber: number;
}

export interface Notification {
  channelId: string;
  address: string;
  headers: Record<string, string>;
}

export interface SyncPoint {
  calendar: string;
  changes: number;
  generation: number;
}

export interface PendingPage {
  calendar: string;
  items: GoogleEvent[];
  nextSyncToken: string;
}

export interface FakeGoogleState {
  now: () => Date;
  clientId: string;
  clientSecret: string;
  calendars: Map<string, FakeCalendar>;
  codes: Map<string, AuthorizationCode>;
  grants: Map<string, Grant>;
  accessTokens: Map<string, AccessToken>;
  channels: Map<string, Channel>;
  syncTokens: Map<string, SyncPoint>;
  pages: Map<string, PendingPage>;
  notifications: Notification[];
}

export function createState(options: {
  now: () => Date;
  clientId: string;
  clientSecret: string;
}): FakeGoogleState {
  return {
    ...options,
    calendars: new Map(),
    codes: new Map(),
    grants: new Map(),
    accessTokens: new Map(),
    channels: new Map(),
    syncTokens: new Map(),
    pages: new Map(),
    notifications: [],
  };
}

export function resetState(state: FakeGoogleState): void {
  for (const value of Object.values(state)) if (value instanceof Map) value.clear();
  state.notifications.length = 0;
}

export function calendarOf(state: FakeGoogleState, email: string): FakeCalendar {
  let calendar = state.calendars.get(email);
  if (!calendar) {
    calendar = { owner: email, events: new Map(), changes: 0, tokenGeneration: 0 };
    state.calendars.set(email, calendar);
  }
  return calendar;
}

export function randomToken(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** An event id as Google makes them: base32hex, 26 characters. */
export function randomEventId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  let id = '';
  for (const byte of randomBytes(26)) id += alphabet[byte % 32];
  return id;
}

export function nowMs(state: FakeGoogleState): number {
  return state.now().getTime();
}
