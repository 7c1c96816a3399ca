import type { BookingEvent } from '../../domain/calendar/booking-event.ts';
import type { ExternalEvent } from '../../domain/calendar/external-busy.ts';

/**
 * What calendar sync needs from Google, in our terms: the OAuth consent of a provider, and their
 * calendar's events and push channels. google-calendar-gateway.ts is the implementation over
 * @googleapis/calendar; the use-cases never see Google's client, its errors or its shapes.
 */

/** What the token endpoint gave for a consent, or a refreshed access token. */
export interface GoogleTokens {
  refreshToken: string;
  accessToken: string | null;
  accessExpiresAt: Date | null;
}

/** A connection's tokens as we keep them (unsealed for the call). */
export interface StoredCredentials {
  refreshToken: string;
  accessToken: string | null;
  accessExpiresAt: Date | null;
}

export interface EventListing {
  events: ExternalEvent[];
  /** Where the next incremental listing starts. */
  nextSyncToken: string;
}

/** A full listing of a time window (recurring events expanded), or the changes since a sync token. */
export type EventQuery = { syncToken: string } | { timeMin: Date; timeMax: Date };

export interface NewChannel {
  /** Our id for it (a UUID): X-Goog-Channel-ID on its notifications. */
  id: string;
  /** Echoed in X-Goog-Channel-Token: proves a notification is Google's. */
  token: string;
  /** Where Google POSTs its notifications. */
  address: string;
  ttlSeconds: number;
}

export interface OpenChannel {
  id: string;
  /** Google's id of the watched resource, needed to stop the channel. */
  resourceId: string;
  expiresAt: Date;
}

/** One provider's calendar, reached with their credentials. */
export interface CalendarConnection {
  /** Creates the booking's event under its own id, or, if that id exists (even deleted), replaces it. */
  upsertEvent(calendarId: string, event: BookingEvent): Promise<void>;
  /** Deletes the event; one already gone is fine. */
  deleteEvent(calendarId: string, eventId: string): Promise<void>;
  /** Every page of the listing. A sync token Google no longer honours: GoogleSyncTokenExpiredError. */
  listEvents(calendarId: string, query: EventQuery): Promise<EventListing>;
  watch(calendarId: string, channel: NewChannel): Promise<OpenChannel>;
  /** Stops a channel; one Google no longer knows is fine. */
  stopChannel(channel: { id: string; resourceId: string }): Promise<void>;
  /** Tokens Google issued during this connection's calls (a refreshed access token), to keep. */
  refreshedTokens(): GoogleTokens | null;
}

export interface GoogleCalendarGateway {
  /** Google's consent page for our client: offline access, consent prompt, the calendar scope. */
  authorizationUrl(state: string): string;
  /** Exchanges a consent's code. A code Google refuses (used, expired): GoogleAuthRevokedError. */
  exchangeCode(code: string): Promise<GoogleTokens>;
  /** Revokes a token (and with a refresh token, every access token issued from it). */
  revoke(token: string): Promise<void>;
  connect(credentials: StoredCredentials): CalendarConnection;
  /** Where push notifications are sent: PUBLIC_URL + /v1/webhooks/google-calendar. */
  readonly notificationAddress: string;
}

/** Base of what the gateway throws: its message names Google's status and reason, never a token. */
export class GoogleCalendarError extends Error {
  override name = 'GoogleCalendarError';
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * Google refuses the provider's grant (invalid_grant): the refresh token was revoked, expired or
 * the password changed, or a consent's code was used or expired. Only a new consent helps.
 */
export class GoogleAuthRevokedError extends GoogleCalendarError {
  override name = 'GoogleAuthRevokedError';
}

/** 410 on an incremental listing: the sync token is too old; list everything again. */
export class GoogleSyncTokenExpiredError extends GoogleCalendarError {
  override name = 'GoogleSyncTokenExpiredError';
}

/** Google did not answer, or failed (5xx, 429): retrying later may work. */
export class GoogleUnavailableError extends GoogleCalendarError {
  override name = 'GoogleUnavailableError';
}

/** Google refused the request itself (4xx other than the above). */
export class GoogleRefusedError extends GoogleCalendarError {
  override name = 'GoogleRefusedError';
}
